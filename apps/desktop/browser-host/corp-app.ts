// A corp profile aimed at a local WeCom simulator, served by the browser host: what the browser tests
// and the renderer benchmark run against. Secrets are preset in memory (no keychain).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimOptions, type SimServer } from '@wld/wecom-sim';
import type { Profile, Settings } from '../src/shared/settings.ts';
import type { ServicesRuntimeOptions } from '../src/services/services-core.ts';
import { startBrowserHost, type BrowserHost } from './host.ts';

export interface CorpApp {
  readonly sim: SimServer;
  host: BrowserHost;
  profile: Profile;
  /** Stops the simulator (WeCom unreachable); `restartSim` brings it back on the same port. */
  stopSim(): Promise<void>;
  restartSim(): Promise<void>;
  close(): Promise<void>;
}

export async function startCorpApp(
  rendererDir: string,
  simOptions: SimOptions = {},
  servicesOptions: ServicesRuntimeOptions = {},
): Promise<CorpApp> {
  const options: SimOptions = { seed: 7, size: { users: 600, departments: 40, lives: 30, maxViewers: 400 }, ...simOptions };
  const current = { sim: await startSimulator(options) };
  const port = Number(new URL(current.sim.url).port);
  const app = current.sim.apps[0]!;
  const profile: Profile = {
    id: 'e2e-corp',
    name: 'E2E 测试企业',
    kind: 'corp',
    corpId: current.sim.corpId,
    apps: [{ name: app.name, agentId: app.agentId }],
    hasContactsSecret: true,
  };
  const initialSettings: Partial<Settings> = {
    profiles: [profile],
    activeProfileId: profile.id,
    network: {
      baseUrl: current.sim.url,
      gatewayHeaders: {},
      proxyUrl: '',
      timeoutMs: 10_000,
      maxRetries: 1,
      retryDelayMs: 100,
      cacheEnabled: true,
      cacheTtlSeconds: 3_600,
    },
  };
  const host = await startBrowserHost({
    rendererDir,
    userData: mkdtempSync(join(tmpdir(), 'wld-corp-app-')),
    initialSettings,
    services: {
      keychain: 'memory',
      presetSecrets: { [`${profile.id}/${app.name}`]: app.secret, [`${profile.id}/contacts`]: current.sim.contactsSecret },
      probeBackoff: { initialMs: 500, maxMs: 2_000 },
      ...servicesOptions,
    },
  });
  return {
    get sim() {
      return current.sim;
    },
    host,
    profile,
    stopSim: () => current.sim.close(),
    async restartSim() {
      current.sim = await startSimulator({ ...options, port });
    },
    async close() {
      await host.close();
      await current.sim.close().catch(() => {});
    },
  };
}
