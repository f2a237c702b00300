// Simulator benchmarks: generation of a large organisation, and the throughput of the endpoints
// every sync leans on (paging users, list_id, watch stats of a 100k-viewer live) plus the cost of
// a 45009 refusal. Run: node packages/wecom-sim/bench/sim.bench.ts
import { Agent, request } from 'node:http';
import { generateOrg, startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Minimal keep-alive JSON client (node:http), so the numbers are about the simulator. */
function call(sim: SimServer, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const url = new URL(path, sim.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: payload ? 'POST' : 'GET',
        agent,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Wall time, and the process's CPU time (client and server share the process) for busy machines. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: Math.round((used.user + used.system) / 1000) };
}

export async function runSimBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const size = { users: 50_000, departments: 3000, tags: 20, lives: 60, maxViewers: 100_000 };

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const gen = await timed(() => generateOrg(1, size));
  const heapAfter = process.memoryUsage().heapUsed;
  rows.push({
    name: 'generateOrg 50k users / 3k departments',
    value: Math.round(gen.ms),
    unit: 'ms',
    note: `cpu ${gen.cpuMs} ms, heap +${Math.round((heapAfter - heapBefore) / 1e6)} MB`,
  });

  const started = await timed(() => startSimulator({ seed: 1, size }));
  const sim = started.value;
  rows.push({
    name: 'startSimulator (same size)',
    value: Math.round(started.ms),
    unit: 'ms',
    note: `cpu ${started.cpuMs} ms: generation + indexes + listen`,
  });
  try {
    const token = (
      await call(sim, `/cgi-bin/gettoken?corpid=${sim.corpId}&corpsecret=${sim.apps[0]!.secret}`)
    ).access_token as string;
    const contactsToken = (
      await call(sim, `/cgi-bin/gettoken?corpid=${sim.corpId}&corpsecret=${sim.contactsSecret}`)
    ).access_token as string;

    // user/list for every department, 8 in flight.
    const ids = sim.state.departmentList.map((d) => d.id);
    let listed = 0;
    const perDept = await timed(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < ids.length) {
            const id = ids[next++]!;
            const answer = await call(sim, `/cgi-bin/user/list?access_token=${token}&department_id=${id}`);
            listed += (answer.userlist as unknown[]).length;
          }
        }),
      );
    });
    rows.push({
      name: 'user/list per department (3k calls, 8 in flight)',
      value: Math.round(ids.length / (perDept.ms / 1000)),
      unit: 'calls/s',
      note: `${listed} rows in ${Math.round(perDept.ms)} ms, cpu ${perDept.cpuMs} ms`,
    });

    // user/list_id at the maximum page size.
    let rowsSeen = 0;
    const listId = await timed(async () => {
      let cursor = '';
      do {
        const page = await call(
          sim,
          `/cgi-bin/user/list_id?access_token=${contactsToken}`,
          cursor ? { cursor, limit: 10_000 } : { limit: 10_000 },
        );
        rowsSeen += (page.dept_user as unknown[]).length;
        cursor = page.next_cursor as string;
      } while (cursor);
    });
    rows.push({
      name: 'user/list_id full pass (limit 10000)',
      value: Math.round(rowsSeen / (listId.ms / 1000)),
      unit: 'rows/s',
      note: `${rowsSeen} rows in ${Math.round(listId.ms)} ms, cpu ${listId.cpuMs} ms`,
    });

    // get_watch_stat of the 100k-viewer live, sequential pages.
    const largest = [...sim.state.lives.values()].find((l) => l.viewerTarget === size.maxViewers)!;
    let watchRows = 0;
    let pages = 0;
    const watch = await timed(async () => {
      let key = '0';
      for (;;) {
        const page = await call(sim, `/cgi-bin/living/get_watch_stat?access_token=${token}`, {
          livingid: largest.livingid,
          next_key: key,
        });
        const info = page.stat_info as { users: unknown[]; external_users: unknown[] };
        watchRows += info.users.length + info.external_users.length;
        pages++;
        if (page.ending === 1) break;
        key = page.next_key as string;
      }
    });
    rows.push({
      name: 'get_watch_stat 100k viewers (page 500)',
      value: Math.round(watchRows / (watch.ms / 1000)),
      unit: 'rows/s',
      note: `${pages} pages in ${Math.round(watch.ms)} ms, cpu ${watch.cpuMs} ms (first page generates the stats)`,
    });

    // Cost of a refusal: exhaust a tiny minute budget, then hammer it.
    const limited = await startSimulator({
      seed: 1,
      size: { users: 10, lives: 0 },
      quotas: { perApiPerMinute: 1 },
    });
    try {
      const t = (
        await call(
          limited,
          `/cgi-bin/gettoken?corpid=${limited.corpId}&corpsecret=${limited.apps[0]!.secret}`,
        )
      ).access_token as string;
      await call(limited, `/cgi-bin/tag/list?access_token=${t}`);
      const n = 3000;
      const refusals = await timed(async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next++ < n) await call(limited, `/cgi-bin/tag/list?access_token=${t}`);
          }),
        );
      });
      rows.push({
        name: '45009 refusals (8 in flight)',
        value: Math.round(n / (refusals.ms / 1000)),
        unit: 'calls/s',
        note: `${limited.stats.errors(45009)} refused, cpu ${refusals.cpuMs} ms`,
      });
    } finally {
      await limited.close();
    }
  } finally {
    await sim.close();
    agent.destroy();
  }
  return rows;
}

export function toMarkdown(rows: readonly BenchRow[]): string {
  const lines = ['| benchmark | value | unit | note |', '|---|---:|---|---|'];
  for (const r of rows) lines.push(`| ${r.name} | ${r.value} | ${r.unit} | ${r.note} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(toMarkdown(await runSimBench()));
}
