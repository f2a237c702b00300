// Read queries and results, shaped for the renderer contract (camelCase, src/shared/models.ts) minus
// `stale`, which the handler adds from the staleness rule and `asOf`.
import type { z } from 'zod';
import type { MethodOutput, servicesContract } from '../../../shared/contract.ts';

/** A read result without `stale` (the handler adds it from the TTL and `asOf`). */
export type Fresh<T> = Omit<T, 'stale'>;
type Input<M extends keyof typeof servicesContract> = z.output<(typeof servicesContract)[M]['input']>;

export type UserSearchQuery = Partial<Input<'users.search'>>;
export type LiveListFilter = Partial<Input<'lives.list'>>;
export type WatchStatsQuery = Partial<Input<'lives.watchStats'>> & { livingid: string };
export type StatsOverviewQuery = Omit<Input<'stats.overview'>, 'departmentBy' | 'level'> &
  Partial<Pick<Input<'stats.overview'>, 'departmentBy' | 'level'>> & {
  /** offset of local time from UTC used for day and week boundaries; default: this machine's */
  utcOffsetSeconds?: number;
};

export type DepartmentsResult = Fresh<MethodOutput<'org.departments'>>;
export type UserSearchResult = Fresh<MethodOutput<'users.search'>>;
export type UserDetailResult = Fresh<MethodOutput<'users.get'>>;
export type TagsResult = Fresh<MethodOutput<'tags.list'>>;
export type TagMembersResult = Fresh<MethodOutput<'tags.members'>>;
export type LivesResult = Fresh<MethodOutput<'lives.list'>>;
/** The host department's path is added by the handler, from the department paths. */
export type LiveDetailResult = Omit<Fresh<MethodOutput<'lives.get'>>, 'mainDepartmentPath'>;
export type LivesNowResult = Fresh<MethodOutput<'lives.now'>>;
export type WatchStatsResult = Fresh<MethodOutput<'lives.watchStats'>>;
export type LiveAnalyticsResult = Fresh<MethodOutput<'lives.analytics'>>;
export type AbsenteesResult = Fresh<MethodOutput<'lives.absentees'>>;
export type HomeStatsResult = Fresh<MethodOutput<'stats.home'>>;
export type StatsOverviewResult = Fresh<MethodOutput<'stats.overview'>>;
