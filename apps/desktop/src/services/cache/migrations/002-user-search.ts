// Full-text user search (name, userid, alias, position) and a backfill of the users already cached.
// Contentless with delete support: the index holds only tokens; rowid = users.id.
// Version 4 replaced this index (see 004-search-bigrams.ts); the text preparation of this version
// is kept here as it was, so the migration always does the same thing.
import type { Migration } from './types.ts';

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Text stored for one field in this version: CJK characters separated by spaces. */
function indexText(value: string | null | undefined): string {
  if (!value) return '';
  return value.normalize('NFKC').replace(CJK_CHAR, ' $& ');
}

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
