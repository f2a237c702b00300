// How many people a message reaches: the distinct members of the picked departments (with their
// sub-departments), tags (their users and departments) and people, as the cache knows them.
// Disabled and departed members are not counted: WeCom delivers nothing to them.
import type { Recipients } from '../../shared/models.ts';
import { audienceQuery } from './audience.ts';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';

export interface ReachResult {
  count: number;
  /** when the org (and, with tags, the tags) was fetched: the older of the two */
  asOf: number | null;
}

export function createReach(ctx: CacheContext, aggregates: OrgAggregates) {
  return {
    reach(recipients: Recipients): ReachResult {
      aggregates.ensure();
      const { sql, params } = audienceQuery(ctx, recipients);
      const count = ctx.stmt(`SELECT count(*) FROM (${sql})`).pluck().get(...params) as number;
      const org = ctx.datasetAt('org');
      const tags = recipients.tagIds.length > 0 ? ctx.datasetAt('tags') : org;
      const asOf = org === null || tags === null ? null : Math.min(org, tags);
      return { count, asOf };
    },
  };
}
