// A test double of the parts of Electron the main process uses. Tests install it with
//   vi.mock('electron', () => import('./fake-electron.ts'))
// and drive it: finish a page load, post a message from the services, make them exit…
// Everything observable is recorded (`timeline`, the instances, what was sent), and
// resetFakeElectron() starts each test from scratch.
import { EventEmitter } from 'node:events';

/** The order things happened in, across every fake: 'window:create launcher.html', 'fork', … */
export const timeline: string[] = [];

function record(entry: string): void {
  timeline.push(entry);
}

let nextWindowId = 1;
let nextContentsId = 100;
let nextPid = 5000;

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

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    record(`window:close #${this.id}`);
    this.emit('close');
    this.emit('closed');
  }

  /** The page painted: Electron emits ready-to-show. */
  paint(): void {
    this.emit('ready-to-show');
  }
}

// ─── utility process and message ports ────────────────────────────────────

export class MessagePortMain extends EventEmitter {
  closed = false;
  started = false;
  readonly posted: unknown[] = [];
  /** The other end of the channel: what is posted here arrives there (once it is started). */
  other: MessagePortMain | null = null;
  private readonly queued: unknown[] = [];

  postMessage(message: unknown): void {
    if (this.closed) return;
    this.posted.push(message);
    const other = this.other;
    if (other) queueMicrotask(() => other.receive(structuredClone(message)));
  }

  start(): void {
    this.started = true;
    for (const message of this.queued.splice(0)) this.emit('message', { data: message, ports: [] });
  }

  close(): void {
    this.closed = true;
  }

  private receive(message: unknown): void {
    if (this.closed) return;
    if (this.started) this.emit('message', { data: message, ports: [] });
    else this.queued.push(message);
  }
}

export class MessageChannelMain {
  readonly port1 = new MessagePortMain();
  readonly port2 = new MessagePortMain();

  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly pid = nextPid++;
  readonly modulePath: string;
  readonly args: string[];
  readonly options: Record<string, unknown>;
  readonly posted: Array<{
    message: { type: string } & Record<string, unknown>;
    transfer: MessagePortMain[];
  }> = [];
  readonly stdout = new EventEmitter();
  readonly stderr = new EventEmitter();
  killed = false;
  exited = false;

  constructor(modulePath: string, args: string[], options: Record<string, unknown>) {
    super();
    this.modulePath = modulePath;
    this.args = args;
    this.options = options;
  }

  /** Set by a test that runs a real services runtime behind this process. */
  onPost: ((message: unknown, transfer: MessagePortMain[]) => void) | null = null;

  postMessage(message: { type: string } & Record<string, unknown>, transfer: MessagePortMain[] = []): void {
    if (this.exited) throw new Error('the process has exited');
    this.posted.push({ message, transfer });
    record(`services:post ${message.type}`);
    this.onPost?.(structuredClone(message), transfer);
  }

  kill(): boolean {
    this.killed = true;
    // Like the real one: the exit event follows asynchronously.
    queueMicrotask(() => this.exit(15));
    return true;
  }

  /** The services say something to main. */
  say(message: unknown): void {
    this.emit('message', message);
  }

  exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    record(`services:exit ${code}`);
    this.emit('exit', code);
  }

  /** Messages of one type main posted. */
  postedOf(
    type: string,
  ): Array<{ message: { type: string } & Record<string, unknown>; transfer: MessagePortMain[] }> {
    return this.posted.filter((p) => p.message.type === type);
  }
}

export const forked: FakeUtilityProcess[] = [];

export const utilityProcess = {
  /** Called with each new process (e.g. to run the real services runtime behind it). */
  onFork: null as ((child: FakeUtilityProcess) => void) | null,
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}): FakeUtilityProcess {
    const child = new FakeUtilityProcess(modulePath, args, options);
    forked.push(child);
    record('fork');
    utilityProcess.onFork?.(child);
    return child;
  },
};

/** The newest services process. */
export function lastServices(): FakeUtilityProcess {
  const child = forked.at(-1);
  if (!child) throw new Error('no services process was forked');
  return child;
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
  singleInstance = true;
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

  quit(): void {
    this.quitCalls += 1;
    record('app:quit');
  }

  exit(): void {
    record('app:exit');
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
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

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

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

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
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
  app.removeAllListeners();
  app.quitCalls = 0;
  app.isPackaged = false;
  app.switches.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  shell.openedExternal.length = 0;
  shell.openedPaths.length = 0;
  dialog.errors.length = 0;
  nativeTheme.shouldUseDarkColors = false;
  contextBridge.exposed.clear();
  Menu.current = undefined;
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.sentToMain.length = 0;
  ipcRenderer.invokeHandler = () => null;
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
  contextBridge,
  ipcRenderer,
  Menu,
};
export default electron;
