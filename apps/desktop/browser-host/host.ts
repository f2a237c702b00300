// The browser host: serves the production renderer build over HTTP and stands in for Electron's main
// process — the real services run in this Node process (node-host), main's calls are answered with the
// same settings store, and one WebSocket per page carries what the preload and MessagePorts carry in
// the app. Used by the browser tests and by `scripts/start.sh` where no Electron binary exists.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { mainContract, type MainInput, type MainMethod } from '../src/shared/contract.ts';
import type { ServicesToMain } from '../src/shared/host-protocol.ts';
import type { MessageEndpoint } from '../src/shared/rpc.ts';
import { DEMO_PROFILE, type Settings } from '../src/shared/settings.ts';
import { SettingsStore } from '../src/main/settings-store.ts';
import { settingsPatchFrom } from '../src/main/settings-patch.ts';
import { MainCallError, toCallFailure } from '../src/main/call-errors.ts';
import type { AppLog } from '../src/main/logger.ts';
import { isAllowedExternalUrl } from '../src/main/external-links.ts';
import { startServicesInProcess, type InProcessServices } from '../src/services/node-host.ts';
import type { ServicesRuntimeOptions } from '../src/services/services-core.ts';
import { fileBackend } from './file-settings.ts';
import { contentSecurityPolicy } from '../src/main/csp.ts';

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

type HostMessage =
  | { k: 'invoke'; id: number; method: string; input: unknown }
  | { k: 'port-open'; portId: string }
  | { k: 'port-msg'; portId: string; data: unknown }
  | { k: 'port-close'; portId: string };

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

const BRIDGE_TAGS = '<script src="/__wld/wire-codec.js"></script><script src="/__wld/bridge-page.js"></script>';

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const rendererDir = resolve(options.rendererDir);
  const say = (...parts: unknown[]) => log(parts.map(String).join(' '));
  const appLog: AppLog = { debug: say, info: say, warn: say, error: say };
  const settings = new SettingsStore(fileBackend(join(options.userData, 'settings.json'), options.initialSettings), appLog);
  const sockets = new Set<WebSocket>();
  const pagePorts = new Map<string, { socket: WebSocket; endpoint: MessageEndpoint; detach: () => void }>();
  let services: InProcessServices | null = null;
  let restarts = 0;
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
        lastInit = { event: 'launcher.progress', payload: { step: message.step, total: message.total, label: message.label } };
        broadcast(lastInit.event, lastInit.payload);
        break;
      case 'initDone':
        if (!settings.activeProfile()) break; // first run: the launcher waits for the user's choice
        lastInit = { event: '__host.initDone', payload: { mode: message.mode } };
        broadcast(lastInit.event, lastInit.payload);
        break;
      case 'initFailed':
        lastInit = { event: 'launcher.error', payload: { message: message.message, canContinueOffline: message.canContinueOffline } };
        broadcast(lastInit.event, lastInit.payload);
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
    broadcast('services.state', { state: 'restarting', restarts: ++restarts, message: null });
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

  const mainHandlers: { [M in MainMethod]: (input: never) => unknown | Promise<unknown> } = {
    'app.info': () => ({ version: 'browser-host', platform: process.platform, electron: null, logFolder: join(options.userData, 'logs') }),
    'app.openLogFolder': () => ({ ok: true }),
    'app.openExternal': ({ url }: { url: string }) => {
      if (!isAllowedExternalUrl(url)) throw new MainCallError('LINK_NOT_ALLOWED', 'Only WeCom admin and documentation pages open from the app.', 'forbidden');
      log(`open external ${url}`);
      return { ok: true };
    },
    'app.quit': () => ({ ok: true }),
    'settings.get': () => settings.get(),
    'settings.update': () => {
      throw new Error('settings.update is answered in invoke() with the raw input');
    },
    'profiles.save': (profile: Parameters<SettingsStore['saveProfile']>[0]) => settings.saveProfile(profile),
    'profiles.remove': ({ id }: { id: string }) => settings.removeProfile(id),
    'profiles.activate': ({ id }: { id: string }) => settings.activateProfile(id),
    'launcher.retry': () => {
      services?.send({ type: 'retry', offline: false });
      return { ok: true };
    },
    'launcher.continueOffline': () => {
      services?.send({ type: 'retry', offline: true });
      return { ok: true };
    },
    'launcher.chooseDemo': () => {
      settings.saveProfile(DEMO_PROFILE);
      settings.activateProfile(DEMO_PROFILE.id);
      return { ok: true };
    },
    'window.ready': () => ({ ok: true }),
  };

  const invoke = async (method: string, rawInput: unknown) => {
    if (!Object.hasOwn(mainContract, method)) throw new MainCallError('UNKNOWN_METHOD', `Unknown call ${method}.`, 'validation');
    const contract = mainContract[method as MainMethod];
    const parsed = contract.input.safeParse(rawInput);
    if (!parsed.success) throw new MainCallError('INVALID_INPUT', `Invalid input for ${method}: ${parsed.error.message}`, 'validation');
    const input = parsed.data;
    if (method === 'settings.update') return settings.update(settingsPatchFrom(input as MainInput<'settings.update'>, rawInput));
    return (mainHandlers[method as MainMethod] as (i: unknown) => unknown)(input);
  };

  const onSocketMessage = (socket: WebSocket, message: HostMessage) => {
    if (message.k === 'invoke') {
      invoke(message.method, message.input).then(
        (output) => send(socket, { k: 'invoke-res', id: message.id, ok: true, output }),
        (error: unknown) =>
          send(socket, {
            k: 'invoke-res',
            id: message.id,
            ok: false,
            error: toCallFailure(error),
          }),
      );
    } else if (message.k === 'port-open') {
      if (!services) return;
      const endpoint = services.connect();
      const detach = endpoint.onMessage((data) => send(socket, { k: 'port-msg', portId: message.portId, data }));
      pagePorts.set(message.portId, { socket, endpoint, detach });
    } else if (message.k === 'port-msg') {
      pagePorts.get(message.portId)?.endpoint.postMessage(message.data);
    } else if (message.k === 'port-close') {
      const port = pagePorts.get(message.portId);
      port?.detach();
      port?.endpoint.close?.();
      pagePorts.delete(message.portId);
    }
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/__wld/bridge-page.js' || url.pathname === '/__wld/wire-codec.js') {
      const body = await readFile(join(here, url.pathname.slice('/__wld/'.length)));
      res.writeHead(200, { 'content-type': MIME['.js']!, 'cache-control': 'no-store' });
      res.end(body);
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
    if (extname(file) === '.html') body = body.toString('utf8').replace('<head>', `<head>${BRIDGE_TAGS}`);
    res.writeHead(200, { 'content-type': type, 'content-security-policy': contentSecurityPolicy() });
    res.end(body);
  };

  const server = createServer((req, res) => {
    serveFile(req, res).catch((error: unknown) => {
      log(`serve ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ server, path: '/__wld/ws' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('message', (data) => {
      try {
        onSocketMessage(socket, wldWireCodec.decode(data.toString()) as HostMessage);
      } catch (error) {
        log(`bad page message: ${String(error)}`);
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      for (const [portId, port] of pagePorts) {
        if (port.socket !== socket) continue;
        port.detach();
        port.endpoint.close?.();
        pagePorts.delete(portId);
      }
    });
    // A page that connects while no profile exists is on first run (the launcher shows the choice).
    if (!settings.activeProfile()) send(socket, { k: 'main-evt', event: 'launcher.firstRun', payload: {} });
    else if (lastInit) send(socket, { k: 'main-evt', ...lastInit });
  });

  startServices();
  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
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
