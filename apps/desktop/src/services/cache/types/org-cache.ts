// The cache's organisation part: full-sync generations, upserts and the org reads.
import type {
  DepartmentsResult,
  TagMembersResult,
  TagsResult,
  UserDetailResult,
  UserSearchQuery,
  UserSearchResult,
} from './reads.ts';
import type { OrgSyncPart, WireDepartment, WireDeptUser, WireTag, WireTagMembers, WireUser } from './wire.ts';

export interface OrgCache {
  // org: writes
  /**
   * Starts a full org sync of the parts named in `include` (default all three); rows written until
   * finishOrgSync are stamped with the returned generation.
   */
  beginOrgSync(options?: { include?: OrgSyncPart[] }): number;
  /** Ends a full org sync: removes users, departments, links, tags not seen in `generation`, in one transaction, and recomputes counts. */
  finishOrgSync(generation: number, fetchedAt?: number): { removed: Record<string, number> };
  /**
   * The same end of a full org sync in short transactions, one per step: yield to the event loop
   * between steps. Removes rows in chunks, then marks the sync complete, then recomputes the
   * aggregates; a crash part-way leaves whole rows, the sync unfinished and the aggregates dirty.
   */
  finishOrgSyncInSteps(
    generation: number,
    fetchedAt?: number,
  ): Generator<void, { removed: Record<string, number> }>;
  /** Abandons a full org sync without removing anything (a later full sync sweeps). */
  abortOrgSync(generation: number): void;
  /** Upserts departments (chunked, idempotent). */
  upsertDepartments(rows: WireDepartment[], fetchedAt?: number): void;
  /** Upserts users; a row carrying `department` replaces that user's department links. */
  upsertUsers(rows: WireUser[], fetchedAt?: number): void;
  /** Replaces the department links of every user named in `rows` (user/list_id's dept_user). */
  replaceUserDepartmentLinks(rows: WireDeptUser[], fetchedAt?: number): void;
  /** Removes users by userid (e.g. after 60111). */
  deleteUsers(userids: string[]): number;
  /** Upserts tags (tag/list). */
  upsertTags(rows: WireTag[], fetchedAt?: number): void;
  /** Replaces a tag's members (tag/get). */
  replaceTagMembers(tagid: number, members: WireTagMembers, fetchedAt?: number): void;
  /** Recomputes department closure, members, counts, divisions and tag member counts now (else lazily on the next read). */
  recomputeOrgAggregates(): void;

  // org: reads
  /** All departments with direct and recursive (distinct) user counts. */
  departments(): DepartmentsResult;
  /** FTS user search with department, status filters, sort and paging. */
  searchUsers(query: UserSearchQuery): UserSearchResult;
  /** One user with department names, tags and lives watched; null when unknown. */
  getUser(userid: string): UserDetailResult | null;
  /** Users by userid (unknown ids are left out), in the order given. */
  usersByIds(userids: string[]): UserSearchResult['rows'];
  /** Tags with member counts (users plus users of member departments, distinct). */
  tags(): TagsResult;
  /** A tag's users and departments; null when the tag is unknown. */
  tagMembers(tagid: number): TagMembersResult | null;
}
