// Precomputed aggregates so reads stay fast on 100k users / 1M watch rows:
// - after org changes (lazily, see org-aggregates.ts): the department closure, every department's
//   members including sub-departments, user counts, each department's division (the top-level
//   department above it) and tag member counts;
// - when a live's watch fetch ends (see live-summaries.ts): its totals, and its internal viewers
//   per department and per division.
import type { Migration } from './types.ts';

export const aggregates: Migration = {
  version: 3,
  name: 'aggregates',
  up(db) {
    db.exec(`
      ALTER TABLE departments ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE departments ADD COLUMN total_user_count INTEGER NOT NULL DEFAULT 0;
      -- the department right below a root above this one (itself when top-level or a root)
      ALTER TABLE departments ADD COLUMN division_id INTEGER;
      -- distinct users named by the tag or in its departments' subtrees
      ALTER TABLE tags ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;

      -- every (ancestor, descendant) pair of the department tree, self included (depth 0)
      CREATE TABLE dept_closure (
        ancestor INTEGER NOT NULL,
        descendant INTEGER NOT NULL,
        depth INTEGER NOT NULL,
        PRIMARY KEY (ancestor, descendant)
      ) WITHOUT ROWID;
      CREATE INDEX dept_closure_descendant ON dept_closure(descendant, ancestor);

      -- every user of a department or any department below it, once
      CREATE TABLE department_members (
        department_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        PRIMARY KEY (department_id, user_id)
      ) WITHOUT ROWID;

      CREATE TABLE live_summary (
        live_id INTEGER PRIMARY KEY REFERENCES lives(id) ON DELETE CASCADE,
        internal_viewers INTEGER NOT NULL DEFAULT 0,
        external_viewers INTEGER NOT NULL DEFAULT 0,
        watch_seconds INTEGER NOT NULL DEFAULT 0,
        -- sum over viewers of min(1, watch_time / living_duration)
        completion_sum REAL NOT NULL DEFAULT 0,
        commenters INTEGER NOT NULL DEFAULT 0,
        mic_users INTEGER NOT NULL DEFAULT 0,
        dirty INTEGER NOT NULL DEFAULT 1,
        computed_at INTEGER,
        -- attendance against the audience, valid while attendance_key (audience, org, fetch) holds
        attendance_key TEXT,
        attendance_audience INTEGER,
        attendance_attended INTEGER
      );
      CREATE INDEX live_summary_dirty ON live_summary(dirty) WHERE dirty = 1;

      -- internal viewers per live and department (watch_internal.department_id)
      CREATE TABLE live_dept_summary (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL,
        viewers INTEGER NOT NULL,
        watch_seconds INTEGER NOT NULL,
        completion_sum REAL NOT NULL,
        PRIMARY KEY (live_id, department_id)
      ) WITHOUT ROWID;

      -- the same per division: small, so statistics across many lives stay cheap
      CREATE TABLE live_division_summary (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        division_id INTEGER NOT NULL,
        viewers INTEGER NOT NULL,
        watch_seconds INTEGER NOT NULL,
        completion_sum REAL NOT NULL,
        PRIMARY KEY (live_id, division_id)
      ) WITHOUT ROWID;

      -- rows written before this version: attribute viewers to their current department
      UPDATE watch_internal SET department_id = (SELECT home_department FROM users u WHERE u.userid = watch_internal.userid)
        WHERE department_id IS NULL;
      INSERT INTO live_summary (live_id, dirty)
        SELECT live_id, 1 FROM watch_internal UNION SELECT live_id, 1 FROM watch_external;
      INSERT OR REPLACE INTO meta (key, value) VALUES ('org.aggregatesDirty', 'true');
    `);
  },
};
