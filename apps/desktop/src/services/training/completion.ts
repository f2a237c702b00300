// The completion rule: 完成 when the time watched (WeCom counts replay watching in it) reaches the
// threshold share of the live's length; 部分观看 below it; 未参加 without any. A live that has not
// ended (or never took place) has no verdict yet: its learners are only 'required'.
import type { LearnerCounts, LearnerStatus } from '../../shared/training.ts';

/** Only an ended live (status 2) can have absentees; reserved, live, expired and cancelled ones cannot. */
export const hasEnded = (status: number): boolean => status === 2;

/** Seconds to watch to complete: ⌈threshold × length⌉ (80% of 3600 s is 2880 s exactly). */
export function secondsToComplete(threshold: number, durationSeconds: number): number {
  // round away float noise first (0.7 × 3600 = 2519.9999…), then up to whole seconds
  return Math.ceil(Math.round(threshold * durationSeconds * 1e6) / 1e6);
}

export function learnerStatus(watchSeconds: number, durationSeconds: number, threshold: number, ended: boolean): LearnerStatus {
  if (!ended) return 'required';
  if (watchSeconds <= 0) return 'absent';
  return watchSeconds >= secondsToComplete(threshold, durationSeconds) ? 'completed' : 'partial';
}

export function countStatuses(statuses: Iterable<LearnerStatus>): LearnerCounts {
  const counts: LearnerCounts = { required: 0, completed: 0, partial: 0, absent: 0 };
  for (const status of statuses) {
    counts.required++;
    if (status !== 'required') counts[status]++;
  }
  return counts;
}
