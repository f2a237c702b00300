// Credentials in the network settings (gateway header values, a proxy's user:password) go to the
// keychain like app secrets, under the pseudo-profile `_network`; the settings file keeps the header
// names (value '') and the proxy URL without its credentials.
import type { NetworkSettings } from './settings.ts';

/** Not a valid profile id (no underscore allowed there): never collides with a profile's secrets. */
export const NETWORK_SECRETS_PROFILE = '_network';
export const PROXY_AUTH_ACCOUNT = 'proxy-auth';
export const headerAccount = (name: string): string => `header:${name}`;

/** The proxy URL without user:password, and those credentials (null when there are none). */
export function splitProxyCredentials(proxyUrl: string): { url: string; auth: string | null } {
  if (!proxyUrl) return { url: proxyUrl, auth: null };
  let parsed: URL;
  try {
    parsed = new URL(proxyUrl);
  } catch {
    return { url: proxyUrl, auth: null };
  }
  if (!parsed.username && !parsed.password) return { url: proxyUrl, auth: null };
  const auth = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, proxyUrl.endsWith('/') ? '/' : ''), auth };
}

export function withProxyCredentials(proxyUrl: string, auth: string | null): string {
  if (!proxyUrl || !auth) return proxyUrl;
  const parsed = new URL(proxyUrl);
  const colon = auth.indexOf(':');
  parsed.username = encodeURIComponent(colon < 0 ? auth : auth.slice(0, colon));
  parsed.password = colon < 0 ? '' : encodeURIComponent(auth.slice(colon + 1));
  return parsed.toString().replace(/\/$/, proxyUrl.endsWith('/') ? '/' : '');
}

/** Splits settings as typed into what the settings file may hold and the secrets for the keychain. */
export function extractNetworkSecrets(network: NetworkSettings): { network: NetworkSettings; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const gatewayHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(network.gatewayHeaders)) {
    if (value !== '') secrets[headerAccount(name)] = value;
    gatewayHeaders[name] = '';
  }
  const proxy = splitProxyCredentials(network.proxyUrl);
  if (proxy.auth) secrets[PROXY_AUTH_ACCOUNT] = proxy.auth;
  return { network: { ...network, gatewayHeaders, proxyUrl: proxy.url }, secrets };
}

/** The settings with their credentials put back from the keychain (`read` gives one by account). */
export function restoreNetworkSecrets(network: NetworkSettings, kept: Record<string, string>): NetworkSettings {
  const gatewayHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(network.gatewayHeaders)) gatewayHeaders[name] = value || kept[headerAccount(name)] || '';
  const { url, auth } = splitProxyCredentials(network.proxyUrl);
  return { ...network, gatewayHeaders, proxyUrl: withProxyCredentials(url, auth ?? kept[PROXY_AUTH_ACCOUNT] ?? null) };
}

/** True when the settings still hold a credential in plain text (a file from an older version). */
export function hasPlainNetworkSecrets(network: NetworkSettings): boolean {
  return Object.keys(extractNetworkSecrets(network).secrets).length > 0;
}

/**
 * The settings without the credentials of the given accounts (now kept in the keychain): those
 * headers keep their name with value '', the proxy URL loses its user:password. Others stay as they are.
 */
export function stripNetworkSecrets(network: NetworkSettings, accounts: readonly string[]): NetworkSettings {
  const moved = new Set(accounts);
  const gatewayHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(network.gatewayHeaders)) gatewayHeaders[name] = moved.has(headerAccount(name)) ? '' : value;
  const proxyUrl = moved.has(PROXY_AUTH_ACCOUNT) ? splitProxyCredentials(network.proxyUrl).url : network.proxyUrl;
  return { ...network, gatewayHeaders, proxyUrl };
}
