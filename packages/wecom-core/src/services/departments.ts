// Departments: list, simplelist, get (cached reads), and the nested tree built from a list.
import type { ApiCaller } from '../http/types.ts';
import {
  departmentGetResponseSchema,
  departmentListResponseSchema,
  departmentSimpleListResponseSchema,
  type Department,
  type SimpleDepartment,
} from '../models/department.ts';
import { inputError } from '../validation/fail.ts';
import { checkPositiveId } from '../validation/ids.ts';
import { requestOptions, type ReadOptions, type ServiceContext } from './options.ts';

export class DepartmentsService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  #checkId(id: number | undefined): void {
    if (id === undefined) return;
    const problem = checkPositiveId('id', id);
    if (problem) throw inputError(problem, this.#caller.language);
  }

  /** Full department objects of `id` and everything below it (all visible ones when omitted). WeCom calls it slow. */
  async list(id?: number, options?: ReadOptions): Promise<Department[]> {
    this.#checkId(id);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/department/list',
      query: { id },
      schema: departmentListResponseSchema,
    });
    return answer.department;
  }

  /** {id, parentid, order} of `id` and everything below it: the cheap way to walk the tree. */
  async simpleList(id?: number, options?: ReadOptions): Promise<SimpleDepartment[]> {
    this.#checkId(id);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/department/simplelist',
      query: { id },
      schema: departmentSimpleListResponseSchema,
    });
    return answer.department_id;
  }

  async get(id: number, options?: ReadOptions): Promise<Department> {
    this.#checkId(id);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/department/get',
      query: { id },
      schema: departmentGetResponseSchema,
    });
    return answer.department;
  }
}

export type DepartmentNode<D extends SimpleDepartment = Department> = D & { children: DepartmentNode<D>[] };

/**
 * Nests a flat list into trees. Roots are the departments whose parent is not in the list (the root
 * department 1, or the tops of an app's visibility range). Siblings are sorted by `order` descending
 * (larger comes first, as in WeCom), then by id for a stable result.
 */
export function buildDepartmentTree<D extends SimpleDepartment>(list: readonly D[]): DepartmentNode<D>[] {
  const nodes = new Map<number, DepartmentNode<D>>();
  for (const department of list) nodes.set(department.id, { ...department, children: [] });
  const roots: DepartmentNode<D>[] = [];
  for (const node of nodes.values()) {
    const parent = node.id === node.parentid ? undefined : nodes.get(node.parentid);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byOrder = (a: DepartmentNode<D>, b: DepartmentNode<D>): number =>
    (b.order ?? 0) - (a.order ?? 0) || a.id - b.id;
  // Iterative so that deep or cyclic data cannot blow the stack.
  const stack = [...roots];
  roots.sort(byOrder);
  const visited = new Set<number>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    node.children.sort(byOrder);
    stack.push(...node.children);
  }
  return roots;
}
