// The base schema: org, lives, watch stats, messages, app chats, the API call log, sync state.
// Every data row carries fetched_at (ms). Org rows carry the generation of the full sync that last
// saw them (mark-and-sweep). Watch rows carry the generation of the fetch that wrote them.
// Foreign keys: only where a parent always exists first (links → users, watch rows → lives, …).
import type { Migration } from './types.ts';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- newest write time per data set ('org', 'tags', 'lives', 'watch', 'appchats')
      CREATE TABLE datasets (
        name TEXT PRIMARY KEY,
        fetched_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- resumable sync progress per scope ('org', 'lives', 'watch:<livingid>', …)
      CREATE TABLE sync_state (
        scope TEXT PRIMARY KEY,
        status TEXT NOT NULL DEFAULT 'idle',
        cursor TEXT,
        fetched_at INTEGER,
        phase TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER,
        generation INTEGER NOT NULL DEFAULT 0,
        data TEXT,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        name_en TEXT,
        parent_id INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        leaders TEXT NOT NULL DEFAULT '[]',
        generation INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL
      );
      CREATE INDEX departments_parent ON departments(parent_id);

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        userid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        status INTEGER NOT NULL DEFAULT 1,
        main_department INTEGER,
        -- main_department, or the first linked department when WeCom gives none
        home_department INTEGER,
        alias TEXT,
        email TEXT,
        mobile TEXT,
        generation INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL
      );
      CREATE INDEX users_name ON users(name, userid);
      CREATE INDEX users_position ON users(position, userid);
      CREATE INDEX users_status ON users(status, userid);

      -- departments are not a foreign key: users may sit in departments outside the app's visibility
      CREATE TABLE user_departments (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL,
        link_order INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        is_leader INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, department_id)
      ) WITHOUT ROWID;
      CREATE INDEX user_departments_department ON user_departments(department_id, user_id);

      CREATE TABLE tags (
        tagid INTEGER PRIMARY KEY,
        tagname TEXT NOT NULL,
        generation INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL,
        members_fetched_at INTEGER
      );
      CREATE TABLE tag_users (
        tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
        userid TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (tagid, userid)
      ) WITHOUT ROWID;
      CREATE INDEX tag_users_userid ON tag_users(userid);
      CREATE TABLE tag_departments (
        tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
        department_id INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (tagid, department_id)
      ) WITHOUT ROWID;

      CREATE TABLE lives (
        id INTEGER PRIMARY KEY,
        livingid TEXT NOT NULL UNIQUE,
        theme TEXT NOT NULL DEFAULT '',
        anchor_userid TEXT NOT NULL DEFAULT '',
        living_start INTEGER NOT NULL DEFAULT 0,
        living_duration INTEGER NOT NULL DEFAULT 0,
        status INTEGER NOT NULL DEFAULT 0,
        type INTEGER NOT NULL DEFAULT 0,
        description TEXT NOT NULL DEFAULT '',
        remind_time INTEGER,
        reserve_start INTEGER,
        reserve_living_duration INTEGER,
        main_department INTEGER,
        viewer_num INTEGER NOT NULL DEFAULT 0,
        comment_num INTEGER NOT NULL DEFAULT 0,
        mic_num INTEGER NOT NULL DEFAULT 0,
        online_count INTEGER NOT NULL DEFAULT 0,
        subscribe_count INTEGER NOT NULL DEFAULT 0,
        open_replay INTEGER NOT NULL DEFAULT 0,
        replay_status INTEGER,
        push_stream_url TEXT,
        fetched_at INTEGER NOT NULL
      );
      CREATE INDEX lives_start ON lives(living_start);
      CREATE INDEX lives_status ON lives(status, living_start);
      CREATE INDEX lives_anchor ON lives(anchor_userid, living_start);

      -- who a live was meant for (picked when scheduling; WeCom keeps no invitee list)
      CREATE TABLE live_audience (
        livingid TEXT PRIMARY KEY,
        userids TEXT NOT NULL DEFAULT '[]',
        department_ids TEXT NOT NULL DEFAULT '[]',
        tag_ids TEXT NOT NULL DEFAULT '[]',
        set_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE watch_internal (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        userid TEXT NOT NULL,
        watch_time INTEGER NOT NULL DEFAULT 0,
        is_comment INTEGER NOT NULL DEFAULT 0,
        is_mic INTEGER NOT NULL DEFAULT 0,
        invitor_userid TEXT,
        invitor_external_userid TEXT,
        -- the viewer's main department when the stats were fetched (statistics stay as they were)
        department_id INTEGER,
        generation INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (live_id, userid)
      ) WITHOUT ROWID;
      -- no index on userid alone: a user's lives are found by (live_id, userid) lookups per live,
      -- which keeps ingest of a million rows free of a random-order index
      CREATE INDEX watch_internal_time ON watch_internal(live_id, watch_time);

      CREATE TABLE watch_external (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        external_userid TEXT NOT NULL,
        type INTEGER,
        name TEXT NOT NULL DEFAULT '',
        watch_time INTEGER NOT NULL DEFAULT 0,
        is_comment INTEGER NOT NULL DEFAULT 0,
        is_mic INTEGER NOT NULL DEFAULT 0,
        invitor_userid TEXT,
        invitor_external_userid TEXT,
        generation INTEGER NOT NULL DEFAULT 0,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (live_id, external_userid)
      ) WITHOUT ROWID;
      CREATE INDEX watch_external_time ON watch_external(live_id, watch_time);

      -- pages of a running watch fetch, one row per get_watch_stat page (normalised JSON rows):
      -- a page commits with its cursor at the cost of one insert; the pages are merged into
      -- watch_internal / watch_external in key order when the fetch ends
      CREATE TABLE watch_pages (
        live_id INTEGER NOT NULL REFERENCES lives(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        generation INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        users TEXT NOT NULL,
        external_users TEXT NOT NULL,
        PRIMARY KEY (live_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE sent_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        msgid TEXT,
        msgtype TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL,
        body TEXT,
        result TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'manual',
        sent_at INTEGER NOT NULL,
        recalled_at INTEGER
      );
      CREATE INDEX sent_messages_msgid ON sent_messages(msgid);
      CREATE INDEX sent_messages_sent_at ON sent_messages(sent_at);

      CREATE TABLE appchats (
        chatid TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        fetched_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE appchat_members (
        chatid TEXT NOT NULL REFERENCES appchats(chatid) ON DELETE CASCADE,
        userid TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (chatid, userid)
      ) WITHOUT ROWID;

      CREATE TABLE api_calls (
        id INTEGER PRIMARY KEY,
        endpoint TEXT NOT NULL,
        at INTEGER NOT NULL,
        duration_ms REAL NOT NULL,
        errcode INTEGER,
        attempts INTEGER NOT NULL DEFAULT 1,
        error TEXT
      );
      CREATE INDEX api_calls_at ON api_calls(at);
    `);
  },
};
