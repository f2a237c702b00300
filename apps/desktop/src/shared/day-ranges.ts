// "The last N days" as the app's screens mean it: N calendar days in local time, today included,
// from 00:00 of the first to 23:59:59 of today. Home's "last 30 days" card and the Statistics
// preset it opens are the same range, so they show the same figures. No imports: the main window's
// boot script asks for the statistics overview with it.

/** The last `days` days including today's, in local time, as unix seconds. */
export function lastDaysRange(days: number, now: Date): { from: number; to: number } {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: Math.floor(start.getTime() / 1000), to: Math.floor(end.getTime() / 1000) - 1 };
}
