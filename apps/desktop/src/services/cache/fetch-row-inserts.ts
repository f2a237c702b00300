// The INSERTs of one watch fetch's rows, with the fetch's live, generation and time written into
// the SQL as constants. The plain rows (most of them: no comment, no mic, no invitor) have a form
// of their own that writes 0 and NULL for those and takes many rows at a time: binding the same
// live, generation and time on every row, and the zeros and NULLs, cost more than the rows' own
// values (at 10M rows a 200k-row fetch wrote in ~0.85 s instead of ~0.45 s with them fixed), and
// one statement for 64 rows crosses into SQLite once instead of 64 times (~5 % of the fetch).
// A duplicate (same viewer twice in a fetch) is left alone: `changes` falls short and the caller updates.
import type Database from 'better-sqlite3';
import { CacheError } from './errors.ts';

export interface FetchRowInserts {
  /** Inserts an internal viewer's row (any row); false when the fetch already has one for this userid. */
  internal(
    userid: string,
    watchTime: number,
    comment: number,
    mic: number,
    invitor: string | null,
    externalInvitor: string | null,
    department: number | null,
  ): boolean;
  /** Inserts an external viewer's row; false when the fetch already has one for this id. */
  external(
    externalUserid: string,
    type: number | null,
    name: string,
    watchTime: number,
    comment: number,
    mic: number,
    invitor: string | null,
    externalInvitor: string | null,
  ): boolean;
  /**
   * Inserts plain internal rows (no comment, mic or invitor), given flat as userid, watch time,
   * department per row; returns how many were new (fewer than given when the fetch had some).
   */
  internalPlainRows(values: ReadonlyArray<string | number | null>): number;
  /** The same for plain external rows, flat as external_userid, type, name, watch time per row. */
  externalPlainRows(values: ReadonlyArray<string | number | null>): number;
}

/** Rows per multi-row INSERT, largest first: any count of rows takes a few statements of these sizes. */
const ROWS_PER_STATEMENT = [64, 16, 4, 1] as const;

/** Lives whose fetch's statements are kept (the sync runs a few side by side). */
const KEPT = 64;

function constant(value: number, what: string): string {
  if (!Number.isSafeInteger(value)) throw new CacheError('conflict', `a watch fetch with ${what} ${String(value)}`);
  return String(value);
}

/**
 * Writes flat rows of `width` values with INSERTs of ROWS_PER_STATEMENT rows each (prepared when
 * first used); returns the rows inserted.
 */
function multiRowInsert(prepare: (sql: string) => Database.Statement, sqlOf: (rows: number) => string, width: number) {
  const statements = new Map<number, Database.Statement>();
  const statementOf = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) statements.set(rows, (statement = prepare(sqlOf(rows))));
    return statement;
  };
  return (values: ReadonlyArray<string | number | null>): number => {
    const rows = values.length / width;
    let written = 0;
    let inserted = 0;
    for (const size of ROWS_PER_STATEMENT) {
      for (; rows - written >= size; written += size)
        inserted += statementOf(size).run(values.slice(written * width, (written + size) * width)).changes;
    }
    return inserted;
  };
}

export function createFetchRowInserts(prepare: (sql: string) => Database.Statement) {
  /** Per live: the statements of its running fetch. */
  const kept = new Map<number, { generation: number; inserts: FetchRowInserts }>();

  function build(liveId: number, generation: number, at: number): FetchRowInserts {
    const fixed = `${constant(liveId, 'live')}, ${constant(generation, 'generation')}`;
    const time = constant(at, 'time');
    // `flags`: is_comment, is_mic; `invitors`: invitor_userid, invitor_external_userid
    const internalSql = (flags: string, invitors: string, rows = 1) =>
      `INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
         invitor_external_userid, department_id, fetched_at)
       VALUES ${Array(rows).fill(`(${fixed}, ?, ?, ${flags}, ${invitors}, ?, ${time})`).join(', ')} ON CONFLICT DO NOTHING`;
    const externalSql = (flags: string, invitors: string, rows = 1) =>
      `INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
         invitor_userid, invitor_external_userid, fetched_at)
       VALUES ${Array(rows).fill(`(${fixed}, ?, ?, ?, ?, ${flags}, ${invitors}, ${time})`).join(', ')} ON CONFLICT DO NOTHING`;
    const internalFull = prepare(internalSql('?, ?', '?, ?'));
    const externalFull = prepare(externalSql('?, ?', '?, ?'));
    return {
      internal: (userid, watchTime, comment, mic, invitor, externalInvitor, department) =>
        internalFull.run(userid, watchTime, comment, mic, invitor, externalInvitor, department).changes > 0,
      external: (externalUserid, type, name, watchTime, comment, mic, invitor, externalInvitor) =>
        externalFull.run(externalUserid, type, name, watchTime, comment, mic, invitor, externalInvitor).changes > 0,
      internalPlainRows: multiRowInsert(prepare, (rows) => internalSql('0, 0', 'NULL, NULL', rows), 3),
      externalPlainRows: multiRowInsert(prepare, (rows) => externalSql('0, 0', 'NULL, NULL', rows), 4),
    };
  }

  return {
    /** The inserts of a fetch; rows written through them carry `at` (when this process began writing the fetch). */
    of(liveId: number, generation: number, at: number): FetchRowInserts {
      const known = kept.get(liveId);
      if (known?.generation === generation) return known.inserts;
      const inserts = build(liveId, generation, at);
      kept.set(liveId, { generation, inserts });
      if (kept.size > KEPT) kept.delete(kept.keys().next().value as number);
      return inserts;
    },
    /** Drops the statements of a live's fetch (it ended, or a new one began). */
    forget(liveId: number): void {
      kept.delete(liveId);
    },
  };
}
