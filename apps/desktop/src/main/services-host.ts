// The services utility process: fork, validate what it says, post what main asks, and restart it
// with backoff when it dies without being asked to (see restart-policy.ts).
import { utilityProcess } from 'electron';
import type { MessagePortMain, UtilityProcess } from 'electron';
import { mainToServicesSchema, servicesToMainSchema } from '../shared/host-protocol.ts';
import type { MainToServices, ServicesToMain } from '../shared/host-protocol.ts';
import { SERVICES_NAME } from './constants.ts';
import type { AppLog, LogLevel } from './logger.ts';
import { RestartPolicy } from './restart-policy.ts';
import { LineSplitter } from './line-splitter.ts';
import type { RestartDecision } from './restart-policy.ts';
import { systemClock } from '@wld/clock';

/** starting: forked, waiting for `ready`; ready: talking; restarting: waiting out the backoff. */
export type ServicesPhase = 'stopped' | 'starting' | 'ready' | 'restarting' | 'failed';

export interface CrashInfo {
  code: number;
  decision: RestartDecision;
  /** Restarts so far, this one included. */
  restarts: number;
}

export interface ServicesHostOptions {
  modulePath: string;
  log: AppLog;
  servicesLog: (level: LogLevel, message: string) => void;
  onMessage: (message: ServicesToMain) => void;
  onCrash: (info: CrashInfo) => void;
  policy?: RestartPolicy;
  /** A process that never says `ready` is killed (and counts as a crash). */
  readyTimeoutMs?: number;
  now?: () => number;
}

export class ServicesHost {
  private readonly options: ServicesHostOptions;
  private readonly policy: RestartPolicy;
  private child: UtilityProcess | null = null;
  private currentPhase: ServicesPhase = 'stopped';
  private restartCount = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  /** Children we asked to exit: their exit is not a crash. */
  private readonly leaving = new Map<UtilityProcess, () => void>();
  private stopping: Promise<void> | null = null;

  constructor(options: ServicesHostOptions) {
    this.options = options;
    this.policy = options.policy ?? new RestartPolicy();
  }

  get phase(): ServicesPhase {
    return this.currentPhase;
  }

  /** Every restart so far: after crashes and on purpose (profile switch, retry after failure). */
  get restarts(): number {
    return this.restartCount;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.child) return;
    this.clearTimers();
    this.fork();
  }

  /** Posts to the running services; false (nothing sent) when they are not ready. */
  post(message: MainToServices, transfer: MessagePortMain[] = []): boolean {
    if (!this.child || this.currentPhase !== 'ready') return false;
    const checked = mainToServicesSchema.safeParse(message);
    if (!checked.success) throw new Error(`invalid message to the services: ${checked.error.message}`);
    this.child.postMessage(message, transfer);
    return true;
  }

  /**
   * Asks the services to shut down; kills them after `timeoutMs`. A stop while one is under way
   * returns that one: the caller waits until the process is really gone.
   */
  stop(timeoutMs = 3_000): Promise<void> {
    this.clearTimers();
    const child = this.child;
    if (!child) return this.stopping ?? Promise.resolve();
    this.child = null;
    this.currentPhase = 'stopped';
    const stopping = this.stopChild(child, timeoutMs).finally(() => {
      if (this.stopping === stopping) this.stopping = null;
    });
    this.stopping = stopping;
    return stopping;
  }

  private async stopChild(child: UtilityProcess, timeoutMs: number): Promise<void> {
    const exited = new Promise<void>((resolve) => this.leaving.set(child, resolve));
    try {
      child.postMessage({ type: 'shutdown' } satisfies MainToServices);
    } catch {
      // already gone: the exit event follows
    }
    const timer = setTimeout(() => {
      this.options.log.warn(`services did not exit within ${timeoutMs} ms; killing them`);
      child.kill();
      // An exit event that never comes must not hold up quitting.
      setTimeout(() => this.leaving.get(child)?.(), 1_000).unref?.();
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
    this.leaving.delete(child);
  }

  /** Stops and starts again on purpose (another profile, a retry after giving up). */
  async restart(): Promise<void> {
    await this.stop();
    this.restartCount += 1;
    this.fork();
  }

  /** After `failed`: the user asked to try again, so the crash history starts over. */
  async retryAfterFailure(): Promise<void> {
    this.policy.reset();
    await this.restart();
  }

  private fork(): void {
    const child = utilityProcess.fork(this.options.modulePath, [], {
      serviceName: SERVICES_NAME,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.currentPhase = 'starting';
    child.on('message', (data: unknown) => this.onChildMessage(child, data));
    child.on('exit', (code: number) => this.onChildExit(child, code));
    child.on('error', (type: string, location: string) =>
      this.options.log.error(`services ${type} at ${location}`),
    );
    // Whole lines only, and what is still buffered when the process goes is logged too.
    const stdout = new LineSplitter((line) => this.options.servicesLog('info', line));
    const stderr = new LineSplitter((line) => this.options.servicesLog('warn', line));
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout?.on('end', () => stdout.flush());
    child.stderr?.on('end', () => stderr.flush());
    child.once('exit', () => {
      stdout.flush();
      stderr.flush();
    });
    const readyTimeoutMs = this.options.readyTimeoutMs ?? 30_000;
    this.readyTimer = setTimeout(() => {
      if (this.child === child && this.currentPhase === 'starting') {
        this.options.log.error(`services did not report ready within ${readyTimeoutMs} ms; killing them`);
        child.kill();
      }
    }, readyTimeoutMs);
  }

  private onChildMessage(child: UtilityProcess, data: unknown): void {
    if (child !== this.child) return;
    const parsed = servicesToMainSchema.safeParse(data);
    if (!parsed.success) {
      this.options.log.warn(
        'ignored a malformed message from the services:',
        parsed.error.issues[0]?.message,
      );
      return;
    }
    const message = parsed.data;
    if (message.type === 'log') {
      this.options.servicesLog(message.level, message.message);
      return;
    }
    if (message.type === 'ready') {
      if (this.readyTimer) clearTimeout(this.readyTimer);
      this.readyTimer = null;
      this.currentPhase = 'ready';
    }
    this.options.onMessage(message);
  }

  private onChildExit(child: UtilityProcess, code: number): void {
    const expected = this.leaving.get(child);
    if (expected) {
      this.options.log.info(`services exited (code ${code})`);
      expected();
      return;
    }
    if (child !== this.child) return;
    this.child = null;
    this.clearTimers();
    const decision = this.policy.recordCrash((this.options.now ?? systemClock.now)());
    this.options.log.error(
      `services exited unexpectedly (code ${code}); ${
        decision.action === 'restart'
          ? `restarting in ${decision.delayMs} ms`
          : `giving up after ${decision.crashesInWindow} crashes`
      }`,
    );
    if (decision.action === 'give-up') {
      this.currentPhase = 'failed';
      this.options.onCrash({ code, decision, restarts: this.restartCount });
      return;
    }
    this.currentPhase = 'restarting';
    this.restartCount += 1;
    this.options.onCrash({ code, decision, restarts: this.restartCount });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.currentPhase === 'restarting') this.fork();
    }, decision.delayMs);
  }

  private clearTimers(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.readyTimer) clearTimeout(this.readyTimer);
    this.restartTimer = null;
    this.readyTimer = null;
  }
}
