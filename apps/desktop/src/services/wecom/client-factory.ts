// Builds the wecom-core client from the active profile, the network settings and the secrets.
// Secrets pass through here into the client's memory and nowhere else.
import { DepartmentsService, TagsService, UsersService, createWeComClient, type WeComClient, type WeComConfigInput } from '@wld/wecom-core';
import { restoreNetworkSecrets } from '../../shared/network-secrets.ts';
import type { NetworkSettings, Profile, Settings } from '../../shared/settings.ts';
import { appForRole, type AppRole } from './app-roles.ts';
import { chooseProxy, type NetworkEnvironment } from './network-environment.ts';

export interface ProfileSecrets {
  /** app name → secret, for the apps that have one */
  apps: Map<string, string>;
  contacts: string | null;
  /** Gateway header values and proxy credentials from the keychain, by account (network-secrets.ts). */
  network?: Record<string, string>;
}

export interface ClientTarget {
  corpId: string;
  /** Overrides the profile's and the settings' base URL (the embedded simulator of the Demo profile). */
  baseUrl?: string;
}

const DIRECT: NetworkEnvironment = { systemProxy: null };

/** The longest a call a person waits on is held for WeCom's rate window (45009) before it fails. */
const INTERACTIVE_WINDOW_WAIT_SECONDS = 5;

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
    // a person waiting on a send or a save is told at once that WeCom's rate window is closed (and
    // for how long) rather than kept behind a spinner for the minute; syncs still wait it out
    quotas: { maxWindowWaitSeconds: { interactive: INTERACTIVE_WINDOW_WAIT_SECONDS } },
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
    language: settings.language,
    ...networkConfig(restoreNetworkSecrets(settings.network, secrets.network ?? {}), target.baseUrl ?? (profile.baseUrl || undefined), environment),
  };
  if (secrets.contacts) config.contactsSecret = secrets.contacts;
  // the services' clock drives token expiry and quota windows too
  return routeByRole(createWeComClient(config, now ? { now } : {}), profile, secrets);
}

/**
 * Lives calls go out with the lives app's credentials; messages, app chats and media with the
 * messages app's; organisation reads with the contacts app's; token tests stay on the first app.
 */
function routeByRole(client: WeComClient, profile: Profile, secrets: ProfileSecrets): WeComClient {
  const usable = (role: AppRole) => {
    const app = appForRole(profile, role);
    return app && secrets.apps.has(app.name) ? client.forApp(app.name) : null;
  };
  const lives = usable('lives');
  const messages = usable('messages');
  const contacts = usable('contacts');
  const overrides: PropertyDescriptorMap = {};
  if (contacts && contacts.name !== client.config.apps[0]?.name) {
    const read = { credential: contacts.name };
    overrides.users = { value: new UsersService(client.pipeline, { ...read, walkConcurrency: client.config.quotas.maxConcurrentPerApi }), enumerable: true };
    overrides.departments = { value: new DepartmentsService(client.pipeline, read), enumerable: true };
    overrides.tags = { value: new TagsService(client.pipeline, read), enumerable: true };
  }
  if (lives) overrides.lives = { value: lives.lives, enumerable: true };
  if (messages) {
    for (const key of ['messages', 'media', 'appchat', 'jssdk', 'agentId'] as const) overrides[key] = { value: messages[key], enumerable: true };
  }
  // the routed services over the client (its getters, such as stats, keep reading the live pipeline)
  return Object.create(client, overrides) as WeComClient;
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
