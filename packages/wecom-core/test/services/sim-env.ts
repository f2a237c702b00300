// Starts a simulator and a client wired to it over real HTTP, with fast retries for tests.
import { startSimulator, type SimOptions, type SimServer } from '@wld/wecom-sim';
import { createWeComClient, type WeComClient } from '../../src/client.ts';
import type { WeComConfigInput } from '../../src/config.ts';

export interface SimEnv {
  sim: SimServer;
  client: WeComClient;
  close(): Promise<void>;
}

export function clientConfig(sim: SimServer, overrides: Partial<WeComConfigInput> = {}): WeComConfigInput {
  return {
    corpId: sim.corpId,
    apps: sim.apps.map((app) => ({ name: app.name, agentId: app.agentId, secret: app.secret })),
    contactsSecret: sim.contactsSecret,
    baseUrl: sim.url,
    retryDelayMs: 5,
    maxRetryDelayMs: 50,
    timeoutMs: 10_000,
    language: 'en-US',
    ...overrides,
  };
}

export async function startSimEnv(
  options: SimOptions = {},
  overrides: Partial<WeComConfigInput> = {},
): Promise<SimEnv> {
  const sim = await startSimulator({ seed: 7, ...options });
  const client = createWeComClient(clientConfig(sim, overrides));
  return {
    sim,
    client,
    async close() {
      await client.close();
      await sim.close();
    },
  };
}

/** Runs `action` and returns the number of requests the simulator saw meanwhile (gettoken excluded). */
export async function countCalls<T>(
  sim: SimServer,
  action: () => Promise<T>,
): Promise<{ value: T; calls: number }> {
  const before = sim.stats.calls() - sim.stats.calls('/cgi-bin/gettoken');
  const value = await action();
  const after = sim.stats.calls() - sim.stats.calls('/cgi-bin/gettoken');
  return { value, calls: after - before };
}

/** The rejection of a promise, for asserting on typed errors. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
