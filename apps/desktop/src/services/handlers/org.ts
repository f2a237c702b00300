// Organisation reads: answered from the cache at once, refreshed in the background when stale.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { notFound } from './errors.ts';

type Methods = 'org.departments' | 'users.search' | 'users.get' | 'users.byIds' | 'tags.list' | 'tags.members';

export function orgHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'org.departments': () => {
      const result = ctx.cache().departments();
      return { ...result, ...ctx.freshness(result.asOf, 'org') };
    },
    'users.search': (input) => {
      const result = ctx.cache().searchUsers(input);
      return { ...result, ...ctx.freshness(result.asOf, 'org') };
    },
    'users.get': ({ userid }) => {
      const result = ctx.cache().getUser(userid);
      if (!result) throw notFound('USER_NOT_FOUND', userid);
      return { ...result, ...ctx.freshness(result.asOf, 'org') };
    },
    'users.byIds': ({ userids }) => ({ users: ctx.cache().usersByIds(userids) }),
    'tags.list': () => {
      const result = ctx.cache().tags();
      return { ...result, ...ctx.freshness(result.asOf, 'org') };
    },
    'tags.members': ({ tagid }) => {
      const result = ctx.cache().tagMembers(tagid);
      if (!result) throw notFound('TAG_NOT_FOUND', String(tagid));
      return { ...result, ...ctx.freshness(result.asOf, 'org') };
    },
  };
}
