// Who may reach the browser host: requests addressed to its own address (Host; a DNS-rebinding page
// names another host), from its own pages (Origin), and for the WebSocket, carrying the per-launch
// token the served page was given. The token says which window the page is, as main knows its windows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallerKind } from '../src/shared/method-access.ts';

/** The subprotocol every page socket asks for; the token travels as a second one, never in a URL. */
export const SOCKET_PROTOCOL = 'wld.v1';
export const TOKEN_PROTOCOL_PREFIX = 'wld-token.';

export interface Refusal {
  status: number;
  /** A sentence for the person reading the log or the response: 中文 and English. */
  message: string;
}

export interface HostGuard {
  /** The token a page of this kind is served with (fixed for the launch). */
  tokenFor(kind: CallerKind): string;
  /** Host (and Origin, when sent) of an HTTP request; null when allowed. */
  checkRequest(headers: IncomingHttpHeaders): Refusal | null;
  /** A WebSocket upgrade: Host, Origin (required) and token; the caller's kind when allowed. */
  checkUpgrade(headers: IncomingHttpHeaders): { kind: CallerKind } | Refusal;
}

const refusal = (status: number, zh: string, en: string): Refusal => ({ status, message: `${zh} / ${en}` });

export const REFUSALS = {
  host: refusal(421, '拒绝：请求的主机名不是本应用的地址', 'Refused: the request is addressed to another host name than this app'),
  origin: refusal(403, '拒绝：请求来自其他网站', 'Refused: the request comes from another site'),
  noOrigin: refusal(403, '拒绝：连接没有来源（Origin）', 'Refused: the connection does not say where it comes from (no Origin)'),
  noToken: refusal(401, '拒绝：连接没有携带本次启动的令牌，请重新打开应用页面', 'Refused: the connection carries no launch token; reload the app page'),
  badToken: refusal(401, '拒绝：令牌不正确（可能来自上一次启动），请重新打开应用页面', 'Refused: the token is wrong (perhaps from an earlier launch); reload the app page'),
} as const;

/** The host:port names this server answers to: its own address, and localhost for a loopback one. */
export function allowedHosts(listenHost: string, port: number): string[] {
  const names = new Set([listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
  if (listenHost === '127.0.0.1' || listenHost === '::1' || listenHost === 'localhost') {
    names.add('127.0.0.1');
    names.add('localhost');
    names.add('[::1]');
  }
  return [...names].map((name) => `${name}:${port}`);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createHostGuard(hosts: readonly string[], launchSecret: Buffer = randomBytes(32)): HostGuard {
  const allowedHostSet = new Set(hosts.map((h) => h.toLowerCase()));
  const allowedOrigins = new Set(hosts.map((h) => `http://${h.toLowerCase()}`));
  const tokens: Record<CallerKind, string> = {
    main: createHmac('sha256', launchSecret).update('main').digest('base64url'),
    launcher: createHmac('sha256', launchSecret).update('launcher').digest('base64url'),
  };

  const checkRequest = (headers: IncomingHttpHeaders): Refusal | null => {
    const host = single(headers.host)?.toLowerCase();
    if (!host || !allowedHostSet.has(host)) return REFUSALS.host;
    const origin = single(headers.origin);
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return REFUSALS.origin;
    return null;
  };

  return {
    tokenFor: (kind) => tokens[kind],
    checkRequest,
    checkUpgrade(headers) {
      const refused = checkRequest(headers);
      if (refused) return refused;
      if (single(headers.origin) === undefined) return REFUSALS.noOrigin;
      const offered = (single(headers['sec-websocket-protocol']) ?? '').split(',').map((p) => p.trim());
      const token = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
      if (!token || !offered.includes(SOCKET_PROTOCOL)) return REFUSALS.noToken;
      for (const kind of ['main', 'launcher'] as const) if (sameText(token, tokens[kind])) return { kind };
      return REFUSALS.badToken;
    },
  };
}
