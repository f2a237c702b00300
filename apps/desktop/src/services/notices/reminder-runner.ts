// Sends scheduled reminders at their time, on the services' one clock. Reminders live in the cache,
// so they survive restarts. Policy for a reminder whose time passed while the app was not running
// (or offline): it is sent once, late, while it is still useful — a before-start reminder until the
// live starts, an after-end reminder within 24 hours of its time; otherwise it is marked 'missed',
// never sent by itself, and listed so the admin can send it by hand. A send interrupted by a crash
// ('sending' at start) becomes 'unknown': it may have gone out, and a retry stays safe for 4 hours.
import { reminderDueAt } from '../../shared/notice-models.ts';
import type { ServicesContext } from '../context.ts';
import { onePerContext } from '../one-per-context.ts';
import { deliver } from './deliver.ts';
import { composeReminder } from './notices.ts';

export const REMINDER_TICK_MS = 30_000;
/** How late an after-end reminder may still go out. */
export const AFTER_END_GRACE_MS = 24 * 3600 * 1000;

export class ReminderRunner {
  readonly #ctx: ServicesContext;
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<number> | null = null;

  constructor(ctx: ServicesContext) {
    this.#ctx = ctx;
  }

  /** Recovers interrupted sends, catches up on due reminders, then checks every 30 seconds. */
  start(): void {
    if (this.#timer) return;
    this.recoverInterrupted();
    void this.tick();
    this.#timer = setInterval(() => void this.tick(), REMINDER_TICK_MS);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  recoverInterrupted(): void {
    const cache = this.#ctx.cache();
    const interrupted = cache.noticesWithStatus('sending');
    for (const notice of interrupted) cache.updateNotice(notice.id, { status: 'unknown', error: { kind: 'network', code: 'NOTICE_UNKNOWN_OUTCOME', message: 'Interrupted while sending' } });
    if (interrupted.length > 0) this.#ctx.changed('notices');
  }

  /** Handles every due reminder once; resolves with how many were sent, missed or cancelled. */
  tick(): Promise<number> {
    this.#running ??= this.#tick().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #tick(): Promise<number> {
    const ctx = this.#ctx;
    const cache = ctx.cache();
    let handled = 0;
    for (const notice of cache.noticesWithStatus('scheduled')) {
      const live = cache.getLive(notice.livingid)?.live;
      if (!live) continue; // cleared with the cache: waits for the next sync
      const now = ctx.now();
      if (live.status === 4) {
        cache.updateNotice(notice.id, { status: 'cancelled', error: { kind: 'validation', code: 'LIVE_CANCELLED', message: 'The live was cancelled' } });
        handled++;
        continue;
      }
      const dueAt = reminderDueAt(notice, live);
      if (dueAt !== notice.dueAt) cache.updateNotice(notice.id, { dueAt });
      if (now < dueAt) continue;
      const tooLate = notice.kind === 'before-start' ? now >= live.livingStart * 1000 : now - dueAt > AFTER_END_GRACE_MS;
      if (tooLate) {
        cache.updateNotice(notice.id, { status: 'missed', error: { kind: 'validation', code: 'REMINDER_MISSED', message: 'Its time passed while the app was not running' } });
        handled++;
        continue;
      }
      if (!ctx.connection.isOnline) continue; // tried again at the next tick, while still in time
      if (!cache.claimNotice(notice.id, 'scheduled', 'sending')) continue;
      const composed = composeReminder(ctx, live, notice);
      const ready = cache.updateNotice(notice.id, { ...composed, recipientCount: composed.recipients.userids.length });
      await deliver(ctx, ready);
      handled++;
    }
    if (handled > 0) ctx.changed('notices');
    return handled;
  }
}

/** The one ReminderRunner of a services context. */
export const reminderRunnerOf = onePerContext((ctx) => new ReminderRunner(ctx));
