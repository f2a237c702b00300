// Names sort by pinyin: users.name_key holds a sort key built from the name's pinyin (see
// name-sort-key.ts), indexed with the userid so a name sort walks the index and stops at the page.
// The key needs the pinyin dictionary, which a migration does not load (it imports no app code and
// must keep start-up quick): users cached before stay NULL here and are backfilled in short steps
// with their pinyin search text (org-name-keys.ts), after the next org sync. NULL sorts first, and
// a name sort reads by the name itself until no NULL key is left.
import type { Migration } from './types.ts';

export const nameSortKeys: Migration = {
  version: 8,
  name: 'name-sort-keys',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN name_key TEXT;
      CREATE INDEX users_name_key ON users(name_key, userid);
    `);
  },
};
