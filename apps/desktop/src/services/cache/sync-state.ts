// Resumable sync progress per scope, the last complete fetch per scope, and "data as of".
import type { CacheContext } from './context.ts';
import type { SyncState, SyncStatePatch } from './types.ts';

interface SyncStateRow {
  scope: string;
  status: string;
  cursor: string | null;
  fetched_at: number | null;
  phase: string | null;
  done: number;
  total: number | null;
  generation: number;
  data: string | null;
  updated_at: number;
}

/** The scopes lastSync() reports (the contract's sync scopes plus tags). */
const REPORTED_SCOPES = ['org', 'tags', 'lives', 'watch'] as const;

export function toSyncState(r: SyncStateRow): SyncState {
  return {
    scope: r.scope,
    status: r.status,
    cursor: r.cursor,
    fetchedAt: r.fetched_at,
    phase: r.phase,
    done: r.done,
    total: r.total,
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
    updatedAt: r.updated_at,
  };
}

export function createSyncState(ctx: CacheContext) {
  function getSyncState(scope: string): SyncState | null {
    const row = ctx.stmt('SELECT * FROM sync_state WHERE scope = ?').get(scope) as SyncStateRow | undefined;
    return row ? toSyncState(row) : null;
  }

  function setSyncState(scope: string, patch: SyncStatePatch): SyncState {
    return ctx.tx(() => {
      const current = getSyncState(scope);
      const next: SyncState = {
        scope,
        status: 'idle',
        cursor: null,
        fetchedAt: null,
        phase: null,
        done: 0,
        total: null,
        data: null,
        ...current,
        ...patch,
        updatedAt: ctx.now(),
      };
      ctx
        .stmt(
          `INSERT INTO sync_state (scope, status, cursor, fetched_at, phase, done, total, data, updated_at)
           VALUES (@scope, @status, @cursor, @fetchedAt, @phase, @done, @total, @data, @updatedAt)
           ON CONFLICT(scope) DO UPDATE SET status = @status, cursor = @cursor, fetched_at = @fetchedAt,
             phase = @phase, done = @done, total = @total, data = @data, updated_at = @updatedAt`,
        )
        .run({
          ...next,
          data: next.data === null || next.data === undefined ? null : JSON.stringify(next.data),
        });
      return next;
    });
  }

  function listSyncStates(prefix?: string): SyncState[] {
    const rows = (
      prefix === undefined
        ? ctx.stmt('SELECT * FROM sync_state ORDER BY scope').all()
        : ctx
            .stmt(`SELECT * FROM sync_state WHERE substr(scope, 1, length(?)) = ? ORDER BY scope`)
            .all(prefix, prefix)
    ) as SyncStateRow[];
    return rows.map(toSyncState);
  }

  function lastSync(): Record<string, number | null> {
    const result: Record<string, number | null> = {};
    for (const scope of REPORTED_SCOPES) {
      result[scope] =
        (ctx.stmt('SELECT fetched_at FROM sync_state WHERE scope = ?').pluck().get(scope) as
          number | null | undefined) ?? null;
    }
    // without a 'watch' job record, the newest finished fetch of any live
    result.watch ??=
      (ctx
        .stmt(
          `SELECT max(fetched_at) FROM sync_state WHERE scope >= 'watch:' AND scope < 'watch;' AND status = 'done'`,
        )
        .pluck()
        .get() as number | null) ?? null;
    result.tags ??= ctx.datasetAt('tags');
    return result;
  }

  function newestFetchedAt(): number | null {
    return (ctx.stmt('SELECT max(fetched_at) FROM datasets').pluck().get() as number | null) ?? null;
  }

  return { getSyncState, setSyncState, listSyncStates, lastSync, newestFetchedAt };
}
