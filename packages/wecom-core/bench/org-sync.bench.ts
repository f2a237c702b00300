// Org sync against the simulator (30 ms latency, WeCom's quotas): (a) the department walk —
// department/simplelist, then user/simplelist per department in parallel under the pipeline's
// limiter — and (b) user/list_id paging with the contacts secret; each at two org sizes, with a
// one-request-at-a-time baseline measured in the same process.
import type { WeComClient } from '../src/client.ts';
import { userListIdResponseSchema } from '../src/models/user.ts';
import { BENCH_LATENCY_MS, benchClient } from './support/bench-client.ts';
import { chainedPagesRow, cpuNote, measure, measuredColumns } from './support/measure.ts';
import { formatTable, machineNote, type CoreBenchRow } from './support/report.ts';
import { isMain } from './support/run-main.ts';
import { startSimProcess, type SimHost } from './support/sim-host.ts';

export interface OrgSize {
  users: number;
  departments: number;
}

export const ORG_SIZES: readonly OrgSize[] = [
  { users: 10_000, departments: 600 },
  { users: 50_000, departments: 3_000 },
];

/**
 * The walk spends one user/simplelist call per department, and WeCom allows 10,000 calls of one API
 * per minute: two timed walks plus the untimed memory pass of 3,000 departments stay inside that.
 * A run without latency would exceed it (the limiter would then wait for the window), so none.
 */
const WALK_MEASURE = { latencyMs: BENCH_LATENCY_MS, repeats: 2, noLatencyRun: false };

/** Departments read one at a time for the sequential baseline; the rest is scaled from them. */
const BASELINE_SAMPLE = 200;

const label = (size: OrgSize): string => `${size.users / 1000}k users / ${size.departments / 1000}k depts`;

async function walkRow(client: WeComClient, sim: SimHost, size: OrgSize): Promise<CoreBenchRow> {
  const { info } = sim;
  const result = await measure(
    sim,
    async (probe) => {
      let users = 0;
      for await (const _user of client.users.usersInDepartmentTree(1, { priority: 'background' })) {
        if (++users % 2500 === 0) probe();
      }
      return users;
    },
    WALK_MEASURE,
  );

  // Baseline: the same calls one at a time, on a sample of departments, scaled to all of them.
  const departments = await client.departments.simpleList(1, { cache: false });
  const sample = departments.slice(0, Math.min(BASELINE_SAMPLE, departments.length));
  const baselineStarted = performance.now();
  for (const department of sample) await client.users.simpleList(department.id, { priority: 'background' });
  const perCall = (performance.now() - baselineStarted) / sample.length;
  const baselineMs = perCall * (departments.length + 1);

  const concurrency = Math.min(client.config.quotas.maxConcurrentPerApi, info.maxConcurrentPerApi);
  const chainBound = BENCH_LATENCY_MS * (1 + Math.ceil(info.departments / concurrency));
  const windowBound = Math.floor((info.departments - 1) / info.perApiPerMinute) * 60_000;
  const lowerBoundMs = Math.max(chainBound, windowBound);
  return {
    benchmark: 'org sync: department walk',
    data: label(size),
    ...measuredColumns(result),
    lowerBoundMs,
    boundBy: `rate: ${concurrency} in flight × ${BENCH_LATENCY_MS} ms`,
    wallOverBound: result.wallMs / lowerBoundMs,
    baselineMs,
    speedUp: baselineMs / result.wallMs,
    notes:
      `${result.value} users (${result.value === info.users ? 'all' : `expected ${info.users}`}); ` +
      `best of ${result.repeats}; ${cpuNote(result)}; baseline scaled from ${sample.length} sequential calls; 45033: ${result.concurrencyLimited}`,
  };
}

async function listIdRow(client: WeComClient, sim: SimHost, size: OrgSize): Promise<CoreBenchRow> {
  const { info } = sim;
  const result = await measure(
    sim,
    async (probe) => {
      let rows = 0;
      for await (const page of client.users.listIdPages({ priority: 'background' })) {
        rows += page.dept_user.length;
        probe();
      }
      return rows;
    },
    { latencyMs: BENCH_LATENCY_MS },
  );

  // Baseline: the same pages, each requested only after the previous one was handled.
  const baselineStarted = performance.now();
  let cursor: string | undefined;
  do {
    const page = await client.pipeline.call({
      method: 'POST',
      path: '/cgi-bin/user/list_id',
      credential: 'contacts',
      body: cursor ? { cursor, limit: 10_000 } : { limit: 10_000 },
      priority: 'background',
      schema: userListIdResponseSchema,
    });
    cursor = page.next_cursor || undefined;
  } while (cursor);
  const baselineMs = performance.now() - baselineStarted;

  return chainedPagesRow('org sync: user/list_id', label(size), result, baselineMs, BENCH_LATENCY_MS, {
    expected: info.listIdRows,
    unit: 'rows',
    pageNote: '10000 per page',
  });
}

/** One short walk and one list_id page so JIT and connection set-up are not timed. */
async function warmUp(client: WeComClient): Promise<void> {
  const top = (await client.departments.simpleList(1, { cache: false })).find((d) => d.parentid === 1);
  let budget = 200;
  for await (const _user of client.users.usersInDepartmentTree(top?.id ?? 1)) if (--budget === 0) break;
  for await (const _page of client.users.listIdPages({ limit: 2000 })) break;
}

export async function runOrgSyncBenchmarks(sizes: readonly OrgSize[] = ORG_SIZES): Promise<CoreBenchRow[]> {
  const rows: CoreBenchRow[] = [];
  for (const size of sizes) {
    const sim = await startSimProcess({
      seed: 1,
      latencyMs: BENCH_LATENCY_MS,
      size: { users: size.users, departments: size.departments, tags: 10, lives: 4, maxViewers: 10 },
    });
    const client = await benchClient(sim.info);
    try {
      await warmUp(client);
      rows.push(await walkRow(client, sim, size));
      rows.push(await listIdRow(client, sim, size));
    } finally {
      await client.close();
      await sim.close();
    }
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const rows = await runOrgSyncBenchmarks();
  console.log(formatTable(rows));
  console.log(machineNote());
}
