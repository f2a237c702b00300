// Read latency on a warm cache of 100k users / 3k departments / 1M watch rows: user search over
// varied queries (target p95 < 10 ms) and the dashboard aggregates (target p95 < 20 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type Cache, type UserSearchQuery } from '../../src/services/cache/index.ts';
import { seededRandom } from './generate.ts';
import { formatTable, percentile, timeEach, type CacheBenchRow, type Timings } from './report.ts';
import { isMain } from './run-main.ts';
import { watchStatsQueries, type WatchSort } from './watch-queries.ts';
import { buildWarmCache, type WarmCache, type WarmCacheSize } from './warm-cache.ts';

export const QUERY_BENCH_SIZE: WarmCacheSize = { users: 100_000, departments: 3_000, watchRows: 1_000_000 };
const SEARCH_TARGET_MS = 10;
const DASHBOARD_TARGET_MS = 20;

function row(
  benchmark: string,
  data: string,
  times: Timings,
  targetMs: number | null,
  notes: string,
): CacheBenchRow {
  const p95 = percentile(times.wall, 95);
  return {
    benchmark,
    data,
    samples: times.wall.length,
    p50Ms: percentile(times.wall, 50),
    p95Ms: p95,
    cpuP95Ms: percentile(times.cpu, 95),
    value: null,
    unit: '',
    target: targetMs === null ? '–' : `p95 < ${targetMs} ms`,
    met: targetMs === null || p95 < targetMs,
    notes,
  };
}

/** Varied searches: surnames, full names, name parts, userid prefixes, positions, departments, filters, sorts, pages. */
export function searchQueries(cache: Cache, warm: WarmCache, count: number, seed: number): UserSearchQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sample = cache.usersByIds(Array.from({ length: 200 }, () => pick(warm.userids)));
  const departments = cache.departments().departments;
  const midSized = departments.filter((d) => d.totalUserCount > 500 && d.totalUserCount < 20_000);
  const kinds: Array<() => UserSearchQuery> = [
    () => ({ query: pick(sample).name.slice(0, 1) }), // a surname: thousands of hits
    () => ({ query: pick(sample).name }), // a full name
    () => ({ query: pick(sample).name.slice(1) }), // given name only
    () => ({ query: pick(sample).userid.slice(0, 4 + Math.floor(random() * 4)) }), // userid prefix
    () => ({ query: pick(sample).userid }),
    () => ({ query: pick(['工程师', '经理', '销售', '产品', '实习生', '财务']) }),
    () => ({ query: '', departmentId: pick(midSized).id, recursive: true }),
    () => ({ query: '', departmentId: pick(departments).id, recursive: false }),
    () => ({ query: '', departmentId: 1, recursive: true, sort: 'userid' }),
    () => ({
      query: pick(sample).name.slice(0, 1),
      departmentId: pick(midSized).id,
      recursive: true,
      status: 1,
    }),
    () => ({ query: '', status: pick([1, 2, 4, 5] as const), sort: 'position' }),
    () => ({
      query: '',
      sort: pick(['name', 'userid', 'position', 'status'] as const),
      desc: random() < 0.5,
      offset: Math.floor(random() * 5000),
    }),
  ];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length] as () => UserSearchQuery;
    return { recursive: true, sort: 'name', desc: false, offset: 0, limit: 100, ...kind() };
  });
}

export async function runQueryBenchmarks(size: WarmCacheSize = QUERY_BENCH_SIZE): Promise<CacheBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wld-cache-queries-'));
  try {
    const built = performance.now();
    const warm = await buildWarmCache(join(dir, 'warm.sqlite'), size);
    const buildMs = performance.now() - built;
    const data = `${size.users / 1000}k users / ${size.departments / 1000}k depts / ${size.watchRows / 1e6}M watch rows`;
    const cache = openCache(warm.file, { now: () => warm.now * 1000 });
    try {
      const random = seededRandom(5);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const biggest = [...warm.lives].sort((a, b) => b.viewers - a.viewers);
      const livesToRead = [...biggest.slice(0, 5), ...Array.from({ length: 55 }, () => pick(warm.lives))];
      // audiences for absentee lists: a department subtree each
      const departments = cache
        .departments()
        .departments.filter((d) => d.totalUserCount > 200 && d.totalUserCount < 5000);
      for (const live of livesToRead) {
        cache.setLiveAudience(live.livingid, {
          userids: [],
          departmentIds: [pick(departments).id],
          tagIds: [],
        });
      }
      const rows: CacheBenchRow[] = [];

      // the same 240 searches twice: first against a cold page cache (just opened), then again
      const queries = searchQueries(cache, warm, 240, 99);
      searchQueries(cache, warm, 12, 7).forEach((q) => cache.searchUsers(q)); // JIT warm-up only
      const what =
        'surnames, names, name parts, userid prefixes, positions, departments, status, sorts, deep pages';
      for (const pass of ['first pass (cold page cache)', 'same queries again']) {
        rows.push(row(`users.search, ${pass}`, data, timeEach(queries, (q) => cache.searchUsers(q), 0), SEARCH_TARGET_MS, what));
      }
      rows.push(
        row(
          'users.get (detail, tags, lives watched)',
          data,
          timeEach(
            Array.from({ length: 100 }, () => pick(warm.userids)),
            (u) => cache.getUser(u),
          ),
          SEARCH_TARGET_MS,
          '',
        ),
      );
      rows.push(
        row(
          'org.departments (3k with counts)',
          data,
          timeEach(
            Array.from({ length: 30 }, () => 0),
            () => cache.departments(),
          ),
          DASHBOARD_TARGET_MS,
          '',
        ),
      );

      const analyticsTimes = timeEach(livesToRead, (l) => cache.liveAnalytics(l.livingid));
      rows.push(
        row(
          'lives.analytics',
          data,
          analyticsTimes,
          DASHBOARD_TARGET_MS,
          `largest live ${biggest[0]?.viewers.toLocaleString('en-US')} viewers, audience attendance included`,
        ),
      );
      rows.push(
        row(
          'lives.absentees',
          data,
          timeEach(livesToRead, (l) => cache.absentees(l.livingid)),
          null,
          'lists up to ~4,500 users (audience: a department subtree of 200–5,000): grows with its output',
        ),
      );
      const statsQueries = (sort: WatchSort) => watchStatsQueries(livesToRead, sort, pick);
      rows.push(
        row(
          'lives.watchStats by watch time (page of 100)',
          data,
          timeEach(statsQueries('watchTime'), (q) => cache.watchStats(q)),
          DASHBOARD_TARGET_MS,
          'index order, internal and external merged',
        ),
      );
      rows.push(
        row(
          'lives.watchStats by name or department',
          data,
          timeEach([...statsQueries('name'), ...statsQueries('department')], (q) => cache.watchStats(q)),
          null,
          'sorts the whole live: grows with its viewers',
        ),
      );

      const now = warm.now;
      const ranges = [30, 90, 365].flatMap((days) => [
        { from: now - days * 86400, to: now, anchorUserid: null, type: null, departmentId: null },
        { from: now - days * 86400, to: now, anchorUserid: null, type: 3 as const, departmentId: null },
        {
          from: now - days * 86400,
          to: now,
          anchorUserid: null,
          type: null,
          departmentId: 1 + Math.floor(random() * 50),
        },
        {
          from: now - days * 86400,
          to: now,
          anchorUserid: warm.userids[0] ?? null,
          type: null,
          departmentId: null,
        },
      ]);
      const overviewInputs = Array.from(
        { length: 48 },
        (_, i) => ranges[i % ranges.length] as (typeof ranges)[number],
      );
      rows.push(
        row(
          'stats.overview',
          data,
          timeEach(overviewInputs, (q) => cache.statsOverview(q)),
          DASHBOARD_TARGET_MS,
          '30/90/365 days, by type, department, anchor',
        ),
      );
      // by the viewers' department (their per-department summaries) and grouped at 二级部门 (a roll-up
      // of every department's sums through the cached parent map), next to the host filter above
      const audienceInputs = overviewInputs.map((q, i) => ({
        ...q,
        departmentId: 1 + (i % 50),
        departmentBy: 'audience' as const,
        level: i % 2 === 0 ? 1 : 2,
      }));
      rows.push(
        row(
          'stats.overview by viewers\' department, level 1/2',
          data,
          timeEach(audienceInputs, (q) => cache.statsOverview(q)),
          DASHBOARD_TARGET_MS,
          'department subtree of the viewers; completion rolled up per level',
        ),
      );
      rows.push(
        row(
          'stats.overview at 二级部门 / leaf',
          data,
          timeEach(
            overviewInputs.map((q, i) => ({ ...q, level: i % 2 === 0 ? 2 : null })),
            (q) => cache.statsOverview(q),
          ),
          DASHBOARD_TARGET_MS,
          'per-department summaries of every live in range, rolled up',
        ),
      );
      rows.push(
        row(
          'stats.home',
          data,
          timeEach(
            Array.from({ length: 40 }, () => now * 1000),
            (t) => cache.homeStats(t),
          ),
          DASHBOARD_TARGET_MS,
          '',
        ),
      );
      rows.push({
        benchmark: warm.reused ? 'warm cache (template copy)' : 'warm cache build (through the API)',
        data,
        samples: 1,
        p50Ms: null,
        p95Ms: null,
        cpuP95Ms: null,
        value: buildMs / 1000,
        unit: 's',
        target: '–',
        met: true,
        notes:
          `${warm.reused ? 'copied from a template built earlier, which took: ' : ''}` +
          `org ${(warm.timings.orgMs / 1000).toFixed(1)} s, watch ${(warm.timings.watchMs / 1000).toFixed(1)} s ` +
          `(${warm.lives.length} lives); ${(cache.info().bytes / 1e6).toFixed(0)} MB`,
      });
      return rows;
    } finally {
      cache.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(formatTable(await runQueryBenchmarks()));
}
