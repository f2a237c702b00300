// Per-live summaries that readers hold in memory, and division sums that follow the tree:
// - live_summary_changes: the division triggers (008) also stamp the live with the count of summary
//   changes they reached, so a reader holding every live's per-department sums reads again only the
//   lives stamped after what it holds, and forgets those without a stamp (a clear deletes the
//   stamps too). Every write of a live's per-department sums rewrites its division rows, and a
//   deleted live loses both, so these triggers see every change of either;
// - live_summary.departments: the live's per-department sums packed in one blob, written with its
//   summaries, so that reader loads one row per live (NULL for lives summarised before: their
//   rows are read instead);
// - department_divisions: the division each department's sums were added up with, so that the
//   lives watched from a department moved to another division are added up again. Sums written
//   before this version are added up again now by the divisions the departments have.
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
      DROP TRIGGER live_division_summary_insert;
      DROP TRIGGER live_division_summary_update;
      DROP TRIGGER live_division_summary_delete;

      ALTER TABLE live_summary ADD COLUMN departments BLOB;

      CREATE TABLE department_divisions (department_id INTEGER PRIMARY KEY, division_id INTEGER NOT NULL);
      INSERT INTO department_divisions (department_id, division_id) SELECT id, COALESCE(division_id, id) FROM departments;
      DELETE FROM live_division_summary;
      INSERT INTO live_division_summary (live_id, division_id, viewers, watch_seconds, completion_sum)
        SELECT s.live_id, COALESCE(d.division_id, s.department_id), sum(s.viewers), sum(s.watch_seconds), sum(s.completion_sum)
        FROM live_dept_summary s LEFT JOIN departments d ON d.id = s.department_id
        GROUP BY 1, 2;
      UPDATE summary_changes SET changes = changes + 1 WHERE id = 1;

      CREATE TABLE live_summary_changes (live_id INTEGER PRIMARY KEY, changed INTEGER NOT NULL);
      INSERT INTO live_summary_changes (live_id, changed)
        SELECT DISTINCT live_id, (SELECT changes FROM summary_changes WHERE id = 1) FROM live_division_summary;
      CREATE TRIGGER live_division_summary_insert AFTER INSERT ON live_division_summary BEGIN ${stamp('NEW')} END;
      CREATE TRIGGER live_division_summary_update AFTER UPDATE ON live_division_summary BEGIN ${stamp('NEW')} ${stamp('OLD')} END;
      CREATE TRIGGER live_division_summary_delete AFTER DELETE ON live_division_summary BEGIN ${stamp('OLD')} END;
    `);
  },
};
