// Departments: list and simplelist (a department and everything below it, or the whole tree), get.
import { fail } from '../errors.ts';
import { rawArray } from '../http/respond.ts';
import type { SimDepartment } from '../state/model.ts';
import { departmentJson, departmentView, simpleDepartmentJson } from './contacts-views.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { queryPositiveInt } from './validate.ts';

function subtree(ctx: RouteContext): readonly SimDepartment[] {
  const store = ctx.sim.store;
  const id = queryPositiveInt(ctx, 'id', 60123);
  if (id === null) return store.departmentList;
  if (!store.departments.has(id)) fail(60003, `department ${id} not found`);
  return store.departmentSubtree(id);
}

export const departmentRoutes: RouteTable = {
  '/cgi-bin/department/list': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      return { department: rawArray(subtree(ctx).map(departmentJson)) };
    },
  },

  '/cgi-bin/department/simplelist': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      return { department_id: rawArray(subtree(ctx).map(simpleDepartmentJson)) };
    },
  },

  '/cgi-bin/department/get': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      const id = queryPositiveInt(ctx, 'id', 60123);
      if (id === null) fail(40058, 'id is required');
      const dept = ctx.sim.store.departments.get(id);
      if (!dept) fail(60003, `department ${id} not found`);
      return { department: departmentView(dept) };
    },
  },
};
