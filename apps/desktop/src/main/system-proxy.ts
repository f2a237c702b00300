// The OS proxy settings (manual, PAC, WPAD) as Chromium resolves them for a URL, turned into one
// proxy URL the services' undici ProxyAgent can use. SOCKS is not supported there: logged, direct.
import { session } from 'electron';
import type { AppLog } from './logger.ts';

/** WeCom's API host: what the system proxy is resolved for when Settings has no base URL. */
export const WECOM_API_URL = 'https://qyapi.weixin.qq.com/';

/**
 * "PROXY host:port; HTTPS host:port; DIRECT" (PAC syntax) → the first http(s) proxy as a URL;
 * null for DIRECT or when only SOCKS proxies are offered.
 */
export function proxyUrlFromPac(pac: string): string | null {
  for (const entry of pac.split(';')) {
    const [kind, hostPort] = entry.trim().split(/\s+/, 2);
    if (!kind || !hostPort) continue;
    const scheme = kind.toUpperCase() === 'PROXY' || kind.toUpperCase() === 'HTTP' ? 'http' : kind.toUpperCase() === 'HTTPS' ? 'https' : null;
    if (!scheme) continue;
    try {
      const url = new URL(`${scheme}://${hostPort}`);
      return `${url.protocol}//${url.host}`;
    } catch {
      continue;
    }
  }
  return null;
}

/** The system proxy for `target`; null (direct) when there is none or it cannot be resolved. */
export async function resolveSystemProxy(target: string, log: AppLog): Promise<string | null> {
  try {
    const pac = await session.defaultSession.resolveProxy(target);
    const proxy = proxyUrlFromPac(pac);
    if (!proxy && /\bSOCKS/i.test(pac)) log.warn(`the system proxy for ${target} is SOCKS only (${pac}); calls go direct`);
    return proxy;
  } catch (error) {
    log.warn(`could not resolve the system proxy for ${target}:`, error);
    return null;
  }
}
