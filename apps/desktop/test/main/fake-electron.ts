// A test double of the parts of Electron the main process uses. Tests install it with
//   vi.mock('electron', () => import('./fake-electron.ts'))
// and drive it: finish a page load, post a message from the services, make them exit…
// Everything observable is recorded (`timeline`, the instances, what was sent), and
// resetFakeElectron() starts each test from scratch (not ready: `await app.whenReady()` or use
// readyFakeElectron()).
// Strict where Electron is: whenReady resolves on a later task and APIs that need a ready app throw
// before it; quit() emits before-quit / will-quit / quit; a window closes asynchronously; ports emit
// 'close' when their other end goes; posting to an exited process does nothing; contextBridge copies.
import { EventEmitter } from 'node:events';
import { copyAcrossBridge } from './fake-context-bridge.ts';
import { fakeEvent, readiness, record, requireReady, timeline } from './fake-electron-core.ts';
import { forked, MessageChannelMain, utilityProcess } from './fake-electron-processes.ts';
import type { MessagePortMain } from './fake-electron-processes.ts';

export { fakeEvent, timeline } from './fake-electron-core.ts';
export type { FakeEvent } from './fake-electron-core.ts';
export { FakeUtilityProcess, forked, lastServices, MessageChannelMain, MessagePortMain, utilityProcess } from './fake-electron-processes.ts';

let nextWindowId = 1;
let nextContentsId = 100;

// ─── webContents, frames, windows ─────────────────────────────────────────

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly posted: Array<{ channel: string; message: unknown; transfer: MessagePortMain[] }> = [];
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly mainFrame: FakeFrame = { url: '', parent: null };

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  postMessage(channel: string, message: unknown, transfer: MessagePortMain[] = []): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.posted.push({ channel, message, transfer });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  reloads = 0;

  reload(): void {
    this.reloads += 1;
  }

  /** What a page would see for an event of this channel (the envelopes main sent). */
  sentOn(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.args[0]);
  }

  /** An IPC event as if sent by this page's top frame. */
  ipcEvent(url = this.url): { sender: FakeWebContents; senderFrame: FakeFrame } {
    return { sender: this, senderFrame: { url, parent: null } };
  }

  finishLoad(): void {
    this.emit('did-finish-load');
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly id = nextWindowId++;
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(options: Record<string, unknown> = {}) {
    requireReady('BrowserWindow');
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    record(`window:create #${this.id}`);
    // As in Electron: every new webContents is announced on the app.
    app.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    record(`window:load ${url.split('/').pop() ?? url}`);
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
    record(`window:show #${this.id}`);
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {
    this.focused = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like Electron: 'close' (preventable) now, then the window is destroyed and 'closed' follows on a later task. */
  close(): void {
    if (this.destroyed || this.closing) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.closing = true;
    record(`window:close #${this.id}`);
    setTimeout(() => this.destroy(), 0);
  }

  closing = false;

  /** Closes at once, without 'close' (BrowserWindow.destroy). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    record(`window:closed #${this.id}`);
    for (const sent of this.webContents.posted) for (const port of sent.transfer) port.close();
    this.emit('closed');
    if (!app.quitting && BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }

  /** The page painted: Electron emits ready-to-show. */
  paint(): void {
    this.emit('ready-to-show');
  }
}

// ─── ipcMain ──────────────────────────────────────────────────────────────

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke would resolve with. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

// ─── app ──────────────────────────────────────────────────────────────────

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([
    ['userData', '/tmp/wld-fake/userData'],
    ['appData', '/tmp/wld-fake'],
    ['logs', '/tmp/wld-fake/userData/logs'],
  ]);
  readonly switches = new Map<string, string>();
  name = 'WeCom Live Desk';
  isPackaged = false;
  quitCalls = 0;
  /** Another instance holds the lock when false. */
  singleInstance = true;
  lockHeld = false;
  get ready(): boolean {
    return readiness.ready;
  }
  /** quit() went through: before-quit and will-quit were not prevented. */
  quitting = false;
  exitCode: number | null = null;
  appUserModelId: string | null = null;
  private readyPromise: Promise<void> | null = null;
  readonly commandLine = {
    getSwitchValue: (name: string) => this.switches.get(name) ?? '',
    hasSwitch: (name: string) => this.switches.has(name),
    appendSwitch: (name: string, value = '') => void this.switches.set(name, value),
  };

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  getVersion(): string {
    return '0.1.0';
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  /** As Electron: before-quit, the windows close, will-quit, quit: each step can be prevented. */
  quit(): void {
    this.quitCalls += 1;
    record('app:quit');
    if (this.quitting) return;
    const beforeQuit = fakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    record('app:quitted');
    this.emit('quit', fakeEvent(), 0);
    this.lockHeld = false;
  }

  /** Ends at once: no quit events (Electron's app.exit). */
  exit(code = 0): void {
    record(`app:exit ${code}`);
    this.exitCode = code;
    this.lockHeld = false;
  }

  requestSingleInstanceLock(): boolean {
    if (!this.singleInstance) return false;
    this.lockHeld = true;
    return true;
  }

  releaseSingleInstanceLock(): void {
    record('app:release-lock');
    this.lockHeld = false;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Resolves on a later task, never in the same turn (as the real ready event). */
  whenReady(): Promise<void> {
    this.readyPromise ??= new Promise<void>((resolve) =>
      setTimeout(() => {
        readiness.ready = true;
        record('app:ready');
        this.emit('ready');
        resolve();
      }, 0),
    );
    return this.readyPromise;
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  /** For resetFakeElectron. */
  resetState(): void {
    this.removeAllListeners();
    this.quitCalls = 0;
    this.isPackaged = false;
    this.switches.clear();
    this.singleInstance = true;
    this.lockHeld = false;
    readiness.ready = false;
    this.quitting = false;
    this.exitCode = null;
    this.appUserModelId = null;
    this.readyPromise = null;
  }

  enableSandbox(): void {}
}

export const app = new FakeApp();

// ─── protocol, session, shell, dialog, theme ──────────────────────────────

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

class FakeSession {
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly protocol = {
    handlers: new Map<string, ProtocolHandler>(),
    handle: (scheme: string, handler: ProtocolHandler) => void this.protocol.handlers.set(scheme, handler),
  };
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  /** What Chromium's proxy resolution answers (PAC syntax), per URL; 'DIRECT' by default. */
  proxyFor: (url: string) => string = () => 'DIRECT';
  readonly resolvedProxies: string[] = [];

  resolveProxy(url: string): Promise<string> {
    this.resolvedProxies.push(url);
    return Promise.resolve(this.proxyFor(url));
  }

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

let defaultSession = new FakeSession();

export const session = {
  get defaultSession(): FakeSession {
    requireReady('session');
    return defaultSession;
  },
};

export const shell = {
  openedExternal: [] as string[],
  openedPaths: [] as string[],
  openExternal(url: string): Promise<void> {
    this.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath(target: string): Promise<string> {
    this.openedPaths.push(target);
    return Promise.resolve('');
  },
};

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
  showMessageBox(): Promise<{ response: number }> {
    return Promise.resolve({ response: 0 });
  },
};

export const nativeTheme = { shouldUseDarkColors: false };

/** Reversible, visibly not plain text; 'basic_text' or unavailable on demand. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return app.ready && this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    if (!this.isEncryptionAvailable()) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
  },
  decryptString(cipher: Buffer): string {
    if (!this.isEncryptionAvailable()) throw new Error('Encryption is not available.');
    if (cipher.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(cipher.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  },
};

export const Menu = {
  /** The last menu set: null for none, undefined when never set. */
  current: undefined as unknown,
  setApplicationMenu(menu: unknown): void {
    Menu.current = menu;
  },
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
};

/** What the page sees: a copy (functions proxied, Errors reduced to their message), as Electron's bridge does. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed.set(key, copyAcrossBridge(api));
  },
};

/** The renderer side, for the preload: invoke answers come from `invokeHandler`. */
class FakeIpcRenderer extends EventEmitter {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly sentToMain: Array<{ channel: string; args: unknown[] }> = [];
  invokeHandler: (channel: string, ...args: unknown[]) => unknown = () => null;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    try {
      return Promise.resolve(this.invokeHandler(channel, ...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  send(channel: string, ...args: unknown[]): void {
    this.sentToMain.push({ channel, args });
  }

  /** Main sends to this page: listeners get (event, ...args) like Electron's IpcRendererEvent. */
  deliver(channel: string, payload: unknown, ports: MessagePortMain[] = []): void {
    this.emit(channel, { sender: this, ports }, payload);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

// ─── reset ────────────────────────────────────────────────────────────────

export function resetFakeElectron(): void {
  timeline.length = 0;
  BrowserWindow.instances = [];
  forked.length = 0;
  utilityProcess.onFork = null;
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  app.resetState();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  defaultSession = new FakeSession();
  shell.openedExternal.length = 0;
  shell.openedPaths.length = 0;
  dialog.errors.length = 0;
  nativeTheme.shouldUseDarkColors = false;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  contextBridge.exposed.clear();
  Menu.current = undefined;
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.sentToMain.length = 0;
  ipcRenderer.invokeHandler = () => null;
}

/** A fresh fake whose app is ready (what most main-process tests start from). */
export async function readyFakeElectron(): Promise<void> {
  resetFakeElectron();
  await app.whenReady();
}

const electron = {
  app,
  BrowserWindow,
  MessageChannelMain,
  utilityProcess,
  ipcMain,
  protocol,
  session,
  shell,
  dialog,
  nativeTheme,
  safeStorage,
  contextBridge,
  ipcRenderer,
  Menu,
};
export default electron;
