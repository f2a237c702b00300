// Names sort by pinyin: users.name_key holds a sort key built from the name's pinyin (see
// name-sort-key.ts), indexed with the userid so a name sort walks the index and stops at the page,
// and by userid with the key so a live's viewers are keyed from the index alone.
// The key needs the pinyin dictionary, which a migration does not load (it imports no app code and
// must keep start-up quick): users cached before stay NULL here and are rewritten, with their
// pinyin search text, by the next org sync (user-writes.ts). NULL sorts first, and a
// name sort reads by the name itself until no NULL key is left (user-name-order.ts).
//
// Also a count of changes to the per-division live summaries, kept by triggers whatever writes or
// deletes them, so a reader holding them in memory (statistics over thousands of lives) knows when
// to read them again.
import type { Migration } from './types.ts';

export const sortKeysAndSummaryChanges: Migration = {
  version: 8,
  name: 'sort-keys-and-summary-changes',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN name_key TEXT;
      CREATE INDEX users_name_key ON users(name_key, userid);
      -- a live's viewers read with their keys through this index alone (no users row read per viewer)
      CREATE INDEX users_userid_key ON users(userid, name_key);

      CREATE TABLE summary_changes (id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL);
      INSERT INTO summary_changes (id, changes) VALUES (1, 0);
      CREATE TRIGGER live_division_summary_insert AFTER INSERT ON live_division_summary
        BEGIN UPDATE summary_changes SET changes = changes + 1 WHERE id = 1; END;
      CREATE TRIGGER live_division_summary_update AFTER UPDATE ON live_division_summary
        BEGIN UPDATE summary_changes SET changes = changes + 1 WHERE id = 1; END;
      CREATE TRIGGER live_division_summary_delete AFTER DELETE ON live_division_summary
        BEGIN UPDATE summary_changes SET changes = changes + 1 WHERE id = 1; END;
    `);
  },
};
