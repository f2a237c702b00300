// Raw clients for the browser host's attack tests: HTTP requests and WebSocket upgrades with
// whatever Host, Origin and subprotocols an attacker would send, answered as the host answers them.
import { request } from 'node:http';
import WebSocket from 'ws';

export interface ProbeAnswer {
  status: number;
  body: string;
}

/** A GET with chosen headers (Host included), read to the end. */
export function probeHttp(url: string, headers: Record<string, string> = {}): Promise<ProbeAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The launch token a page of the host is served with, as the page itself reads it. */
export async function servedToken(hostUrl: string, page: 'index.html' | 'launcher.html'): Promise<string> {
  const answer = await probeHttp(`${hostUrl}/${page}`);
  const token = /<meta name="wld-host-token" content="([^"]+)">/.exec(answer.body)?.[1];
  if (!token) throw new Error(`no token in ${page}`);
  return token;
}

export type UpgradeOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** Tries to open the host's socket; a refused upgrade resolves with its status and sentence. */
export function probeSocket(
  hostUrl: string,
  options: { origin?: string; host?: string; protocols?: string[]; maxPayload?: number } = {},
): Promise<UpgradeOutcome> {
  const url = `${hostUrl.replace(/^http/, 'ws')}/__wld/ws`;
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  const socket = new WebSocket(url, options.protocols ?? [], {
    headers,
    ...(options.origin ? { origin: options.origin } : {}),
    maxPayload: options.maxPayload ?? 100 * 1024 * 1024,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) return;
      reject(error);
    });
  });
}

/** Opens an authenticated socket (the page's own origin and token). */
export async function pageSocket(hostUrl: string, token: string): Promise<WebSocket> {
  const outcome = await probeSocket(hostUrl, { origin: hostUrl, protocols: ['wld.v1', `wld-token.${token}`] });
  if (!outcome.opened) throw new Error(`the page socket was refused: ${outcome.status} ${outcome.body}`);
  return outcome.socket;
}

/** Messages the host sends on a socket, decoded, collected as they come. */
export function inbox(socket: WebSocket): Array<Record<string, unknown>> {
  const seen: Array<Record<string, unknown>> = [];
  socket.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString()) as Record<string, unknown>));
  return seen;
}

/** Resolves when `check` finds what it waits for among messages that arrived (or arrive next). */
export function nextMessage(socket: WebSocket, seen: Array<Record<string, unknown>>, check: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const found = seen.find(check);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!check(message)) return;
      socket.off('message', onMessage);
      socket.off('close', onClose);
      resolve(message);
    };
    const onClose = () => reject(new Error('the socket closed before the expected message'));
    socket.on('message', onMessage);
    socket.once('close', onClose);
  });
}

/** Resolves with the close code once the socket is closed. */
export function closed(socket: WebSocket): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(1006);
  return new Promise((resolve) => socket.once('close', (code: number) => resolve(code)));
}
