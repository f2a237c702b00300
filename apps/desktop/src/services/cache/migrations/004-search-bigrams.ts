// User search v2: one column of CJK characters and Latin words, one of CJK bigrams, so common
// two-character terms ("经理") are single-token lookups instead of phrase checks over every
// character (see search-text.ts). Rebuilds the index from the users table. Also an index that
// lets statistics group per-division summaries without sorting them.
import { searchColumns } from '../search-text.ts';
import type { Migration } from './types.ts';

export const searchBigrams: Migration = {
  version: 4,
  name: 'search-bigrams',
  up(db) {
    db.exec(`
      DROP TABLE users_fts;
      CREATE VIRTUAL TABLE users_fts USING fts5(
        words, bigrams,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE INDEX live_division_summary_division
        ON live_division_summary(division_id, live_id, viewers, completion_sum);
    `);
    const insert = db.prepare('INSERT INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
    const users = db.prepare('SELECT id, name, userid, alias, position FROM users').all() as Array<{
      id: number;
      name: string;
      userid: string;
      alias: string | null;
      position: string;
    }>;
    for (const u of users) {
      const { words, bigrams } = searchColumns([u.name, u.userid, u.alias, u.position]);
      insert.run(u.id, words, bigrams);
    }
  },
};
