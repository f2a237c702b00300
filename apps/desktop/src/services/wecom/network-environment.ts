// What the OS says about the network, as main learnt it: the system proxy for WeCom's host
// (session.resolveProxy) and the trusted certificates. The proxy typed in Settings always wins;
// the embedded simulator and other loopback targets are never proxied.
import { trustedCertificates } from './system-trust.ts';

export interface NetworkEnvironment {
  /** http(s)://host:port from the OS proxy settings (PAC included); null: direct. */
  systemProxy: string | null;
  /** PEM roots to trust instead of Node's default list; undefined: the default list. */
  ca?: string[] | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The proxy a client to `target` uses: Settings' proxy, else the system's (not for loopback). */
export function chooseProxy(manual: string, environment: NetworkEnvironment, target: string | undefined): string | undefined {
  if (manual) return manual;
  if (environment.systemProxy && !isLoopback(target)) return environment.systemProxy;
  return undefined;
}

export function systemEnvironment(systemProxy: string | null): NetworkEnvironment {
  return { systemProxy, ca: trustedCertificates() };
}
