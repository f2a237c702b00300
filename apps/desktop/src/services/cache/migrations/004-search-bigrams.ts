// User search v2: one column of CJK characters and Latin words, one of CJK bigrams, so common
// two-character terms ("经理") are single-token lookups instead of phrase checks over every
// character (see search-text.ts). Rebuilds the index from the users table. Also an index that
// lets statistics group per-division summaries without sorting them.
// Frozen: the columns are computed as version 4 defined them, by this file's own copy of the rule,
// so later changes to the live search-text.ts never change what this migration did.
import type { Migration } from './types.ts';

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';

/** Version 4's index columns: CJK characters as words plus Latin words; CJK bigrams within a run. */
function v4Columns(fields: ReadonlyArray<string | null>): { words: string; bigrams: string } {
  const texts = fields.filter((f): f is string => typeof f === 'string' && f !== '').map((f) => f.normalize('NFKC'));
  const pairs = (run: string) => {
    const chars = [...run];
    return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
  };
  return {
    words: texts.map((t) => t.replace(new RegExp(`[${CJK}]`, 'gu'), ' $& ')).join(' '),
    bigrams: texts.flatMap((t) => [...t.matchAll(new RegExp(`[${CJK}]+`, 'gu'))].flatMap((m) => pairs(m[0]))).join(' '),
  };
}

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
      const { words, bigrams } = v4Columns([u.name, u.userid, u.alias, u.position]);
      insert.run(u.id, words, bigrams);
    }
  },
};
