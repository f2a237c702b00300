// The WeCom client of the active profile (and the Demo profile's simulator): built from the profile,
// settings and secrets, replaced whole on every change, closed with its call log.
import type { WeComClient } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import type { Profile } from '../../shared/settings.ts';
import { join } from 'node:path';
import { profileDir } from '../cache/profile-files.ts';
import { startDemoSimulator, type DemoOptions } from '../init/demo-simulator.ts';
import { demoWritesFile } from '../init/demo-writes-file.ts';
import { recordApiCalls, type ApiCallLog } from '../wecom/api-call-log.ts';
import { buildProfileClient, type ProfileSecrets } from '../wecom/client-factory.ts';
import type { CoreLog, CoreState } from './core-state.ts';

export interface ClientLifecycle {
  current(): WeComClient | null;
  simulator(): SimServer | null;
  ensureSimulator(): Promise<SimServer>;
  /** Replaces the WeCom client from the profile, settings and secrets; null when unconfigured. */
  rebuildClient(secrets: ProfileSecrets): Promise<WeComClient | null>;
  close(): Promise<void>;
}

interface ClientDeps {
  state: CoreState;
  demo: DemoOptions;
  now: () => number;
  /** WeCom answered a call (success or errcode). */
  onAnswered: () => void;
  log: CoreLog;
}

export function createClientLifecycle({ state, demo, now, onAnswered, log }: ClientDeps): ClientLifecycle {
  let client: WeComClient | null = null;
  let apiLog: ApiCallLog | null = null;
  let sim: SimServer | null = null;
  let simStarting: Promise<SimServer> | null = null;
  let offAnswered: () => void = () => {};

  /** Where the Demo's WeCom keeps what the app wrote to it: the Demo profile's folder. */
  function demoWrites() {
    const { init, profile } = state;
    if (!init || profile?.kind !== 'demo') return undefined;
    return demoWritesFile(join(profileDir(init.paths.cacheDb, profile.id), 'demo-wecom.json'), () => sim?.exportWrites() ?? null, log);
  }

  function ensureSimulator(): Promise<SimServer> {
    if (sim) return Promise.resolve(sim);
    simStarting ??= startDemoSimulator(demo, now, demoWrites()).then((started) => {
      sim = started;
      return started;
    });
    return simStarting;
  }

  async function rebuildClient(secrets: ProfileSecrets): Promise<WeComClient | null> {
    const previous = client;
    const previousLog = apiLog;
    client = null;
    apiLog = null;
    previousLog?.stop();
    if (previous) await previous.close().catch(() => {});
    const { profile, settings } = state;
    if (!profile || !settings) return null;
    let demoProfile: Profile = profile;
    let target: { corpId: string; baseUrl?: string } = { corpId: profile.corpId };
    if (profile.kind === 'demo') {
      const started = await ensureSimulator();
      target = { corpId: started.corpId, baseUrl: started.url };
      // the Demo app's agentid is the simulator's
      demoProfile = { ...profile, apps: [{ name: profile.apps[0]?.name ?? started.apps[0]!.name, agentId: started.apps[0]!.agentId }] };
    }
    client = buildProfileClient(demoProfile, settings, secrets, target, state.environment, now);
    offAnswered();
    offAnswered = () => {};
    if (client) {
      apiLog = recordApiCalls(client, () => state.cache);
      // any answer from WeCom (success or errcode) ends a streak of timeouts
      offAnswered = client.onCall((call) => {
        if (!call.fromCache && (call.error === null || call.errcode !== null)) onAnswered();
      });
    }
    return client;
  }

  return {
    current: () => client,
    simulator: () => sim,
    ensureSimulator,
    rebuildClient,
    async close() {
      apiLog?.stop();
      apiLog = null;
      await client?.close().catch(() => {});
      client = null;
      await sim?.close().catch(() => {});
      sim = null;
    },
  };
}
