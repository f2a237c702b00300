// Child process that runs the simulator, so the benchmark process measures the client's memory and
// CPU alone. Options arrive as JSON in argv[2]; stats and close requests arrive over IPC.
import { startSimulator, type SimOptions } from '@wld/wecom-sim';
import type { SimProcessInfo, SimProcessRequest, SimProcessStats } from './sim-protocol.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as SimOptions;
const sim = await startSimulator(options);

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
  if (message.type === 'close') {
    void sim.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', info });
