// The baseline of the ingest benchmarks: a fetch's watch rows written with plain prepared INSERTs in
// one transaction. `same` writes exactly the rows the cache API stores for the fetch (each viewer's
// home department and the fetch's time; the departments are looked up before the clock starts, so
// the baseline only inserts); `smaller` is the earlier baseline, which wrote 0 for the time and no
// department: records a few bytes shorter than the API's, so more of them fit a page.
// storedRowsDiffer() checks that the API and the `same` baseline stored the same rows.
import type Database from 'better-sqlite3';
import type { WireWatchPage } from '../../src/services/cache/index.ts';

export interface RawWatchFetch {
  liveId: number;
  generation: number;
  /** what the API stores in fetched_at for this fetch */
  fetchedAt: number;
  /** userid → home department, as the users table has it */
  homes: ReadonlyMap<string, number | null>;
}

/** Prepares the inserts; the returned function writes every page in one transaction (time it alone). */
export function rawWatchInserts(
  db: Database.Database,
  pages: readonly WireWatchPage[],
  fetch: RawWatchFetch,
  rows: 'same' | 'smaller',
): () => void {
  const same = rows === 'same';
  // the fetch's live, generation and time are constants in the SQL, and rows without a comment or
  // a mic write constant zeros, as the API's own statements do: the baseline binds no more than it must
  const fixed = `${fetch.liveId}, ${fetch.generation}`;
  const at = same ? fetch.fetchedAt : 0;
  const internal = (flags: string) =>
    db.prepare(
      `INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
         invitor_external_userid, department_id, fetched_at)
       VALUES (${fixed}, ?, ?, ${flags}, NULL, NULL, ?, ${at})`,
    );
  const external = (flags: string) =>
    db.prepare(
      `INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
         invitor_userid, invitor_external_userid, fetched_at)
       VALUES (${fixed}, ?, ?, ?, ?, ${flags}, NULL, NULL, ${at})`,
    );
  const [internalPlain, internalFlagged, externalPlain, externalFlagged] = [
    internal('0, 0'),
    internal('?, ?'),
    external('0, 0'),
    external('?, ?'),
  ];
  const departments = pages.map((page) =>
    (page.users ?? []).map((u) => (same ? (fetch.homes.get(u.userid) ?? null) : null)),
  );
  return db.transaction(() => {
    pages.forEach((page, p) => {
      const homes = departments[p]!;
      (page.users ?? []).forEach((u, i) => {
        if (u.is_comment || u.is_mic)
          internalFlagged.run(u.userid, u.watch_time, u.is_comment ?? 0, u.is_mic ?? 0, homes[i]);
        else internalPlain.run(u.userid, u.watch_time, homes[i]);
      });
      for (const e of page.external_users ?? []) {
        if (e.is_comment || e.is_mic)
          externalFlagged.run(
            e.external_userid,
            e.type ?? null,
            e.name ?? '',
            e.watch_time,
            e.is_comment ?? 0,
            e.is_mic ?? 0,
          );
        else externalPlain.run(e.external_userid, e.type ?? null, e.name ?? '', e.watch_time);
      }
    });
  });
}

/** Rows one fetch stored and the other did not, comparing every column but the live and generation. */
export function storedRowsDiffer(
  db: Database.Database,
  a: { schema?: string; liveId: number; generation: number },
  b: { schema?: string; liveId: number; generation: number },
): number {
  const columns = {
    watch_internal:
      'userid, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid, department_id, fetched_at',
    watch_external:
      'external_userid, type, name, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid, fetched_at',
  };
  let differ = 0;
  for (const [table, list] of Object.entries(columns)) {
    const select = (side: typeof a) =>
      `SELECT ${list} FROM ${side.schema ?? 'main'}.${table} WHERE live_id = ${side.liveId} AND generation = ${side.generation}`;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      differ += db
        .prepare(`SELECT count(*) FROM (${select(x)} EXCEPT ${select(y)})`)
        .pluck()
        .get() as number;
    }
  }
  return differ;
}
