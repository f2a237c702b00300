// Watch rows by generation, so a fetch's rows can be written beside the previous fetch's in small
// transactions and switched to in one tiny one (readers see the old rows or the new, never half):
// - watch_internal / watch_external carry the generation in their key (live_id, generation, id) and
//   in their watch-time index; lives.watch_generation names the generation readers see;
// - live_summary also keeps a live's watch-time distribution and completion deciles (JSON counts),
//   computed when a fetch ends (lazily for lives fetched before), so a live's charts read one row
//   instead of all its viewers.
import type { Migration } from './types.ts';

export const watchGenerations: Migration = {
  version: 7,
  name: 'watch-generations',
  up(db) {
    db.exec(`
      ALTER TABLE lives ADD COLUMN watch_generation INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE live_summary ADD COLUMN distribution TEXT;
      ALTER TABLE live_summary ADD COLUMN completion TEXT;

      CREATE TABLE watch_internal_v8 (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        generation INTEGER NOT NULL,
        userid TEXT NOT NULL,
        watch_time INTEGER NOT NULL DEFAULT 0,
        is_comment INTEGER NOT NULL DEFAULT 0,
        is_mic INTEGER NOT NULL DEFAULT 0,
        invitor_userid TEXT,
        invitor_external_userid TEXT,
        department_id INTEGER,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (live_id, generation, userid)
      ) WITHOUT ROWID;
      INSERT INTO watch_internal_v8 (live_id, generation, userid, watch_time, is_comment, is_mic,
          invitor_userid, invitor_external_userid, department_id, fetched_at)
        SELECT live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
          invitor_external_userid, department_id, fetched_at
        FROM watch_internal ORDER BY live_id, generation, userid;
      DROP TABLE watch_internal;
      ALTER TABLE watch_internal_v8 RENAME TO watch_internal;
      CREATE INDEX watch_internal_time ON watch_internal(live_id, generation, watch_time);

      CREATE TABLE watch_external_v8 (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        generation INTEGER NOT NULL,
        external_userid TEXT NOT NULL,
        type INTEGER,
        name TEXT NOT NULL DEFAULT '',
        watch_time INTEGER NOT NULL DEFAULT 0,
        is_comment INTEGER NOT NULL DEFAULT 0,
        is_mic INTEGER NOT NULL DEFAULT 0,
        invitor_userid TEXT,
        invitor_external_userid TEXT,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (live_id, generation, external_userid)
      ) WITHOUT ROWID;
      INSERT INTO watch_external_v8 (live_id, generation, external_userid, type, name, watch_time,
          is_comment, is_mic, invitor_userid, invitor_external_userid, fetched_at)
        SELECT live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
          invitor_userid, invitor_external_userid, fetched_at
        FROM watch_external ORDER BY live_id, generation, external_userid;
      DROP TABLE watch_external;
      ALTER TABLE watch_external_v8 RENAME TO watch_external;
      CREATE INDEX watch_external_time ON watch_external(live_id, generation, watch_time);

      -- a finished fetch left one generation per live: the newest one present is the current one
      UPDATE lives SET watch_generation = max(
        COALESCE((SELECT max(generation) FROM watch_internal w WHERE w.live_id = lives.id), 0),
        COALESCE((SELECT max(generation) FROM watch_external e WHERE e.live_id = lives.id), 0));
    `);
  },
};
