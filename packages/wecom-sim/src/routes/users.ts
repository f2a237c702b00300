// Members: user/get, user/list, user/simplelist (by department, optionally recursive) and
// user/list_id (contacts-sync token only, cursor paging over one row per (user, department)).
import { z } from 'zod';
import { fail } from '../errors.ts';
import { RawJson, rawArray } from '../http/respond.ts';
import type { SimUser } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import { simpleUserJson, userJson, userView } from './contacts-views.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { decodeCursor, encodeCursor, parseBody, queryPositiveInt, queryString } from './validate.ts';

function membersOf(ctx: RouteContext): readonly SimUser[] {
  const store = ctx.sim.store;
  const id = queryPositiveInt(ctx, 'department_id', 60123);
  if (id === null) fail(40058, 'department_id is required');
  if (!store.departments.has(id)) fail(60003, `department ${id} not found`);
  if (queryString(ctx, 'fetch_child') !== '1') return store.usersInDepartment(id);
  const seen = new Set<SimUser>();
  const out: SimUser[] = [];
  for (const d of store.departmentSubtree(id)) {
    for (const u of store.usersInDepartment(d.id)) {
      if (seen.has(u)) continue;
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}

/** One row per (user, department), built once: list_id pages are slices of it. */
interface ListIdRows {
  user: Int32Array;
  department: Int32Array;
}
const listIdCache = new WeakMap<SimStore, ListIdRows>();

function listIdRows(store: SimStore): ListIdRows {
  let rows = listIdCache.get(store);
  if (rows) return rows;
  let total = 0;
  for (const u of store.userList) total += u.department.length;
  rows = { user: new Int32Array(total), department: new Int32Array(total) };
  let k = 0;
  store.userList.forEach((u, i) => {
    for (const d of u.department) {
      (rows as ListIdRows).user[k] = i;
      (rows as ListIdRows).department[k] = d;
      k++;
    }
  });
  listIdCache.set(store, rows);
  return rows;
}

const listIdBody = z.object({
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
});

export const userRoutes: RouteTable = {
  '/cgi-bin/user/get': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      const userid = queryString(ctx, 'userid');
      if (!userid) fail(41009, 'userid is required');
      const user = ctx.sim.store.findUser(userid);
      if (!user) fail(60111, `userid "${userid}" not found`);
      return userView(user);
    },
  },

  '/cgi-bin/user/list': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      const members = membersOf(ctx);
      if (members.length > ctx.sim.quotas.userListMaxRows) {
        fail(
          45029,
          `${members.length} members exceed ${ctx.sim.quotas.userListMaxRows}; list each department without fetch_child`,
        );
      }
      return { userlist: rawArray(members.map(userJson)) };
    },
  },

  '/cgi-bin/user/simplelist': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      return { userlist: rawArray(membersOf(ctx).map(simpleUserJson)) };
    },
  },

  '/cgi-bin/user/list_id': {
    method: 'POST',
    auth: 'contacts',
    body: 'json',
    handle(ctx) {
      const body = parseBody(listIdBody, ctx.body);
      const max = ctx.sim.quotas.listIdMaxLimit;
      const limit = body.limit ?? max;
      if (limit < 1 || limit > max) fail(40058, `limit must be between 1 and ${max}, got ${limit}`);
      const store = ctx.sim.store;
      const rows = listIdRows(store);
      const total = rows.user.length;
      let offset = 0;
      if (body.cursor) {
        const decoded = decodeCursor('u', body.cursor, total);
        if (decoded === null) fail(50100, `invalid cursor "${body.cursor}"`);
        offset = decoded;
      }
      const end = Math.min(total, offset + limit);
      const parts: string[] = [];
      for (let k = offset; k < end; k++) {
        const user = store.userList[rows.user[k] as number] as SimUser;
        parts.push(`{"userid":${JSON.stringify(user.userid)},"department":${rows.department[k]}}`);
      }
      return {
        next_cursor: end >= total ? '' : encodeCursor('u', end),
        dept_user: new RawJson(`[${parts.join(',')}]`),
      };
    },
  },
};
