// Child process that runs the simulator, so the benchmark process measures the client's memory and
// CPU alone. Options arrive as JSON in argv[2]; stats, latency and close requests arrive over IPC.
// The latency is a simulator latency rule (the same delay the base latency adds) so that it can be
// switched off to measure what the same calls cost without network latency.
import { startSimulator, type SimOptions } from '@wld/wecom-sim';
import type { SimProcessInfo, SimProcessRequest, SimProcessStats } from './sim-protocol.ts';

const { latencyMs = 0, ...options } = JSON.parse(process.argv[2] ?? '{}') as SimOptions;
const sim = await startSimulator(options);
let latencyRule: string | null = null;

function setLatency(ms: number): void {
  if (latencyRule !== null) sim.faults.remove(latencyRule);
  latencyRule = ms > 0 ? sim.faults.add({ kind: 'latency', latencyMs: ms }) : null;
}
setLatency(latencyMs);

function watchViewers(livingid: string): number {
  const stats = sim.state.watchStats(livingid);
  return stats ? stats.userCount + stats.externalCount : 0;
}

const lives = [...sim.state.lives.values()]
  .map((live) => ({ livingid: live.livingid, viewers: watchViewers(live.livingid) }))
  .filter((live) => live.viewers > 0)
  .sort((a, b) => b.viewers - a.viewers);

const info: SimProcessInfo = {
  url: sim.url,
  corpId: sim.corpId,
  apps: sim.apps,
  contactsSecret: sim.contactsSecret,
  departments: sim.state.departmentList.length,
  users: sim.state.userList.length,
  listIdRows: sim.state.userList.reduce((sum, user) => sum + user.department.length, 0),
  watchStatPageSize: sim.quotas.watchStatPageSize,
  maxConcurrentPerApi: sim.quotas.maxConcurrentPerApi,
  perApiPerMinute: sim.quotas.perApiPerMinute,
  lives,
};

function stats(): SimProcessStats {
  return {
    calls: sim.stats.calls() - sim.stats.calls('/cgi-bin/gettoken'),
    rateLimited: sim.stats.errors(45009),
    concurrencyLimited: sim.stats.errors(45033),
    maxConcurrent: sim.stats.maxConcurrent(),
  };
}

process.on('message', (message: SimProcessRequest) => {
  if (message.type === 'stats') process.send!({ type: 'stats', id: message.id, stats: stats() });
  if (message.type === 'latency') {
    setLatency(message.ms);
    process.send!({ type: 'latency', id: message.id });
  }
  if (message.type === 'close') {
    void sim.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', info });
