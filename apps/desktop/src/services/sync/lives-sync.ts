// Lives sync: which lives exist (get_user_all_livingid per anchor) and their info (get_living_info).
//
// WeCom has no "all lives of the corp" call: lives are listed per user, and an app only sees the
// lives it created. Asking every member each time would cost one call per member (100k for a big
// corp), so the anchors asked are:
//   1. everyone who anchors a live already in the cache (lives this app created or saw),
//   2. configured extra anchors,
//   3. a rolling window of other active members (`anchorDiscoveryBatch` per sync, resumed from a
//      cursor), so lives created elsewhere with this app are found within a few syncs.
// A corp with fewer active members than the batch is covered completely on every sync.
// get_living_info is skipped for lives that ended well before they were last fetched (final).
import { mapConcurrent, type LivingInfo } from '@wld/wecom-core';
import type { WireLivingInfo } from '../cache/index.ts';
import { isItemError, yieldToLoop, type SyncRun } from './sync-run.ts';

const DISCOVERY_SCOPE = 'lives:discovery';
const SEARCH_PAGE = 250;
const INFO_BATCH = 50;
/** A live that ended this long before its last fetch no longer changes (viewer numbers, replay). */
const FINAL_AFTER_END_SECONDS = 6 * 3600;
const TERMINAL = new Set([2, 3, 4]);

export async function syncLives(run: SyncRun): Promise<{ anchors: number; lives: number; fetched: number }> {
  const { client, cache } = run;
  const fetchedAt = run.now();
  const anchors = await pickAnchors(run);
  run.progress('anchors', 0, anchors.length);

  const livingids = new Set<string>();
  let asked = 0;
  const lists = mapConcurrent(
    anchors,
    run.options.concurrency,
    async (userid, signal) => {
      const ids: string[] = [];
      try {
        for await (const id of client.lives.getUserAllLivingIds(userid, { priority: 'background', signal })) ids.push(id);
      } catch (error) {
        // one member we may not ask (left, outside visibility) must not stop the sync
        if (!isItemError(error)) throw error;
      }
      return ids;
    },
    run.signal,
  );
  for await (const ids of lists) {
    for (const id of ids) livingids.add(id);
    run.progress('anchors', ++asked, anchors.length);
  }
  // lives in the cache that may still change are refreshed even if their anchor was not asked
  for (const live of cache.listLives({}).lives) if (!TERMINAL.has(live.status)) livingids.add(live.livingid);

  const toFetch = [...livingids].filter((id) => !isFinal(run, id));
  run.progress('lives', 0, toFetch.length);
  let batch: WireLivingInfo[] = [];
  let done = 0;
  const infos = mapConcurrent(
    toFetch,
    run.options.concurrency,
    async (livingid, signal): Promise<WireLivingInfo | null> => {
      try {
        const info: LivingInfo = await client.lives.getLivingInfo(livingid, { priority: 'background', signal });
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
  if (batch.length > 0) cache.upsertLives(batch, fetchedAt);
  cache.setSyncState('lives', { status: 'done', fetchedAt, phase: null, done, total: toFetch.length });
  return { anchors: anchors.length, lives: livingids.size, fetched: done };
}

function isFinal(run: SyncRun, livingid: string): boolean {
  const cached = run.cache.getLive(livingid)?.live;
  if (!cached || !TERMINAL.has(cached.status)) return false;
  const end = cached.livingStart + cached.livingDuration;
  return cached.fetchedAt / 1000 > end + FINAL_AFTER_END_SECONDS;
}

async function pickAnchors(run: SyncRun): Promise<string[]> {
  const { cache } = run;
  const anchors = new Set<string>([...cache.knownAnchors(), ...run.options.extraAnchors]);
  const batch = run.options.anchorDiscoveryBatch;
  if (batch <= 0) return [...anchors];
  const state = cache.getSyncState(DISCOVERY_SCOPE);
  let offset = Number(state?.cursor ?? 0) || 0;
  let added = 0;
  let total = 0;
  let wrapped = false;
  while (added < batch) {
    const page = cache.searchUsers({ status: 1, sort: 'userid', offset, limit: Math.min(SEARCH_PAGE, batch - added) });
    total = page.total;
    for (const user of page.rows) anchors.add(user.userid);
    added += page.rows.length;
    offset += page.rows.length;
    if (offset >= total) {
      offset = 0;
      if (wrapped || total <= batch) break; // the whole corp fits in one window
      wrapped = true;
    }
    if (page.rows.length === 0) break;
    await yieldToLoop();
  }
  cache.setSyncState(DISCOVERY_SCOPE, { status: 'done', cursor: String(offset), done: added, total });
  return [...anchors];
}
