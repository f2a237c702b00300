// Background chatter for the Demo: now and then a random member asks the bot one of the trainees'
// questions. Runs on real timers; tests use the hub's scripted users directly.
import type { AibotHub } from './hub.ts';

export const TRAINEE_QUESTIONS = ['下一场培训什么时候', '我的学习记录', '我还有哪些没完成'] as const;

export interface ChatterOptions {
  /** default 8 000 */
  intervalMs?: number;
  questions?: readonly string[];
  /** userids to pick from; default the organisation's first 50 members */
  userids?: readonly string[];
  random?: () => number;
}

/** Returns the function that stops it. */
export function startChatter(
  hub: AibotHub,
  userids: readonly string[],
  options: ChatterOptions = {},
): () => void {
  const questions = options.questions ?? TRAINEE_QUESTIONS;
  const people = options.userids ?? userids.slice(0, 50);
  const random = options.random ?? Math.random;
  const timer = setInterval(() => {
    if (!hub.isSubscribed() || people.length === 0) return;
    const userid = people[Math.floor(random() * people.length)]!;
    hub.userSays(questions[Math.floor(random() * questions.length)]!, { userid });
  }, options.intervalMs ?? 8_000);
  timer.unref();
  return () => clearInterval(timer);
}
