// When the services crash: restart after 0.5 s, 1 s, 2 s, 4 s…; more than `maxCrashes` crashes
// within `windowMs` means something is broken for good, and we stop instead of spinning.
export interface RestartPolicyOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxCrashes: 4,
  windowMs: 60_000,
};

export type RestartDecision =
  | { action: 'restart'; delayMs: number; crashesInWindow: number }
  | { action: 'give-up'; crashesInWindow: number };

export class RestartPolicy {
  private readonly options: RestartPolicyOptions;
  private crashes: number[] = [];

  constructor(options: Partial<RestartPolicyOptions> = {}) {
    this.options = { ...DEFAULT_RESTART_POLICY, ...options };
  }

  recordCrash(now: number): RestartDecision {
    this.crashes = [...this.crashes.filter((t) => now - t < this.options.windowMs), now];
    const count = this.crashes.length;
    if (count > this.options.maxCrashes) return { action: 'give-up', crashesInWindow: count };
    const delayMs = Math.min(this.options.baseDelayMs * 2 ** (count - 1), this.options.maxDelayMs);
    return { action: 'restart', delayMs, crashesInWindow: count };
  }

  /** After the user asks to try again: a fresh start. */
  reset(): void {
    this.crashes = [];
  }
}
