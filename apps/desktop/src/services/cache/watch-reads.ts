// One live's viewers, paged and sorted: internal viewers with their names and main department,
// external viewers as WeCom reports them.
import type { WatchRow } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import type { WatchStatsQuery, WatchStatsResult } from './types.ts';
import { nameSortKey } from './name-sort-key.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import { userNameOrder } from './user-name-order.ts';
import { createWatchSortedPages, type PageEntry } from './watch-sorted-pages.ts';
import { watchScope } from './watch-writes.ts';

// the department is the one the viewer had when the stats were fetched, as in the analytics;
// `key` is the column a name sort reads (see sortKeys below)
const internalRows = (key = '') => `SELECT 'internal' AS kind, w.userid AS id, COALESCE(NULLIF(u.name, ''), w.userid) AS name,
    d.name AS department_name, d.id AS department_id, NULL AS external_type, w.watch_time, w.is_comment, w.is_mic,
    w.invitor_userid, w.invitor_external_userid${key}
  FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
    LEFT JOIN departments d ON d.id = COALESCE(w.department_id, u.home_department)
  WHERE w.live_id = :live AND w.generation = :gen`;
const externalRows = (key = '') => `SELECT 'external' AS kind, e.external_userid AS id, e.name, NULL AS department_name, NULL AS department_id,
    e.type AS external_type, e.watch_time, e.is_comment, e.is_mic, e.invitor_userid, e.invitor_external_userid${key}
  FROM watch_external e WHERE e.live_id = :live AND e.generation = :gen`;

/**
 * Names sort by their pinyin key (name-sort-key.ts): a user's stored key, computed for a viewer the
 * cache has no user for (by the userid the table shows) and for external viewers. While users
 * stored before the key existed lack one, names sort by the name itself (user-name-order.ts).
 */
const sortKeys = (byKey: boolean) =>
  byKey
    ? {
        internal: ", COALESCE(u.name_key, name_key(COALESCE(NULLIF(u.name, ''), w.userid))) AS sort_key",
        external: ', name_key(e.name) AS sort_key',
      }
    : { internal: ", COALESCE(NULLIF(u.name, ''), w.userid) AS sort_key", external: ', e.name AS sort_key' };

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

export function createWatchReads(ctx: CacheContext, aggregates: OrgAggregates, departmentPaths: () => DepartmentPaths) {
  ctx.db.function('name_key', { deterministic: true }, (name: unknown) => nameSortKey(typeof name === 'string' ? name : ''));
  const sortedPages = createWatchSortedPages(
    ctx,
    () => {
      aggregates.ensure();
      return aggregates.version();
    },
    () => aggregates.userCount(),
    departmentPaths,
  );
  // one read transaction: the generation and its rows come from the same snapshot
  const watchStats = (query: WatchStatsQuery): WatchStatsResult => ctx.tx(() => readWatchStats(query));

  function readWatchStats(query: WatchStatsQuery): WatchStatsResult {
    const found = ctx.stmt('SELECT id, watch_generation AS gen FROM lives WHERE livingid = ?').get(query.livingid) as
      { id: number; gen: number } | undefined;
    const { asOf, complete } = watchAsOf(ctx, query.livingid);
    if (found === undefined) return { asOf, complete, total: 0, rows: [] };
    const { id: live, gen } = found;
    const kind = query.kind ?? 'all';
    const desc = query.desc ?? true;
    const limit = Math.max(1, Math.min(1000, Math.trunc(query.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));

    const internalCount =
      kind === 'external'
        ? 0
        : (ctx.stmt('SELECT count(*) FROM watch_internal WHERE live_id = ? AND generation = ?').pluck().get(live, gen) as number);
    const externalCount =
      kind === 'internal'
        ? 0
        : (ctx.stmt('SELECT count(*) FROM watch_external WHERE live_id = ? AND generation = ?').pluck().get(live, gen) as number);
    const total = internalCount + externalCount;
    const byKey = userNameOrder(ctx) === 'name_key';
    const request = { kind, desc, offset, limit };
    const counts = { live, gen, internal: internalCount, external: externalCount };
    const page =
      offset >= total || !byKey || (query.sort !== 'name' && query.sort !== 'department')
        ? null
        : query.sort === 'name'
          ? sortedPages.byName(counts, request)
          : sortedPages.byDepartment(counts, request);
    const rows = offset >= total ? [] : page ? rowsOf(live, gen, page) : sortedRows(live, gen, query.sort, byKey, request);
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

  /** Every row sorted (by watch time: both sides' indexes, merged): the page of them. */
  function sortedRows(
    live: number,
    gen: number,
    sort: WatchStatsQuery['sort'],
    byKey: boolean,
    { kind, desc, offset, limit }: { kind: string; desc: boolean; offset: number; limit: number },
  ): Row[] {
    const keyed = sort === 'name' || sort === 'department';
    const key = keyed ? sortKeys(byKey) : { internal: '', external: '' };
    const source =
      kind === 'internal'
        ? internalRows(key.internal)
        : kind === 'external'
          ? externalRows(key.external)
          : `${internalRows(key.internal)} UNION ALL ${externalRows(key.external)}`;
    const direction = desc ? 'DESC' : 'ASC';
    // by watch time both sides read their (live_id, watch_time, id) index and merge: no sort
    const order =
      sort === 'name'
        ? `sort_key ${direction}, id`
        : sort === 'department'
          ? `department_name IS NULL, department_name ${direction}, sort_key, id`
          : `watch_time ${direction}, id ${direction}`;
    return ctx
      .stmt(
        // a compound SELECT orders by result columns only: the department order needs a wrapper
        sort === 'department'
          ? `SELECT * FROM (${source}) ORDER BY ${order} LIMIT :limit OFFSET :offset`
          : `${source} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
      )
      .all({ live, gen, limit, offset }) as Row[];
  }

  /** The rows of a page known as (kind, id), in its order. */
  function rowsOf(live: number, gen: number, page: PageEntry[]): Row[] {
    const ids = (kind: PageEntry['kind']) => JSON.stringify(page.filter((e) => e.kind === kind).map((e) => e.id));
    const found = new Map<string, Row>();
    const read = (sql: string, list: string) =>
      (ctx.stmt(sql).all({ live, gen, ids: list }) as Row[]).forEach((r) => found.set(`${r.kind}:${r.id}`, r));
    read(`${internalRows()} AND w.userid IN (SELECT value FROM json_each(:ids))`, ids('internal'));
    read(`${externalRows()} AND e.external_userid IN (SELECT value FROM json_each(:ids))`, ids('external'));
    return page.map((e) => found.get(`${e.kind}:${e.id}`)).filter((r): r is Row => r !== undefined);
  }

  return { watchStats };
}
