// Organisation screen state: the users-table filters, the open user and the selected tag.
// The filters map one-to-one onto the `users.search` input, so the table re-queries from them alone.
import { create } from 'zustand';
import { initialUserFilters, type UserFilters, type UserSortKey, type UserStatus } from './org-filters.ts';

export { initialUserFilters, USERS_PAGE_SIZE, usersSearchInput } from './org-filters.ts';
export type { UserFilters, UserSortKey, UserStatus } from './org-filters.ts';

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
