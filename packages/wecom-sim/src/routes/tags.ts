// Tags: tag/list and tag/get (member users with names, member departments).
import { fail } from '../errors.ts';
import type { RouteTable } from './types.ts';
import { queryPositiveInt } from './validate.ts';

export const tagRoutes: RouteTable = {
  '/cgi-bin/tag/list': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      return {
        taglist: Array.from(ctx.sim.store.tags.values(), (t) => ({ tagid: t.tagid, tagname: t.tagname })),
      };
    },
  },

  '/cgi-bin/tag/get': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      const tagid = queryPositiveInt(ctx, 'tagid', 40068);
      if (tagid === null) fail(40068, 'tagid is required');
      const tag = ctx.sim.store.tags.get(tagid);
      if (!tag) fail(40068, `tag ${tagid} not found`);
      const store = ctx.sim.store;
      return {
        tagname: tag.tagname,
        userlist: tag.userids.map((userid) => ({ userid, name: store.findUser(userid)?.name ?? '' })),
        partylist: tag.partyids,
      };
    },
  },
};
