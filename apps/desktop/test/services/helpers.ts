// Shared set-up of the services tests: a simulator, the services in this process over real
// worker_threads ports, an RPC client, and small waiting helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimOptions, type SimServer } from '@wld/wecom-sim';
import type { EventPayload, ServicesEvent } from '../../src/shared/contract.ts';
import { RpcError, createRpcClient, type RpcClient } from '../../src/shared/rpc.ts';
import { defaultSettings, type Profile, type Settings } from '../../src/shared/settings.ts';
import { startServicesInProcess, type InProcessOptions, type InProcessServices } from '../../src/services/node-host.ts';

export const SMALL_ORG = { users: 300, departments: 20, tags: 6, lives: 20, maxViewers: 200 } as const;

export function tempDir(prefix = 'wld-services-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function startSmallSimulator(options: SimOptions = {}): Promise<SimServer> {
  return startSimulator({ seed: 7, size: SMALL_ORG, ...options });
}

export const CORP_PROFILE_ID = 'acme';

export function corpProfile(sim: SimServer, hasContactsSecret = true): Profile {
  return {
    id: CORP_PROFILE_ID,
    name: 'ACME',
    kind: 'corp',
    corpId: sim.corpId,
    apps: [{ name: sim.apps[0]!.name, agentId: sim.apps[0]!.agentId }],
    hasContactsSecret,
  };
}

/** Fast failure on a dead network: one retry, short delays. */
export function testSettings(baseUrl: string, overrides: Partial<Settings['network']> = {}): Settings {
  const settings = defaultSettings();
  return {
    ...settings,
    language: 'en-US',
    network: { ...settings.network, baseUrl, timeoutMs: 3_000, maxRetries: 1, retryDelayMs: 5, ...overrides },
  };
}

export function corpSecrets(sim: SimServer): Record<string, string> {
  return { [`${CORP_PROFILE_ID}/${sim.apps[0]!.name}`]: sim.apps[0]!.secret, [`${CORP_PROFILE_ID}/contacts`]: sim.contactsSecret };
}

/** The services on a corp profile pointing at `sim`, secrets preset (no keychain). */
export function startCorpServices(
  sim: SimServer,
  userData: string,
  extra: Partial<InProcessOptions> = {},
): InProcessServices {
  return startServicesInProcess({
    userData,
    profile: corpProfile(sim),
    settings: testSettings(sim.url),
    keychain: 'memory',
    presetSecrets: corpSecrets(sim),
    probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
    ...extra,
  });
}

export function connectClient(services: InProcessServices): RpcClient {
  return createRpcClient(services.connect(), { onError: () => {} });
}

export async function rejection(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export async function waitFor<T>(check: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function collect<E extends ServicesEvent>(client: RpcClient, event: E): Array<EventPayload<E>> {
  const seen: Array<EventPayload<E>> = [];
  client.on(event, (payload) => seen.push(payload));
  return seen;
}

export interface CorpSuite {
  sim: SimServer;
  services: InProcessServices;
  client: RpcClient;
}

/** A test file's usual setup: a small simulator, the services on it (initialized) and a client. */
export async function startCorpSuite(
  userData: string,
  extra: Partial<InProcessOptions> | ((sim: SimServer) => Partial<InProcessOptions>) = {},
): Promise<CorpSuite> {
  const sim = await startSmallSimulator();
  const services = startCorpServices(sim, userData, typeof extra === 'function' ? extra(sim) : extra);
  await services.initialized();
  return { sim, services, client: connectClient(services) };
}

/** Its teardown, for whatever simulator and services the file ended with. */
export async function stopCorpSuite(suite: CorpSuite, dir: { remove(): void }): Promise<void> {
  suite.client.close();
  await suite.services.stop();
  await suite.sim.close();
  dir.remove();
}
