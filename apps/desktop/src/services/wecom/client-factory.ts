// Builds the wecom-core client from the active profile, the network settings and the secrets.
// Secrets pass through here into the client's memory and nowhere else.
import { createWeComClient, type WeComClient, type WeComConfigInput } from '@wld/wecom-core';
import type { NetworkSettings, Profile, Settings } from '../../shared/settings.ts';
import { chooseProxy, type NetworkEnvironment } from './network-environment.ts';

export interface ProfileSecrets {
  /** app name → secret, for the apps that have one */
  apps: Map<string, string>;
  contacts: string | null;
}

export interface ClientTarget {
  corpId: string;
  /** Overrides the settings' base URL (the embedded simulator of the Demo profile). */
  baseUrl?: string;
}

const DIRECT: NetworkEnvironment = { systemProxy: null };

function networkConfig(network: NetworkSettings, baseUrl: string | undefined, environment: NetworkEnvironment) {
  const target = baseUrl || network.baseUrl || undefined;
  const config: Partial<WeComConfigInput> = {
    baseUrl: target,
    gatewayHeaders: network.gatewayHeaders,
    timeoutMs: network.timeoutMs,
    maxRetries: network.maxRetries,
    retryDelayMs: network.retryDelayMs,
    // The app's cache is its SQLite file (staleness.ts); wecom-core's response cache stays off.
    cache: { enabled: false },
  };
  const proxyUrl = chooseProxy(network.proxyUrl, environment, target ?? 'https://qyapi.weixin.qq.com');
  if (proxyUrl) config.proxyUrl = proxyUrl;
  if (environment.ca) config.ca = environment.ca;
  if (config.baseUrl === undefined) delete config.baseUrl;
  return config;
}

/** Null when the profile's first app has no secret (the connection is then 'unconfigured'). */
export function buildProfileClient(
  profile: Profile,
  settings: Settings,
  secrets: ProfileSecrets,
  target: ClientTarget,
  environment: NetworkEnvironment = DIRECT,
  now?: () => number,
): WeComClient | null {
  const first = profile.apps[0];
  if (!first || !secrets.apps.has(first.name)) return null;
  const apps = profile.apps
    .filter((app) => secrets.apps.has(app.name))
    .map((app) => ({ name: app.name, agentId: app.agentId, secret: secrets.apps.get(app.name)! }));
  const config: WeComConfigInput = {
    corpId: target.corpId,
    apps,
    environment: profile.environment,
    language: settings.language,
    ...networkConfig(settings.network, target.baseUrl, environment),
  };
  if (secrets.contacts) config.contactsSecret = secrets.contacts;
  // the services' clock drives token expiry and quota windows too
  return createWeComClient(config, now ? { now } : {});
}

/** A throwaway client for connection.test: one app, inline secret, few retries. */
export function buildTestClient(
  input: { corpId: string; agentId: number; secret: string; baseUrl?: string | undefined },
  settings: Settings,
  fallbackBaseUrl: string | undefined,
  environment: NetworkEnvironment = DIRECT,
  now?: () => number,
): WeComClient {
  return createWeComClient(
    {
      corpId: input.corpId,
      apps: [{ name: 'connection-test', agentId: input.agentId, secret: input.secret }],
      language: settings.language,
      ...networkConfig(settings.network, input.baseUrl || fallbackBaseUrl, environment),
      maxRetries: Math.min(settings.network.maxRetries, 1),
      cache: { enabled: false },
    },
    now ? { now } : {},
  );
}
