// The local-only records as one JSON document (export before anything removes them), and their removal.
import type { CacheContext } from './context.ts';
import { LOCAL_ONLY_DATASETS, LOCAL_ONLY_TABLES } from './data-classes.ts';

export interface LocalRecordsExport {
  format: 'wld-local-records';
  version: 1;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

export function createLocalRecords(ctx: CacheContext) {
  function exportLocalRecords(): LocalRecordsExport {
    const tables: Record<string, unknown[]> = {};
    for (const table of LOCAL_ONLY_TABLES) tables[table] = ctx.stmt(`SELECT * FROM ${table}`).all();
    return { format: 'wld-local-records', version: 1, exportedAt: ctx.now(), tables };
  }

  /** Removes every local-only record; returns the rows removed per table. */
  function clearLocalRecords(): Record<string, number> {
    const removed: Record<string, number> = {};
    ctx.tx(() => {
      for (const table of LOCAL_ONLY_TABLES) removed[table] = ctx.db.prepare(`DELETE FROM ${table}`).run().changes;
      const placeholders = LOCAL_ONLY_DATASETS.map(() => '?').join(', ');
      ctx.db.prepare(`DELETE FROM datasets WHERE name IN (${placeholders})`).run(...LOCAL_ONLY_DATASETS);
    });
    return removed;
  }

  return { exportLocalRecords, clearLocalRecords };
}
