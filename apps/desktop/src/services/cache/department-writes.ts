// Departments: one upsert per row; a field the row lacks keeps the stored value.
import { int, intOrNull, textOrNull, type CacheContext } from './context.ts';
import { writeStampedChunks } from './stamped-chunks.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { WireDepartment } from './types.ts';

const CHUNK = 4000;

export function createDepartmentWrites(ctx: CacheContext, aggregates: OrgAggregates, stamp: () => number) {
  const upsertDepartment = ctx.stmt(
    `INSERT INTO departments (id, name, name_en, parent_id, sort_order, leaders, generation, fetched_at)
     VALUES (@id, COALESCE(@name, ''), @nameEn, @parent, COALESCE(@order, 0), COALESCE(@leaders, '[]'), @gen, @at)
     ON CONFLICT(id) DO UPDATE SET
       name = COALESCE(@name, name),
       name_en = COALESCE(@nameEn, name_en),
       parent_id = @parent,
       sort_order = COALESCE(@order, sort_order),
       leaders = COALESCE(@leaders, leaders),
       generation = max(generation, @gen),
       fetched_at = @at`,
  );

  function upsertDepartments(rows: WireDepartment[], fetchedAt = ctx.now()): void {
    writeStampedChunks(ctx, rows, CHUNK, stamp, fetchedAt, (chunk, gen, at) => {
      for (const d of chunk) {
        upsertDepartment.run({
          id: int(d.id, 0),
          name: typeof d.name === 'string' ? d.name : null,
          nameEn: textOrNull(d.name_en),
          parent: int(d.parentid, 0),
          order: intOrNull(d.order),
          leaders: Array.isArray(d.department_leader) ? JSON.stringify(d.department_leader) : null,
          gen,
          at,
        });
      }
      ctx.touchDataset('org', at);
      aggregates.markDirty();
    });
  }

  return { upsertDepartments };
}
