// One live's viewers, paged and sorted: internal viewers with their names and main department,
// external viewers as WeCom reports them.
import type { WatchRow } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import type { WatchStatsQuery, WatchStatsResult } from './types.ts';
import { watchScope } from './watch-writes.ts';

// the department is the one the viewer had when the stats were fetched, as in the analytics
const INTERNAL = `SELECT 'internal' AS kind, w.userid AS id, COALESCE(NULLIF(u.name, ''), w.userid) AS name,
    d.name AS department_name, d.id AS department_id, NULL AS external_type, w.watch_time, w.is_comment, w.is_mic,
    w.invitor_userid, w.invitor_external_userid
  FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
    LEFT JOIN departments d ON d.id = COALESCE(w.department_id, u.home_department)
  WHERE w.live_id = :live`;
const EXTERNAL = `SELECT 'external' AS kind, e.external_userid AS id, e.name, NULL AS department_name, NULL AS department_id,
    e.type AS external_type, e.watch_time, e.is_comment, e.is_mic, e.invitor_userid, e.invitor_external_userid
  FROM watch_external e WHERE e.live_id = :live`;

interface Row {
  kind: 'internal' | 'external';
  id: string;
  name: string;
  department_name: string | null;
  department_id: number | null;
  external_type: number | null;
  watch_time: number;
  is_comment: number;
  is_mic: number;
  invitor_userid: string | null;
  invitor_external_userid: string | null;
}

/**
 * Freshness of one live's watch rows. Readers see the last complete fetch (a running one is merged
 * only when it ends), so `asOf` is that fetch's time and `complete` says whether one exists.
 */
export function watchAsOf(ctx: CacheContext, livingid: string): { asOf: number | null; complete: boolean } {
  const fetchedAt = ctx
    .stmt('SELECT fetched_at FROM sync_state WHERE scope = ?')
    .pluck()
    .get(watchScope(livingid)) as number | null | undefined;
  return { asOf: fetchedAt ?? null, complete: fetchedAt !== null && fetchedAt !== undefined };
}

export function createWatchReads(ctx: CacheContext, departmentPaths: () => DepartmentPaths) {
  function watchStats(query: WatchStatsQuery): WatchStatsResult {
    const live = ctx.stmt('SELECT id FROM lives WHERE livingid = ?').pluck().get(query.livingid) as
      number | undefined;
    const { asOf, complete } = watchAsOf(ctx, query.livingid);
    if (live === undefined) return { asOf, complete, total: 0, rows: [] };
    const kind = query.kind ?? 'all';
    const source =
      kind === 'internal' ? INTERNAL : kind === 'external' ? EXTERNAL : `${INTERNAL} UNION ALL ${EXTERNAL}`;
    const direction = (query.desc ?? true) ? 'DESC' : 'ASC';
    // by watch time both sides read their (live_id, watch_time, id) index and merge: no sort
    const order =
      query.sort === 'name'
        ? `name ${direction}, id`
        : query.sort === 'department'
          ? `department_name IS NULL, department_name ${direction}, name, id`
          : `watch_time ${direction}, id ${direction}`;
    const limit = Math.max(1, Math.min(1000, Math.trunc(query.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));

    const internalCount =
      kind === 'external'
        ? 0
        : (ctx.stmt('SELECT count(*) FROM watch_internal WHERE live_id = ?').pluck().get(live) as number);
    const externalCount =
      kind === 'internal'
        ? 0
        : (ctx.stmt('SELECT count(*) FROM watch_external WHERE live_id = ?').pluck().get(live) as number);
    const total = internalCount + externalCount;
    const rows =
      offset >= total
        ? []
        : (ctx
            .stmt(
              // a compound SELECT orders by result columns only: the department order needs a wrapper
              query.sort === 'department'
                ? `SELECT * FROM (${source}) ORDER BY ${order} LIMIT :limit OFFSET :offset`
                : `${source} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
            )
            .all({ live, limit, offset }) as Row[]);
    const paths = rows.length > 0 ? departmentPaths() : null;
    return {
      asOf,
      complete,
      total,
      rows: rows.map((r): WatchRow => ({
        kind: r.kind,
        id: r.id,
        name: r.name,
        departmentName: r.department_name,
        departmentPath: r.department_id === null || !paths ? null : paths.path(r.department_id) || null,
        externalType: r.external_type,
        watchTime: r.watch_time,
        isComment: r.is_comment === 1,
        isMic: r.is_mic === 1,
        invitorUserid: r.invitor_userid,
        invitorExternalUserid: r.invitor_external_userid,
      })),
    };
  }

  return { watchStats };
}
