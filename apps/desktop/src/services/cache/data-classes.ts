// Which tables hold what: data WeCom can give back (a sync refills it) and records that exist only
// on this PC (WeCom has no API to read them back). "Clear cache" touches only the first kind.

/** Re-syncable tables, children before parents. `datasets` rows of local-only sets are kept. */
export const SYNCABLE_TABLES = [
  'watch_internal',
  'watch_external',
  'live_division_summary',
  'live_dept_summary',
  // after the division sums, whose deletion stamps it: a reader sees a cleared live by its missing stamp
  'live_summary_changes',
  'live_summary',
  'department_divisions',
  'lives',
  'tag_users',
  'tag_departments',
  'tags',
  'user_departments',
  'users',
  'department_members',
  'dept_closure',
  'departments',
  'sync_state',
] as const;

/**
 * Local-only records, children before parents: message history (recall needs the msgid), the app
 * group chats created here (WeCom lists none), the audiences picked for lives (WeCom keeps no
 * invitee list; the absentee lists come from them), the notices and reminders sent or scheduled
 * about lives with each live's calendar schedule, the API call log and the training records.
 */
export const LOCAL_ONLY_TABLES = [
  'live_notices',
  'live_calendar',
  'sent_messages',
  'appchat_members',
  'appchats',
  'live_audience',
  'api_calls',
  // training records: required learners, completion rules, series
  'training_series_lives',
  'training_series',
  'training_required',
  'training_live_rules',
] as const;

/** Data sets whose freshness stamp belongs to local-only records. */
export const LOCAL_ONLY_DATASETS = ['appchats'] as const;

export type SyncableTable = (typeof SYNCABLE_TABLES)[number];
export type LocalOnlyTable = (typeof LOCAL_ONLY_TABLES)[number];

/** Rows per table a clear removed (syncable) and kept (local-only). */
export interface ClearReport {
  cleared: Record<string, number>;
  kept: Record<string, number>;
}
