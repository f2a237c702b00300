// Builds the Cache from its parts over one open, migrated connection.
import type Database from 'better-sqlite3';
import { createApiCalls } from './api-calls.ts';
import { createAppChats } from './appchats.ts';
import { createAttendance } from './attendance.ts';
import { createContext } from './context.ts';
import { createDashboard } from './dashboard.ts';
import { createDepartmentPathCache } from './department-paths.ts';
import { createLiveAnalytics } from './live-analytics.ts';
import { createLiveSummaries } from './live-summaries.ts';
import { createLives } from './lives.ts';
import { createLocalRecords } from './local-records.ts';
import { createMaintenance } from './maintenance.ts';
import { createMessages } from './messages.ts';
import { schemaVersion } from './migrate.ts';
import { createNotices } from './notices.ts';
import { createOrgAggregates } from './org-aggregates.ts';
import { createOrgReads } from './org-reads.ts';
import { createOrgWrites } from './org-writes.ts';
import { createReach } from './reach.ts';
import { createSyncState } from './sync-state.ts';
import type { Cache, CacheOptions } from './types.ts';
import { createWatchReads } from './watch-reads.ts';
import { createWatchWrites } from './watch-writes.ts';
import { createTraining } from '../training/index.ts';
import { systemClock } from '@wld/clock';

const DAY_MS = 86_400_000;

export function createCache(db: Database.Database, path: string, options: CacheOptions = {}): Cache {
  const ctx = createContext(db, path, {
    now: options.now ?? systemClock.now,
    apiCallsMaxRows: options.apiCallsMaxRows ?? 200_000,
    apiCallsMaxAgeMs: options.apiCallsMaxAgeMs ?? 30 * DAY_MS,
    searchDriveLimit: options.searchDriveLimit ?? 3000,
    pendingWatchPagesMs: Math.max(0, options.pendingWatchPagesMs ?? 1000),
    pendingWatchRows: Math.max(1, options.pendingWatchRows ?? 20_000),
    log: options.log ?? (() => {}),
  });
  const aggregates = createOrgAggregates(ctx);
  // the training records say who must attend
  const training = createTraining(ctx, aggregates);
  const attendance = createAttendance(ctx, aggregates, {
    required: (livingid) => training.store.effectiveRequired(livingid)?.required ?? null,
    members: (required) => training.resolver.resolve(required),
    membersQuery: (required) => training.resolver.idsQuery(required),
  });
  const summaries = createLiveSummaries(ctx, aggregates, attendance);
  const orgWrites = createOrgWrites(ctx, aggregates);
  const orgReads = createOrgReads(ctx, aggregates);
  const lives = createLives(ctx, summaries);
  const watchWrites = createWatchWrites(ctx, summaries);
  const departmentPaths = createDepartmentPathCache(ctx, aggregates);
  const watchReads = createWatchReads(ctx, aggregates, departmentPaths);
  const analytics = createLiveAnalytics(ctx, summaries, aggregates, attendance, departmentPaths);
  const dashboard = createDashboard(ctx, summaries, aggregates, departmentPaths);
  const sync = createSyncState(ctx);

  return {
    path,
    schemaVersion: schemaVersion(db),
    training,
    ...orgWrites,
    ...orgReads,
    ...lives,
    ...watchWrites,
    ...watchReads,
    departmentPaths,
    liveAnalytics: analytics.liveAnalytics,
    absentees: analytics.absentees,
    homeStats: (now) => dashboard.homeStats(now, sync.lastSync()),
    statsOverview: dashboard.statsOverview,
    warmStatistics: dashboard.warmStatistics,
    readStatisticsFor: dashboard.readStatisticsFor,
    ...createMessages(ctx),
    ...createReach(ctx, aggregates),
    ...createAppChats(ctx),
    ...createNotices(ctx, aggregates),
    ...createApiCalls(ctx),
    ...sync,
    getMeta: <T>(key: string) => ctx.getMeta<T>(key),
    setMeta: (key, value) => ctx.setMeta(key, value),
    ...createMaintenance(ctx, aggregates),
    ...createLocalRecords(ctx),
    backupTo: (file) => {
      ctx.db.prepare('VACUUM INTO ?').run(file);
    },
  };
}
