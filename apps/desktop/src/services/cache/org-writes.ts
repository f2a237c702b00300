// Org writes: departments, users (+ links and the search index), tags, and full-sync generations,
// each in its own module; upserts are chunked, idempotent and keep fields a partial row lacks.
import { createDepartmentWrites } from './department-writes.ts';
import type { CacheContext } from './context.ts';
import { createOrgGenerations } from './org-generation.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import { createTagWrites } from './tag-writes.ts';
import { createUserWrites } from './user-writes.ts';

export function createOrgWrites(ctx: CacheContext, aggregates: OrgAggregates) {
  const { stamp, ...generations } = createOrgGenerations(ctx, aggregates);
  return {
    ...generations,
    ...createUserWrites(ctx, aggregates, stamp),
    ...createDepartmentWrites(ctx, aggregates, stamp),
    ...createTagWrites(ctx, aggregates, stamp),
    recomputeOrgAggregates: () => aggregates.recompute(),
  };
}
