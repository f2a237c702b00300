// Watch statistics sync (get_watch_stat), incremental and crash-safe:
// - each page is written together with its cursor (cache.appendWatchPage: pages are committed
//   together, at least every second), so a crash leaves whole pages and a cursor that matches
//   them; the next run resumes from next_key;
// - the last page's merge (summaries, switch, old rows' deletion) runs in small steps with the
//   event loop free between them, so the windows' reads are answered meanwhile (they see the old
//   rows until the merge switches to the new ones); a merge cut short resumes before any page is
//   fetched again;
// - ended lives whose stats were fetched completely after the end are final and never asked again
//   (cache.pendingWatchSyncs leaves them out); lives that are live now start over each time;
// - lives are fetched side by side (tuning.watchConcurrency chains), within the client's limiter.
// Only `ending == 1` ends the paging; an empty page does not (LivesService.watchStatPages).
import type { WatchStatPage } from '@wld/wecom-core';
import type { Cache } from '../cache/index.ts';
import { isItemError, yieldToLoop, type SyncRun } from './sync-run.ts';
import { runUnit, type UnitRun } from './unit-retry.ts';

export interface LiveWatchResult {
  livingid: string;
  pages: number;
  rows: number;
  resumed: boolean;
}

export async function syncWatch(run: SyncRun): Promise<{ lives: number; rows: number }> {
  const pending = run.cache.pendingWatchSyncs();
  let rows = 0;
  let done = 0;
  run.progress('watch', 0, pending.length);
  // Lives side by side, each its own chain of pages: the limiter keeps what goes on the wire within
  // WeCom's quota. A failure that stops the sync stops the other chains where they are (each keeps
  // its cursor) and is reported once they have stopped.
  const stop = new AbortController();
  const shared = { ...run, signal: AbortSignal.any([run.signal, stop.signal]) };
  const queue = [...pending];
  let failure: { error: unknown } | null = null;
  const chain = async (): Promise<void> => {
    for (let livingid = queue.shift(); livingid !== undefined && !failure; livingid = queue.shift()) {
      try {
        rows += (await syncLiveWatch(shared, livingid)).rows;
      } catch (error) {
        // a live WeCom refuses (gone, not this app's) keeps its cursor; the others go on
        if (!isItemError(error)) {
          failure ??= { error };
          stop.abort(error);
          return;
        }
      }
      run.progress('watch', ++done, pending.length);
    }
  };
  const chains = Math.max(1, Math.min(run.options.watchConcurrency, pending.length));
  await Promise.all(Array.from({ length: chains }, chain));
  if (failure) throw (failure as { error: unknown }).error;
  run.cache.setSyncState('watch', {
    status: 'done',
    fetchedAt: run.now(),
    phase: null,
    done,
    total: pending.length,
  });
  return { lives: pending.length, rows };
}

/** Fetches (or resumes) one live's watch stats to the end. `onPage` runs after each written page. */
export async function syncLiveWatch(
  run: Pick<SyncRun, 'client' | 'cache' | 'signal' | 'now'> & Partial<UnitRun>,
  livingid: string,
  onPage?: (page: { rows: number; nextKey: string; finished: boolean }) => void,
): Promise<LiveWatchResult> {
  const { client, cache } = run;
  const live = cache.getLive(livingid)?.live;
  // While a live is on, every number changes: a fresh pass is the only consistent one.
  const { nextKey: startKey, resumed, merging } = cache.beginWatch(livingid, { restart: live?.status === 1 });
  if (merging) {
    await mergeSteps(cache, livingid);
    return { livingid, pages: 0, rows: 0, resumed };
  }
  let pages = 0;
  let rows = 0;
  let requestedKey = startKey;
  // the paging (and its stuck-cursor guard) is wecom-core's; the sync resumes it from the cursor, and in
  // a sync job each page is a unit (retried, resumed from its key); a single call fails plainly
  const wrapPage = isUnitRun(run)
    ? (fetch: () => Promise<WatchStatPage>) => runUnit(run, `get_watch_stat ${livingid}`, fetch)
    : undefined;
  const source = client.lives.watchStatPages(livingid, { startKey, priority: 'background', signal: run.signal, wrapPage });
  for await (const page of source) {
    const nextKey = page.next_key ?? requestedKey;
    const written = cache.appendWatchPage(
      livingid,
      page.stat_info,
      { nextKey, ending: page.ending, fromKey: requestedKey },
      run.now(),
      { merge: 'later' },
    );
    if (written.finished) await mergeSteps(cache, livingid);
    pages++;
    rows += written.rows;
    onPage?.({ rows: written.rows, nextKey, finished: written.finished });
    requestedKey = nextKey;
  }
  return { livingid, pages, rows, resumed };
}

/** Runs a live's pending merge, letting the event loop run between its small transactions. */
async function mergeSteps(cache: Cache, livingid: string): Promise<void> {
  for (const _ of cache.mergeWatchSteps(livingid)) await yieldToLoop();
}

function isUnitRun(run: Partial<UnitRun>): run is UnitRun {
  return (
    run.budget !== undefined &&
    run.sleep !== undefined &&
    run.status !== undefined &&
    run.startedAt !== undefined &&
    run.options !== undefined &&
    run.language !== undefined
  );
}
