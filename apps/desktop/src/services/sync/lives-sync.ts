// Lives sync: which lives exist (get_user_all_livingid per anchor) and their info (get_living_info).
//
// WeCom has no "all lives of the corp" call: lives are listed per user, and an app only sees the
// lives it created. Asking every member each time would cost one call per member (100k for a big
// corp), so the anchors asked are:
//   1. everyone who anchors a live already in the cache (lives this app created or saw),
//   2. configured extra anchors,
//   3. a slow sweep of the other active members, resumed from a cursor, within a stated share of
//      get_user_all_livingid's hourly quota (`discoveryQuotaShare`): the sweep calls of the last
//      hour are logged, and a sync sweeps at most what the share leaves (and `anchorDiscoveryBatch`).
//      Lives created elsewhere with this app are found as the sweep comes round.
// Each sync reports its calls (sync state 'lives': discovery calls, info calls).
// get_living_info is skipped for lives that ended well before they were last fetched (final).
import { mapConcurrent, type LivingInfo } from '@wld/wecom-core';
import type { WireLivingInfo } from '../cache/index.ts';
import { isItemError, yieldToLoop, type SyncRun } from './sync-run.ts';
import { runUnit } from './unit-retry.ts';
import { DISCOVERY_SCOPE, discoveryData, type SweepLog } from './lives-discovery.ts';

const LIST_PATH = '/cgi-bin/living/get_user_all_livingid';
const HOUR_MS = 3600_000;
const SEARCH_PAGE = 250;
const INFO_BATCH = 50;
/** A live that ended this long before its last fetch no longer changes (viewer numbers, replay). */
const FINAL_AFTER_END_SECONDS = 6 * 3600;
const TERMINAL = new Set([2, 3, 4]);

export interface LivesSyncResult {
  anchors: number;
  /** Of which found by the sweep (not known, not configured). */
  swept: number;
  lives: number;
  fetched: number;
  /** get_user_all_livingid calls this sync (retries included). */
  listCalls: number;
  /** get_living_info calls this sync (retries included). */
  infoCalls: number;
}

export async function syncLives(run: SyncRun): Promise<LivesSyncResult> {
  const { client, cache } = run;
  const fetchedAt = run.now();
  const { anchors, swept, commit } = await pickAnchors(run);
  let listCalls = 0;
  let infoCalls = 0;
  let completed = false;
  try {
    run.progress('anchors', 0, anchors.length);

    const livingids = new Set<string>();
    let asked = 0;
    const lists = mapConcurrent(
      anchors,
      run.options.concurrency,
      async (userid, signal) => {
        try {
          // one unit per anchor: a failure asks that anchor again from its first page
          return await runUnit(run, `${LIST_PATH} ${userid}`, async () => {
            const ids: string[] = [];
            listCalls++;
            for await (const id of client.lives.getUserAllLivingIds(userid, {
              priority: 'background',
              signal,
            }))
              ids.push(id);
            return ids;
          });
        } catch (error) {
          // one member we may not ask (left, outside visibility) must not stop the sync
          if (!isItemError(error)) throw error;
          return [];
        }
      },
      run.signal,
    );
    for await (const ids of lists) {
      for (const id of ids) livingids.add(id);
      run.progress('anchors', ++asked, anchors.length);
    }
    // lives in the cache that may still change are refreshed even if their anchor was not asked
    for (const live of cache.listLives({}).lives)
      if (!TERMINAL.has(live.status)) livingids.add(live.livingid);

    const toFetch = [...livingids].filter((id) => !isFinal(run, id));
    run.progress('lives', 0, toFetch.length);
    let batch: WireLivingInfo[] = [];
    let done = 0;
    const infos = mapConcurrent(
      toFetch,
      run.options.concurrency,
      async (livingid, signal): Promise<WireLivingInfo | null> => {
        try {
          const info: LivingInfo = await runUnit(run, `get_living_info ${livingid}`, () => {
            infoCalls++;
            return client.lives.getLivingInfo(livingid, { priority: 'background', signal });
          });
          return { livingid, ...info };
        } catch (error) {
          // gone, or not this app's: the cached row stays as it was last seen
          if (isItemError(error)) return null;
          throw error;
        }
      },
      run.signal,
    );
    for await (const info of infos) {
      if (info) batch.push(info);
      if (batch.length >= INFO_BATCH) {
        cache.upsertLives(batch, fetchedAt);
        batch = [];
        await yieldToLoop();
      }
      run.progress('lives', ++done, toFetch.length);
    }
    // also with nothing left to write: the list is as of this sync
    cache.upsertLives(batch, fetchedAt);
    cache.setSyncState('lives', {
      status: 'done',
      fetchedAt,
      phase: null,
      done,
      total: toFetch.length,
      data: { listCalls, infoCalls, anchors: anchors.length, swept },
    });
    completed = true;
    return { anchors: anchors.length, swept, lives: livingids.size, fetched: done, listCalls, infoCalls };
  } finally {
    commit(completed);
  }
}

function isFinal(run: SyncRun, livingid: string): boolean {
  const cached = run.cache.getLive(livingid)?.live;
  if (!cached || !TERMINAL.has(cached.status)) return false;
  const end = cached.livingStart + cached.livingDuration;
  return cached.fetchedAt / 1000 > end + FINAL_AFTER_END_SECONDS;
}

/** get_user_all_livingid calls per hour the client's limiter allows (its bucket, or the per-API default). */
function listQuotaPerHour(run: SyncRun): number {
  const quotas = run.client.config.quotas;
  return quotas.buckets[LIST_PATH]?.perHour ?? quotas.perApiPerHour;
}

/** The sweeps of the last hour. */
function sweepLog(run: SyncRun, sweeps: SweepLog): SweepLog {
  const since = run.now() - HOUR_MS;
  return sweeps.filter(([at]) => at > since);
}

/** Members the sweep may ask per hour: its share of the list call's hourly quota. */
const hourShare = (run: SyncRun) => Math.floor(listQuotaPerHour(run) * run.options.discoveryQuotaShare);

/** Sweep calls this sync may make: the hourly share less what the last hour's sweeps used. */
export function sweepAllowance(run: SyncRun, log: SweepLog): number {
  const used = log.reduce((sum, [, calls]) => sum + calls, 0);
  return Math.max(0, Math.min(run.options.anchorDiscoveryBatch, hourShare(run) - used));
}

/**
 * The anchors to ask this sync. The sweep's cursor moves (`commit`) only once the lives found are
 * written: a job that fails part-way sweeps the same members again when it is resumed.
 */
async function pickAnchors(
  run: SyncRun,
): Promise<{ anchors: string[]; swept: number; commit: (completed: boolean) => void }> {
  const { cache } = run;
  const anchors = new Set<string>([...cache.knownAnchors(), ...run.options.extraAnchors]);
  const known = anchors.size;
  const state = cache.getSyncState(DISCOVERY_SCOPE);
  const kept = discoveryData(state?.data);
  const log = sweepLog(run, kept.sweeps);
  const batch = sweepAllowance(run, log);
  if (batch <= 0) return { anchors: [...anchors], swept: 0, commit: () => {} };
  let offset = Number(state?.cursor ?? 0) || 0;
  let added = 0;
  let total = 0;
  let wrapped = false;
  /** Times this window reached the last member (a round of the whole corp ended). */
  let rounds = 0;
  while (added < batch) {
    const page = cache.searchUsers({
      status: 1,
      sort: 'userid',
      offset,
      limit: Math.min(SEARCH_PAGE, batch - added),
    });
    total = page.total;
    for (const user of page.rows) anchors.add(user.userid);
    added += page.rows.length;
    offset += page.rows.length;
    if (offset >= total) {
      offset = 0;
      if (total > 0) rounds++;
      if (wrapped || total <= batch) break; // the whole corp fits in one window
      wrapped = true;
    }
    if (page.rows.length === 0) break;
    await yieldToLoop();
  }
  const swept = anchors.size - known;
  // the calls count against the hour's share either way; the cursor moves only when completed
  const commit = (completed: boolean) =>
    cache.setSyncState(DISCOVERY_SCOPE, {
      status: completed ? 'done' : 'failed',
      cursor: completed ? String(offset) : (state?.cursor ?? null),
      done: added,
      total,
      data: {
        sweeps: [...log, [run.now(), swept]],
        rounds: kept.rounds + (completed ? rounds : 0),
        perHour: hourShare(run),
      },
    });
  return { anchors: [...anchors], swept, commit };
}
