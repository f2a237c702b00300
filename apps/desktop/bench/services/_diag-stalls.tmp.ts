import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../../src/shared/settings.ts';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import { createRpcClient } from '../../src/shared/rpc.ts';
import { startSimulatorThread } from '../../bench/services/sim-thread.ts';
const dir = mkdtempSync(join(tmpdir(), 'wld-diag-'));
const sim = await startSimulatorThread({ seed: 5, size: { users: 20_000, departments: 800, tags: 20, lives: 60, maxViewers: 3_000 } });
const settings = defaultSettings();
const services = startServicesInProcess({
  userData: dir,
  profile: { id: 'bench', name: 'Bench', kind: 'corp', corpId: sim.corpId, apps: [{ name: sim.apps[0]!.name, agentId: sim.apps[0]!.agentId }], hasContactsSecret: true, environment: 'test' },
  settings: { ...settings, network: { ...settings.network, baseUrl: sim.url } },
  keychain: 'memory',
  presetSecrets: { [`bench/${sim.apps[0]!.name}`]: sim.apps[0]!.secret, 'bench/contacts': sim.contactsSecret },
});
await services.initialized();
const job = services.runtime.core.sync.start('all');
const t0 = performance.now();
let last = performance.now();
const stalls: string[] = [];
const iv = setInterval(() => {
  const now = performance.now();
  if (now - last > 15) stalls.push(`${(now - t0).toFixed(0)}ms stall ${(now - last).toFixed(0)}ms phase=${job.progress.phase}`);
  last = now;
}, 1);
const client = createRpcClient(services.connect());
for (let b = 0; b < 5 && job.progress.state === 'running'; b++) {
  const started = performance.now();
  const times = await Promise.all(Array.from({ length: 1000 }, () => client.call('connection.state', {}).then(() => performance.now() - started)));
  times.sort((a, c) => a - c);
  stalls.push(`${(started - t0).toFixed(0)}ms burst ${b} p50 ${times[499]!.toFixed(0)} p95 ${times[949]!.toFixed(0)} max ${times[999]!.toFixed(0)} phase=${job.progress.phase}`);
  await new Promise((r) => setTimeout(r, 50));
}
await job.done;
client.close();
clearInterval(iv);
console.log(`sync took ${(performance.now() - t0).toFixed(0)} ms`);
console.log(stalls.join('\n'));
await services.stop(); await sim.close(); rmSync(dir, { recursive: true, force: true });
