// The users table's filters and the `users.search` input made from them, apart from the org store:
// the warm start asks the table's first page from these alone, without zustand and React on the
// start-up path.
import type { MethodInput } from '../../shared/contract.ts';
import type { User } from '../../shared/models.ts';

export type UserStatus = User['status'];
export type UserSortKey = 'name' | 'userid' | 'position' | 'status';

export interface UserFilters {
  query: string;
  departmentId: number | null;
  recursive: boolean;
  status: UserStatus | null;
  sort: UserSortKey;
  desc: boolean;
}

export const initialUserFilters: UserFilters = {
  query: '',
  departmentId: null,
  recursive: true,
  status: null,
  sort: 'name',
  desc: false,
};

/** Rows per users.search page: about two screens of the 520 px table, so a new query's first page is
 * quick to search, send and check; scrolling asks for the next pages as they come into view. */
export const USERS_PAGE_SIZE = 50;

/** The `users.search` input for one page of the table under the given filters. */
export function usersSearchInput(filters: UserFilters, offset: number, limit: number): MethodInput<'users.search'> {
  return {
    // The services cap the query at 100 characters; trimming keeps "张 " equal to "张".
    query: filters.query.trim().slice(0, 100),
    departmentId: filters.departmentId,
    recursive: filters.recursive,
    status: filters.status,
    sort: filters.sort,
    desc: filters.desc,
    offset,
    limit: Math.min(Math.max(limit, 1), 1000),
  };
}
