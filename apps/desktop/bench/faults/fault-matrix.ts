// The fault matrix: each kind of WeCom trouble × each sync (org, lives, watch), injected at a rate
// into the simulator over real HTTP, each job writing a fresh SQLite cache through the real sync
// engine. A cell passes when the job completes with exactly the simulator's rows, no row twice,
// and the one message sent while the fault is active reaches WeCom exactly once when the client
// reports it sent, and never when it reports a failure (a write is never sent twice). Waits run on a virtual clock: no wall time is spent in windows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '@wld/clock';
import type { WeComClient } from '@wld/wecom-core';
import { startSimulator, type SimServer, type SimSize } from '@wld/wecom-sim';
import { openCache } from '../../src/services/cache/index.ts';
import type { SyncTuning } from '../../src/services/sync/sync-run.ts';
import { diffRows, partRows, snapshotCache, type CacheSnapshot, type SnapshotPart } from './cache-snapshot.ts';
import { FAULT_KINDS, TIMEOUT_LATENCY_MS, faultRules, type FaultKind } from './fault-kinds.ts';
import { harnessClient, harnessEngine } from './harness.ts';
import { virtualClock } from './virtual-clock.ts';

export const MATRIX_SCOPES = ['org', 'lives', 'watch'] as const;
export type MatrixScope = (typeof MATRIX_SCOPES)[number];

export interface FaultMatrixOptions {
  rate?: number;
  faults?: readonly FaultKind[];
  scopes?: readonly MatrixScope[];
  size?: SimSize;
  seed?: number;
}

export interface FaultCell {
  scope: MatrixScope;
  fault: FaultKind;
  /** the job's end state */
  state: string;
  errorCode: string | null;
  expectedRows: number;
  rows: number;
  missing: number;
  extra: number;
  duplicates: number;
  /** WeCom calls the job made (retries included) */
  calls: number;
  /** unit retries the job spent (beyond the pipeline's own) */
  retries: number;
  /** virtual time the job took (rate-limit windows and backoffs), ms */
  virtualMs: number;
  wallMs: number;
  /** the message sent under the fault: what the client said, and how many WeCom received */
  send: 'ok' | 'failed';
  received: number;
  pass: boolean;
}

const MATRIX_SIZE: SimSize = { users: 300, departments: 20, tags: 6, lives: 20, maxViewers: 200 };
const TUNING: Partial<SyncTuning> = { concurrency: 4, unitBackoffMs: { base: 200, cap: 5_000 } };
const PREREQUISITES: Record<MatrixScope, MatrixScope[]> = { org: [], lives: ['org'], watch: ['org', 'lives'] };

export async function runFaultMatrix(options: FaultMatrixOptions = {}): Promise<{ cells: FaultCell[]; simMatches: boolean }> {
  const rate = options.rate ?? 0.2;
  const sim = await startSimulator({
    seed: options.seed ?? 7,
    size: options.size ?? MATRIX_SIZE,
    now: fixedClock(),
    // the simulator's own limits stay out of the way: the faults are what is measured
    quotas: { perApiPerMinute: 1e7, perApiPerHour: 1e8, gettokenPerHour: 1e7, maxConcurrentPerApi: 1_000, watchStatPageSize: 20 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'wld-faults-'));
  try {
    const baseline = await runCell(sim, join(dir, 'baseline.db'), 'watch', null, rate, ['org', 'lives']);
    const expected = baseline.snapshot;
    const simMatches = matchesSimulator(sim, expected);
    const cells: FaultCell[] = [];
    let n = 0;
    for (const scope of options.scopes ?? MATRIX_SCOPES) {
      for (const fault of options.faults ?? FAULT_KINDS) {
        const result = await runCell(sim, join(dir, `cell-${++n}.db`), scope, fault, rate, PREREQUISITES[scope]);
        cells.push(toCell(scope, fault, result, expected));
      }
    }
    return { cells, simMatches };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The simulator's clock stands still: live statuses and watch rows do not move during the run. */
function fixedClock(): () => number {
  const at = systemClock.now();
  return () => at;
}

/** What one run of a cell measured, before it is compared with the baseline. */
type CellResult = Pick<FaultCell, 'state' | 'errorCode' | 'calls' | 'retries' | 'virtualMs' | 'wallMs' | 'send' | 'received'> & {
  snapshot: CacheSnapshot;
};

async function runCell(
  sim: SimServer,
  file: string,
  scope: MatrixScope,
  fault: FaultKind | null,
  rate: number,
  before: MatrixScope[],
): Promise<CellResult> {
  const clock = virtualClock();
  const client = harnessClient(sim, clock, { timeoutMs: Math.floor(TIMEOUT_LATENCY_MS / 2) });
  const cache = openCache(file, { now: clock.now });
  const engine = harnessEngine({ cache, client, clock, tuning: TUNING });
  const faults: string[] = [];
  try {
    for (const part of before) {
      const prepared = await engine.start(part).done;
      if (prepared.state !== 'done') throw new Error(`preparing ${part} failed: ${prepared.error?.code ?? prepared.state}`);
    }
    if (fault) for (const rule of faultRules(fault, rate)) faults.push(sim.faults.add(rule));
    const startedVirtual = clock.elapsed();
    const started = performance.now();
    const end = await engine.start(scope).done;
    const wallMs = performance.now() - started;
    const virtualMs = clock.elapsed() - startedVirtual;
    const retries = end.retries?.used ?? 0;
    const { send, received } = await sendOnce(sim, client);
    return {
      snapshot: (cache.close(), snapshotCache(file)),
      state: end.state,
      errorCode: end.error?.code ?? null,
      calls: end.calls ?? 0,
      retries,
      virtualMs,
      wallMs,
      send,
      received,
    };
  } finally {
    for (const id of faults) sim.faults.remove(id);
    try {
      cache.close();
    } catch {
      // closed above
    }
    await client.close();
  }
}

/** One message/send while the fault is active: how many did WeCom get? */
async function sendOnce(sim: SimServer, client: WeComClient): Promise<{ send: 'ok' | 'failed'; received: number }> {
  const before = sim.state.messages.length;
  const touser = [sim.state.userList[0]!.userid];
  let send: 'ok' | 'failed' = 'ok';
  try {
    await client.messages.send({ touser, msgtype: 'text', text: { content: 'fault matrix' } });
  } catch {
    send = 'failed';
  }
  return { send, received: sim.state.messages.length - before };
}

function toCell(scope: MatrixScope, fault: FaultKind, result: CellResult, expected: CacheSnapshot): FaultCell {
  const part: SnapshotPart = scope;
  const want = partRows(expected, part);
  const got = partRows(result.snapshot, part);
  const { missing, extra } = diffRows(want, got);
  // a send the client reports as failed reached nobody; one it reports as sent reached WeCom once
  const sendOk = result.received === (result.send === 'ok' ? 1 : 0);
  return {
    scope,
    fault,
    state: result.state,
    errorCode: result.errorCode,
    expectedRows: want.length,
    rows: got.length,
    missing,
    extra,
    duplicates: result.snapshot.duplicates,
    calls: result.calls,
    retries: result.retries,
    virtualMs: result.virtualMs,
    wallMs: result.wallMs,
    send: result.send,
    received: result.received,
    pass: result.state === 'done' && missing === 0 && extra === 0 && result.snapshot.duplicates === 0 && sendOk,
  };
}

/** The fault-free sync holds exactly the simulator's departments, members, tags and watch rows. */
function matchesSimulator(sim: SimServer, snapshot: CacheSnapshot): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && diffRows(a, b).missing === 0;
  const departments = [...sim.state.departments.keys()].map(String).sort();
  const users = sim.state.userList.map((u) => u.userid).sort();
  const tags = [...sim.state.tags.keys()].map(String).sort();
  const watch = snapshot.lives.flatMap((livingid) => {
    const rows = sim.state.watchRows(livingid);
    return [...rows.users.map((r) => `${livingid}:u:${r.userid}`), ...rows.external_users.map((r) => `${livingid}:e:${r.external_userid}`)];
  });
  return same(departments, snapshot.departments) && same(users, snapshot.users) && same(tags, snapshot.tags) && same(watch.sort(), snapshot.watch);
}

export function formatFaultTable(cells: FaultCell[], simMatches: boolean): string {
  const lines = [
    `Fault-free baseline equals the simulator's rows: ${simMatches ? 'yes' : 'NO'}`,
    '',
    '| sync | fault | result | rows (expected) | missing | extra | dup | calls | unit retries | virtual wait | wall | send → received |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of cells) {
    const result = c.pass ? 'pass' : `FAIL ${c.state}${c.errorCode ? ` ${c.errorCode}` : ''}`;
    lines.push(
      `| ${c.scope} | ${c.fault} | ${result} | ${c.rows} (${c.expectedRows}) | ${c.missing} | ${c.extra} | ${c.duplicates} | ${c.calls} | ${c.retries} | ${formatMs(c.virtualMs)} | ${formatMs(c.wallMs)} | ${c.send} → ${c.received} |`,
    );
  }
  const passed = cells.filter((c) => c.pass).length;
  lines.push('', `${passed}/${cells.length} cells pass.`);
  return lines.join('\n');
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(0)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
