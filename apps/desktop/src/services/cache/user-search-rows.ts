// The user search index (users_fts) row of a user: written with the user, rewritten only when a
// searchable field changes, removed with the user.
import type { CacheContext } from './context.ts';
import { searchColumns } from './search-text.ts';

export interface SearchableUser {
  userid: string;
  name: string;
  alias: string | null;
  position: string;
}

export interface UserSearchRows {
  insert(id: number, user: SearchableUser): void;
  replace(id: number, user: SearchableUser): void;
  remove(id: number): void;
}

export const searchFieldsChanged = (a: Omit<SearchableUser, 'userid'>, b: Omit<SearchableUser, 'userid'>): boolean =>
  a.name !== b.name || a.alias !== b.alias || a.position !== b.position;

export function createUserSearchRows(ctx: CacheContext): UserSearchRows {
  const insert = ctx.stmt('INSERT INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
  const replace = ctx.stmt('INSERT OR REPLACE INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
  const remove = ctx.stmt('DELETE FROM users_fts WHERE rowid = ?');
  const columns = (user: SearchableUser) => {
    const { words, bigrams } = searchColumns([user.name, user.userid, user.alias, user.position]);
    return [words, bigrams] as const;
  };
  return {
    insert: (id, user) => insert.run(id, ...columns(user)),
    replace: (id, user) => replace.run(id, ...columns(user)),
    remove: (id) => remove.run(id),
  };
}
