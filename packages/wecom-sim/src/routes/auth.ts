// gettoken: one token per (corpid, secret); the secret decides which app (or contacts-sync) it serves.
import { fail } from '../errors.ts';
import type { RouteTable } from './types.ts';
import { queryString } from './validate.ts';

export const authRoutes: RouteTable = {
  '/cgi-bin/gettoken': {
    method: 'GET',
    auth: 'none',
    handle(ctx) {
      const corpid = queryString(ctx, 'corpid');
      const secret = queryString(ctx, 'corpsecret');
      if (!corpid) fail(41002, 'corpid is required');
      if (!secret) fail(41004, 'corpsecret is required');
      if (corpid !== ctx.sim.corpId) fail(40013, `unknown corpid "${corpid}"`);
      if (secret === ctx.sim.contactsSecret) return ctx.sim.tokens.issue({ kind: 'contacts' });
      const app = ctx.sim.apps.find((a) => a.secret === secret);
      if (!app) fail(40001, 'the secret does not belong to an app of this corp');
      return ctx.sim.tokens.issue({ kind: 'app', app });
    },
  },
};
