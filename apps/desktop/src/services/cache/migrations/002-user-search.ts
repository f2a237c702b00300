// Full-text user search (name, userid, alias, position) and a backfill of the users already cached.
// Contentless with delete support: the index holds only tokens; rowid = users.id. Writers keep it
// in step with users explicitly (the text is prepared in JS, see search-text.ts).
import { indexText } from '../search-text.ts';
import type { Migration } from './types.ts';

export const userSearch: Migration = {
  version: 2,
  name: 'user-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE users_fts USING fts5(
        name, userid, alias, position,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
    const insert = db.prepare(
      'INSERT INTO users_fts (rowid, name, userid, alias, position) VALUES (?, ?, ?, ?, ?)',
    );
    const users = db.prepare('SELECT id, name, userid, alias, position FROM users').all() as Array<{
      id: number;
      name: string;
      userid: string;
      alias: string | null;
      position: string;
    }>;
    for (const u of users) {
      insert.run(u.id, indexText(u.name), indexText(u.userid), indexText(u.alias), indexText(u.position));
    }
  },
};
