// Organisation screen state: the users-table filters, the open user and the selected tag.
// The filters map one-to-one onto the `users.search` input, so the table re-queries from them alone.
import { create } from 'zustand';
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

export interface OrgState {
  filters: UserFilters;
  tab: 'users' | 'tags';
  openUserid: string | null;
  selectedTagId: number | null;
}

export interface OrgActions {
  setQuery(query: string): void;
  setDepartment(departmentId: number | null): void;
  setRecursive(recursive: boolean): void;
  setStatus(status: UserStatus | null): void;
  /** Same key again flips the direction; a new key starts ascending. */
  setSort(sort: UserSortKey, desc?: boolean): void;
  resetFilters(): void;
  setTab(tab: OrgState['tab']): void;
  openUser(userid: string): void;
  closeUser(): void;
  selectTag(tagid: number | null): void;
}

export const initialUserFilters: UserFilters = {
  query: '',
  departmentId: null,
  recursive: true,
  status: null,
  sort: 'name',
  desc: false,
};

export const useOrgStore = create<OrgState & OrgActions>()((set) => ({
  filters: initialUserFilters,
  tab: 'users',
  openUserid: null,
  selectedTagId: null,
  setQuery: (query) => set((s) => ({ filters: { ...s.filters, query } })),
  setDepartment: (departmentId) => set((s) => ({ filters: { ...s.filters, departmentId } })),
  setRecursive: (recursive) => set((s) => ({ filters: { ...s.filters, recursive } })),
  setStatus: (status) => set((s) => ({ filters: { ...s.filters, status } })),
  setSort: (sort, desc) =>
    set((s) => ({
      filters: {
        ...s.filters,
        sort,
        desc: desc ?? (s.filters.sort === sort ? !s.filters.desc : false),
      },
    })),
  resetFilters: () => set({ filters: initialUserFilters }),
  setTab: (tab) => set({ tab }),
  openUser: (openUserid) => set({ openUserid }),
  closeUser: () => set({ openUserid: null }),
  selectTag: (selectedTagId) => set({ selectedTagId }),
}));

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
