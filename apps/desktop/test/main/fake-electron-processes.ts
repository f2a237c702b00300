// The fake utility process and message ports: ports deliver to their other end once started and
// emit 'close' when it goes; a process's ports close when it exits; posting after exit does nothing.
import { EventEmitter } from 'node:events';
import { record, requireReady } from './fake-electron-core.ts';

let nextPid = 5000;

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

  /** Closes this end; the other end emits 'close' (the channel is gone for both). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const other = this.other;
    if (other && !other.closed) {
      other.closed = true;
      queueMicrotask(() => other.emit('close'));
    }
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

  /** After exit: nothing happens (Electron drops the message). */
  postMessage(message: { type: string } & Record<string, unknown>, transfer: MessagePortMain[] = []): void {
    if (this.exited) {
      record(`services:dropped ${message.type}`);
      return;
    }
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
    // The process's ends of every channel died with it.
    for (const sent of this.posted) for (const port of sent.transfer) port.close();
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
    requireReady('utilityProcess');
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
