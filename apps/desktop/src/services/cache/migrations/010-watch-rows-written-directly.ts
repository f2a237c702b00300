// Watch pages are written straight into their fetch's generation (watch-writes.ts) instead of being
// staged as JSON and merged at the end:
// - the pages a running fetch had staged become its rows, later pages winning as the merge did,
//   so the fetch goes on from its cursor (or its merge, if all pages were in);
// - watch_pages goes;
// - user_home_changes counts changes of the users' home departments (a row per user stamps the
//   department on each watch row), so ingest keeps them in memory and reads them again only after
//   a change. Like summary_changes it only grows: a clear leaves it.
import type { Migration } from './types.ts';

const COUNT = 'UPDATE user_home_changes SET changes = changes + 1 WHERE id = 1;';

export const watchRowsWrittenDirectly: Migration = {
  version: 10,
  name: 'watch-rows-written-directly',
  up(db) {
    db.exec(`
      INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
          invitor_external_userid, department_id, fetched_at)
        SELECT p.live_id, p.generation, json_extract(u.value, '$[0]'), json_extract(u.value, '$[1]'),
          json_extract(u.value, '$[2]'), json_extract(u.value, '$[3]'), json_extract(u.value, '$[4]'),
          json_extract(u.value, '$[5]'), (SELECT home_department FROM users WHERE userid = json_extract(u.value, '$[0]')),
          p.fetched_at
        FROM watch_pages p, json_each(p.users) u WHERE true ORDER BY p.live_id, p.seq, u.key
        ON CONFLICT(live_id, generation, userid) DO UPDATE SET watch_time = excluded.watch_time,
          is_comment = excluded.is_comment, is_mic = excluded.is_mic, invitor_userid = excluded.invitor_userid,
          invitor_external_userid = excluded.invitor_external_userid, department_id = excluded.department_id,
          fetched_at = excluded.fetched_at;
      INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
          invitor_userid, invitor_external_userid, fetched_at)
        SELECT p.live_id, p.generation, json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]'),
          json_extract(e.value, '$[2]'), json_extract(e.value, '$[3]'), json_extract(e.value, '$[4]'),
          json_extract(e.value, '$[5]'), json_extract(e.value, '$[6]'), json_extract(e.value, '$[7]'), p.fetched_at
        FROM watch_pages p, json_each(p.external_users) e WHERE true ORDER BY p.live_id, p.seq, e.key
        ON CONFLICT(live_id, generation, external_userid) DO UPDATE SET type = excluded.type, name = excluded.name,
          watch_time = excluded.watch_time, is_comment = excluded.is_comment, is_mic = excluded.is_mic,
          invitor_userid = excluded.invitor_userid, invitor_external_userid = excluded.invitor_external_userid,
          fetched_at = excluded.fetched_at;
      DROP TABLE watch_pages;

      CREATE TABLE user_home_changes (id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL);
      INSERT INTO user_home_changes (id, changes) VALUES (1, 0);
      CREATE TRIGGER users_home_insert AFTER INSERT ON users BEGIN ${COUNT} END;
      CREATE TRIGGER users_home_update AFTER UPDATE OF userid, home_department ON users
        WHEN OLD.userid IS NOT NEW.userid OR OLD.home_department IS NOT NEW.home_department BEGIN ${COUNT} END;
      CREATE TRIGGER users_home_delete AFTER DELETE ON users BEGIN ${COUNT} END;
    `);
  },
};
