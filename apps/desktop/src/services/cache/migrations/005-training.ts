// Training records kept per corp (local-only: WeCom keeps none of them): required learners of a live,
// completion rules, and series (系列培训) grouping lives. Lives are named by livingid, not by row id,
// so the records outlive a "clear cache" and a re-sync of the lives.
import type { Migration } from './types.ts';

export const training: Migration = {
  version: 5,
  name: 'training',
  up(db) {
    db.exec(`
      -- who must attend a live: JSON {departments:[{id, withSub}], tagIds:[], userids:[]}
      CREATE TABLE training_required (
        livingid TEXT PRIMARY KEY,
        spec TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- a live's own completion threshold (share of its length), over its series' and the default
      CREATE TABLE training_live_rules (
        livingid TEXT PRIMARY KEY,
        threshold REAL NOT NULL CHECK (threshold > 0 AND threshold <= 1),
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE training_series (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        threshold REAL CHECK (threshold IS NULL OR (threshold > 0 AND threshold <= 1)),
        -- required learners of every live of the series without its own (JSON as above), or NULL
        required TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- a live belongs to at most one series
      CREATE TABLE training_series_lives (
        livingid TEXT PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES training_series(id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX training_series_lives_series ON training_series_lives(series_id);
    `);
  },
};
