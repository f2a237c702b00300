// The browser host: serves the production renderer build over HTTP and stands in for Electron's main
// process — the real services run in this Node process (node-host), main's calls are answered with the
// same settings store, and one WebSocket per page carries what the preload and MessagePorts carry in
// the app. Used by the browser tests and by `scripts/start.sh` where no Electron binary exists.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallerKind } from '../src/shared/method-access.ts';
import type { ServicesToMain } from '../src/shared/host-protocol.ts';
import type { Settings } from '../src/shared/settings.ts';
import { SettingsStore } from '../src/main/settings-store.ts';
import type { AppLog } from '../src/main/logger.ts';
import { SessionSecrets } from '../src/main/session-secrets.ts';
import { startServicesInProcess, type InProcessServices } from '../src/services/node-host.ts';
import type { ServicesRuntimeOptions } from '../src/services/services-core.ts';
import { fileBackend } from './file-settings.ts';
import { contentSecurityPolicy } from '../src/main/csp.ts';
import { SOCKET_PROTOCOL, allowedHosts, createHostGuard, type HostGuard, type Refusal } from './host-guard.ts';
import { createMainCalls } from './main-calls.ts';
import { hostMainHandlers } from './host-main-handlers.ts';
import { MAX_FRAME_BYTES } from './page-messages.ts';
import { servePageSocket, type PagePort } from './page-socket.ts';

// The codec is a classic script shared with the page; importing it defines globalThis.wldWireCodec.
import './wire-codec.js';

const here = dirname(fileURLToPath(import.meta.url));
const { wldWireCodec } = globalThis as unknown as { wldWireCodec: { encode(v: unknown): string; decode(t: string): unknown } };

export interface BrowserHostOptions {
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** Folder for settings.json, cache.db and logs. */
  userData: string;
  host?: string;
  port?: number;
  /** Settings to start from when userData has none (e.g. a corp profile aimed at a test simulator). */
  initialSettings?: Partial<Settings>;
  services?: ServicesRuntimeOptions;
  log?: (line: string) => void;
}

export interface BrowserHost {
  url: string;
  settings: SettingsStore;
  /** The services currently running (replaced on restart). */
  services(): InProcessServices | null;
  restartServices(): Promise<void>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const BRIDGE_FILES = ['wire-codec.js', 'bridge-page.js'] as const;

/**
 * The bridge scripts under names that carry a hash of their content (`/__wld/bridge-page-<hash>.js`),
 * so that the browser keeps them, and their compiled code, like the hashed assets: the page's
 * parser waits for them at every start.
 */
async function bridgeScripts(): Promise<{ tags: string; byPath: Map<string, Buffer> }> {
  const byPath = new Map<string, Buffer>();
  for (const name of BRIDGE_FILES) {
    const body = await readFile(join(here, name));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 8);
    byPath.set(`/__wld/${name.replace(/\.js$/, '')}-${hash}.js`, body);
  }
  return { tags: [...byPath.keys()].map((path) => `<script src="${path}"></script>`).join(''), byPath };
}
/** The pages that get a token, and which window each one is. */
const PAGE_KINDS: Record<string, CallerKind> = { 'index.html': 'main', 'launcher.html': 'launcher' };

/** The page's launch token, read and removed by bridge-page.js (a meta tag: scripts never run inline). */
const tokenTag = (token: string) => `<meta name="wld-host-token" content="${token}">`;

/**
 * The build's assets carry a hash of their content in their names and never change: the browser may
 * keep them (and its compiled code for them), so a page opened again does not fetch and compile
 * React and antd anew. Pages (with their launch token) and anything else are never stored.
 */
export function cacheControlFor(relative: string): string {
  return /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(relative) ? 'public, max-age=31536000, immutable' : 'no-store';
}

function refuseHttp(res: ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(refusal.message);
}


export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const rendererDir = resolve(options.rendererDir);
  const say = (...parts: unknown[]) => log(parts.map(String).join(' '));
  const appLog: AppLog = { debug: say, info: say, warn: say, error: say };
  const settings = new SettingsStore(fileBackend(join(options.userData, 'settings.json'), options.initialSettings), appLog);
  const sockets = new Set<WebSocket>();
  const pagePorts = new Map<string, PagePort>();
  let services: InProcessServices | null = null;
  let restarts = 0;
  // as main does: session-only secrets outlive a services restart and a profile switch
  const sessionSecrets = new SessionSecrets();
  /** The latest init message, replayed to pages that connect later (a launcher opened after init). */
  let lastInit: { event: string; payload: unknown } | null = null;

  const send = (socket: WebSocket, message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(wldWireCodec.encode(message));
  };
  const broadcast = (event: string, payload: unknown) => {
    for (const socket of sockets) send(socket, { k: 'main-evt', event, payload });
  };

  const onServicesMessage = (message: ServicesToMain) => {
    switch (message.type) {
      case 'progress':
        lastInit = {
          event: 'launcher.progress',
          payload: {
            step: message.step,
            total: message.total,
            label: message.label,
            ...(message.counts ? { counts: message.counts } : {}),
            ...(message.note ? { note: message.note } : {}),
          },
        };
        broadcast(lastInit.event, lastInit.payload);
        break;
      case 'initDone':
        if (!settings.activeProfile()) break; // first run: the launcher waits for the user's choice
        lastInit = { event: '__host.initDone', payload: { mode: message.mode } };
        broadcast(lastInit.event, lastInit.payload);
        break;
      case 'initFailed':
        lastInit = { event: 'launcher.error', payload: { message: message.message, error: message.error, canContinueOffline: message.canContinueOffline } };
        broadcast(lastInit.event, lastInit.payload);
        break;
      case 'sessionSecret':
        sessionSecrets.apply(message.account, message.secret);
        break;
      case 'networkSecretsMoved':
        try {
          settings.dropMovedNetworkSecrets(message.accounts, appLog);
        } catch (e) {
          log(`could not remove the moved network credentials from the settings: ${String(e)}`);
        }
        break;
      case 'log':
        log(`[services ${message.level}] ${message.message}`);
        break;
      default:
        break;
    }
  };

  const startServices = () => {
    const current = settings.get();
    const profile = settings.activeProfile();
    services = startServicesInProcess({
      userData: options.userData,
      profile,
      settings: current,
      hostPost: onServicesMessage,
      appVersion: 'browser-host',
      sessionSecrets: sessionSecrets.snapshot(),
      ...options.services,
    });
  };

  const closePagePorts = () => {
    for (const [portId, port] of pagePorts) {
      port.detach();
      port.endpoint.close?.();
      send(port.socket, { k: 'port-close', portId });
    }
    pagePorts.clear();
  };

  const restartServices = async () => {
    broadcast('services.state', { state: 'restarting', cause: 'profileSwitch', restarts: ++restarts, message: null });
    closePagePorts();
    const previous = services;
    services = null;
    lastInit = null;
    await previous?.stop();
    startServices();
    broadcast('services.state', { state: 'running', restarts, message: null });
  };

  settings.onChange((change) => {
    broadcast('settings.changed', change.settings);
    if (change.activeProfileChanged) void restartServices();
    else services?.send({ type: 'settings', settings: change.settings, profile: settings.activeProfile() });
  });

  const mainHandlers = hostMainHandlers({
    settings,
    userData: options.userData,
    retry: (offline) => services?.send({ type: 'retry', offline }),
    log,
  });
  const mainCalls = createMainCalls(mainHandlers, log);

  const bridge = await bridgeScripts();
  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    const refused = guard.checkRequest(req.headers);
    if (refused) return refuseHttp(res, refused);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuseHttp(res, { status: 405, message: '只接受 GET 请求 / Only GET requests are answered' });
    const url = new URL(req.url ?? '/', 'http://host');
    const bridgeScript = bridge.byPath.get(url.pathname);
    if (bridgeScript) {
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
      res.end(bridgeScript);
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body: Buffer | string = await readFile(file);
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const kind = PAGE_KINDS[relative];
    if (extname(file) === '.html') body = body.toString('utf8').replace('<head>', `<head>${kind ? tokenTag(guard.tokenFor(kind)) : ''}${bridge.tags}`);
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy(),
      'cache-control': cacheControlFor(relative),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    res.end(body);
  };

  /** Set once the port is known (the allowed Host names carry it); nothing is served before. */
  let guard: HostGuard = createHostGuard([]);
  const server = createServer((req, res) => {
    serveFile(req, res).catch((error: unknown) => {
      log(`serve ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, handleProtocols: () => SOCKET_PROTOCOL });
  server.on('upgrade', (req, stream, head) => {
    const verdict = new URL(req.url ?? '/', 'http://host').pathname === '/__wld/ws' ? guard.checkUpgrade(req.headers) : { status: 404, message: 'not found' };
    if ('status' in verdict) {
      log(`refused a socket: ${verdict.message} (host ${String(req.headers.host)}, origin ${String(req.headers.origin)})`);
      const body = Buffer.from(verdict.message);
      stream.end(`HTTP/1.1 ${verdict.status} Refused\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${verdict.message}`);
      return;
    }
    wss.handleUpgrade(req, stream, head, (socket) => onConnection(socket, verdict.kind));
  });
  const onConnection = (socket: WebSocket, kind: CallerKind) => {
    sockets.add(socket);
    servePageSocket(socket, kind, {
      main: mainCalls,
      connectServices: () => services?.connect() ?? null,
      ports: pagePorts,
      send,
      decode: (text) => wldWireCodec.decode(text),
      log,
    });
    socket.on('close', () => sockets.delete(socket));
    // A page that connects while no profile exists is on first run (the launcher shows the choice).
    if (!settings.activeProfile()) send(socket, { k: 'main-evt', event: 'launcher.firstRun', payload: {} });
    else if (lastInit) send(socket, { k: 'main-evt', ...lastInit });
  };

  startServices();
  const listenHost = options.host ?? '127.0.0.1';
  await new Promise<void>((done) => server.listen(options.port ?? 0, listenHost, done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  guard = createHostGuard(allowedHosts(listenHost, port));

  return {
    url: `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`,
    settings,
    services: () => services,
    restartServices,
    async close() {
      closePagePorts();
      for (const socket of sockets) socket.terminate();
      wss.close();
      // the browser keeps HTTP connections alive: close them, or server.close() waits for them
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await services?.stop();
      services = null;
    },
  };
}
