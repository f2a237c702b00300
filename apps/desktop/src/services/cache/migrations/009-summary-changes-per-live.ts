// Which lives' summaries changed: the division triggers (008) also stamp the live with the count of
// summary changes they reached, so a reader holding every live's per-department sums in memory
// reads again only the lives stamped after what it holds, and forgets those without a stamp (a
// clear deletes the stamps too). Every write of a live's per-department summaries rewrites its
// division rows, and a deleted live loses both, so these triggers see every change of either.
import type { Migration } from './types.ts';

const stamp = (row: 'NEW' | 'OLD') => `
  UPDATE summary_changes SET changes = changes + 1 WHERE id = 1;
  INSERT INTO live_summary_changes (live_id, changed) VALUES (${row}.live_id, (SELECT changes FROM summary_changes WHERE id = 1))
    ON CONFLICT(live_id) DO UPDATE SET changed = excluded.changed;`;

export const summaryChangesPerLive: Migration = {
  version: 9,
  name: 'summary-changes-per-live',
  up(db) {
    db.exec(`
      CREATE TABLE live_summary_changes (live_id INTEGER PRIMARY KEY, changed INTEGER NOT NULL);
      INSERT INTO live_summary_changes (live_id, changed)
        SELECT DISTINCT live_id, (SELECT changes FROM summary_changes WHERE id = 1) FROM live_division_summary;

      DROP TRIGGER live_division_summary_insert;
      DROP TRIGGER live_division_summary_update;
      DROP TRIGGER live_division_summary_delete;
      CREATE TRIGGER live_division_summary_insert AFTER INSERT ON live_division_summary BEGIN ${stamp('NEW')} END;
      CREATE TRIGGER live_division_summary_update AFTER UPDATE ON live_division_summary BEGIN ${stamp('NEW')} ${stamp('OLD')} END;
      CREATE TRIGGER live_division_summary_delete AFTER DELETE ON live_division_summary BEGIN ${stamp('OLD')} END;
    `);
  },
};
