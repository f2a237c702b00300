// The INSERTs of one watch fetch's rows, with the fetch's live, generation and time written into
// the SQL as constants, and a second form for the plain rows (most of them: no comment, no mic, no
// invitor) that writes 0 and NULL for those: binding the same live, generation and time on every
// row, and the zeros and NULLs, cost more than the rows' own values (at 10M rows a 200k-row fetch
// wrote in ~0.85 s instead of ~0.45 s with the live, generation, time and invitors fixed).
// A duplicate (same viewer twice in a fetch) is left alone: `changes` is 0 and the caller updates.
import type Database from 'better-sqlite3';
import { CacheError } from './errors.ts';

export interface FetchRowInserts {
  /** Inserts an internal viewer's row; false when the fetch already has one for this userid. */
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
}

/** Lives whose fetch's statements are kept (the sync runs a few side by side). */
const KEPT = 64;

function constant(value: number, what: string): string {
  if (!Number.isSafeInteger(value)) throw new CacheError('conflict', `a watch fetch with ${what} ${String(value)}`);
  return String(value);
}

export function createFetchRowInserts(prepare: (sql: string) => Database.Statement) {
  /** Per live: the statements of its running fetch. */
  const kept = new Map<number, { generation: number; inserts: FetchRowInserts }>();

  function build(liveId: number, generation: number, at: number): FetchRowInserts {
    const fixed = `${constant(liveId, 'live')}, ${constant(generation, 'generation')}`;
    const time = constant(at, 'time');
    // `flags`: is_comment, is_mic; `invitors`: invitor_userid, invitor_external_userid
    const internalSql = (flags: string, invitors: string) =>
      `INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
         invitor_external_userid, department_id, fetched_at)
       VALUES (${fixed}, ?, ?, ${flags}, ${invitors}, ?, ${time}) ON CONFLICT DO NOTHING`;
    const externalSql = (flags: string, invitors: string) =>
      `INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
         invitor_userid, invitor_external_userid, fetched_at)
       VALUES (${fixed}, ?, ?, ?, ?, ${flags}, ${invitors}, ${time}) ON CONFLICT DO NOTHING`;
    const internalPlain = prepare(internalSql('0, 0', 'NULL, NULL'));
    const internalFull = prepare(internalSql('?, ?', '?, ?'));
    const externalPlain = prepare(externalSql('0, 0', 'NULL, NULL'));
    const externalFull = prepare(externalSql('?, ?', '?, ?'));
    return {
      internal: (userid, watchTime, comment, mic, invitor, externalInvitor, department) =>
        (comment === 0 && mic === 0 && invitor === null && externalInvitor === null
          ? internalPlain.run(userid, watchTime, department)
          : internalFull.run(userid, watchTime, comment, mic, invitor, externalInvitor, department)
        ).changes > 0,
      external: (externalUserid, type, name, watchTime, comment, mic, invitor, externalInvitor) =>
        (comment === 0 && mic === 0 && invitor === null && externalInvitor === null
          ? externalPlain.run(externalUserid, type, name, watchTime)
          : externalFull.run(externalUserid, type, name, watchTime, comment, mic, invitor, externalInvitor)
        ).changes > 0,
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
