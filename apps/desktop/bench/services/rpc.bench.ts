// RPC over a worker_threads MessageChannel to the real services runtime (in this process):
// sequential round trip (target p50 < 0.1 ms), and 1,000 concurrent calls while a full sync runs
// against the simulator (target p95 < 50 ms): during its first bursts (the historical row), through
// the whole first sync, and through a whole re-sync of the warm cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MethodInput, ServicesMethod } from '../../src/shared/contract.ts';
import { createRpcClient, type RpcClient } from '../../src/shared/rpc.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import { isMain } from '../cache/run-main.ts';
import { formatTable, percentile, type ServicesBenchRow } from './report.ts';
import { startSimulatorThread } from './sim-thread.ts';

const SEQUENTIAL = 5_000;
const WARMUP = 500;
const CONCURRENT = 1_000;
const BURSTS = 5;
const SIM_SIZE = { users: 20_000, departments: 800, tags: 20, lives: 60, maxViewers: 3_000 };

async function sequential<M extends ServicesMethod>(client: RpcClient, method: M, input: MethodInput<M>, count: number): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await client.call(method, input);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.call(method, input);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Fires `count` calls at once and returns each call's latency. */
async function burst(client: RpcClient, count: number): Promise<number[]> {
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: count }, () =>
      client.call('connection.state', {}).then(() => performance.now() - started),
    ),
  );
  return times;
}

/** Bursts every 50 ms until the job ends; `endedAt` is the job's length (ms). */
async function burstsUntilDone(
  client: RpcClient,
  job: { progress: { state: string }; done: Promise<{ state: string }> },
): Promise<{ times: number[]; bursts: number; state: string; endedAt: number }> {
  const started = performance.now();
  let ended = false;
  let endedAt = 0;
  const state = job.done.then((progress) => {
    ended = true;
    endedAt = performance.now() - started;
    return progress.state;
  });
  const times: number[] = [];
  let bursts = 0;
  while (!ended && job.progress.state === 'running') {
    times.push(...(await burst(client, CONCURRENT)));
    bursts++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { times, bursts, state: await state, endedAt };
}

function row(benchmark: string, data: string, times: number[], target: string, met: boolean, notes: string): ServicesBenchRow {
  return { benchmark, data, samples: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), value: null, unit: '', target, met, notes };
}

export async function runRpcBenchmarks(): Promise<ServicesBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wld-services-rpc-'));
  // the simulator runs on its own thread: only the services' own work shares their event loop
  const sim = await startSimulatorThread({ seed: 5, size: SIM_SIZE });
  const settings = defaultSettings();
  const services = startServicesInProcess({
    userData: dir,
    profile: { id: 'bench', name: 'Bench', kind: 'corp', corpId: sim.corpId, apps: [{ name: sim.apps[0]!.name, agentId: sim.apps[0]!.agentId }], hasContactsSecret: true },
    settings: { ...settings, network: { ...settings.network, baseUrl: sim.url } },
    keychain: 'memory',
    presetSecrets: { [`bench/${sim.apps[0]!.name}`]: sim.apps[0]!.secret, 'bench/contacts': sim.contactsSecret },
  });
  const client = createRpcClient(services.connect());
  try {
    const outcome = await services.initialized();
    if (outcome.type !== 'initDone') throw new Error(`init failed: ${outcome.message}`);
    const rows: ServicesBenchRow[] = [];
    const tiny = await sequential(client, 'connection.state', {}, SEQUENTIAL);
    rows.push(row('RPC round trip (connection.state)', 'idle, 1 call at a time', tiny, 'p50 < 0.1 ms', percentile(tiny, 50) < 0.1, 'input + output parsed with the contract schemas'));
    const page = await sequential(client, 'users.search', { query: '王', limit: 100 }, 1_000);
    rows.push(row('RPC round trip (users.search, 100 rows)', `${SIM_SIZE.users / 1000}k users, idle`, page, '–', true, 'includes the SQLite FTS query and 100-row output validation'));

    // 1,000 concurrent calls, in bursts, while a full sync (org, lives, watch) runs
    const job = services.runtime.core.sync.start('all');
    const loaded: number[] = [];
    let bursts = 0;
    while (bursts < BURSTS && job.progress.state === 'running') {
      loaded.push(...(await burst(client, CONCURRENT)));
      bursts++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // then on to the end of that first sync (the sweep, the aggregates, lives and watch)
    const whole = [...loaded];
    const first = await burstsUntilDone(client, job);
    whole.push(...first.times);
    loaded.sort((a, b) => a - b);
    whole.sort((a, b) => a - b);
    rows.push(
      row(
        'RPC under 1,000 concurrent calls during a sync',
        `${bursts} bursts × ${CONCURRENT}, sync 'all' of ${SIM_SIZE.users / 1000}k users`,
        loaded,
        'p95 < 50 ms',
        bursts > 0 && percentile(loaded, 95) < 50,
        `latency from the burst start (connection.state); the simulator runs on another thread; sync ${first.state}`,
      ),
      row(
        'RPC under 1,000 concurrent calls, the whole first sync',
        `${bursts + first.bursts} bursts × ${CONCURRENT} until sync 'all' ends (${(first.endedAt / 1000).toFixed(1)} s)`,
        whole,
        'p95 < 50 ms',
        whole.length > 0 && percentile(whole, 95) < 50,
        `as above, bursts go on through the sweep, the aggregates, lives and watch; max ${whole.at(-1)?.toFixed(1) ?? '–'} ms`,
      ),
    );
    // a re-sync of a warm cache: upserts that change little, a sweep, every live's watch again
    const again = await burstsUntilDone(client, services.runtime.core.sync.start('all'));
    again.times.sort((a, b) => a - b);
    rows.push(
      row(
        'RPC under 1,000 concurrent calls, a whole re-sync',
        `${again.bursts} bursts × ${CONCURRENT} until sync 'all' ends (${(again.endedAt / 1000).toFixed(1)} s)`,
        again.times,
        'p95 < 50 ms',
        again.bursts > 0 && percentile(again.times, 95) < 50,
        `warm cache; max ${again.times.at(-1)?.toFixed(1) ?? '–'} ms; sync ${again.state}`,
      ),
    );

    // the sync's own blocking, without calls: the longest time the event loop could not answer
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const quiet = services.runtime.core.sync.start('all');
    const quietState = (await quiet.done).state;
    delay.disable();
    const toMs = (ns: number) => ns / 1e6;
    rows.push({
      benchmark: 'Longest event-loop stall during a re-sync (no calls)',
      data: `sync 'all' of ${SIM_SIZE.users / 1000}k users, warm cache`,
      samples: delay.count,
      p50Ms: toMs(delay.percentile(50)),
      p95Ms: toMs(delay.percentile(99)),
      value: toMs(delay.max),
      unit: 'ms',
      target: '< 50 ms',
      met: toMs(delay.max) < 50,
      notes: `perf_hooks loop delay (1 ms timer): p50, p99 (in the p95 column) and max (value); sync ${quietState}`,
    });
    return rows;
  } finally {
    client.close();
    await services.stop();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) console.log(formatTable(await runRpcBenchmarks()));
