// Members: get/list/simplelist, list_id paging with the contacts secret, and a streamed walk of a
// department tree that yields each user once without remembering users.
import type { ApiCaller } from '../http/types.ts';
import { departmentSimpleListResponseSchema, type SimpleDepartment } from '../models/department.ts';
import {
  userGetResponseSchema,
  userListIdResponseSchema,
  userListResponseSchema,
  userSimpleListResponseSchema,
  type DeptUser,
  type SimpleUser,
  type User,
  type UserListIdPage,
} from '../models/user.ts';
import { chainedPages } from '../paging/chained-pages.ts';
import { mapConcurrent } from '../paging/map-concurrent.ts';
import { inputError } from '../validation/fail.ts';
import { checkPositiveId, checkUserid } from '../validation/ids.ts';
import { requestOptions, type CallOptions, type ReadOptions, type ServiceContext } from './options.ts';

export const LIST_ID_MAX_LIMIT = 10_000;
/** Default parallel department reads; the pipeline's limiter still bounds what goes on the wire. */
export const DEFAULT_WALK_CONCURRENCY = 32;

export interface ListIdOptions extends CallOptions {
  /** 1–10000 rows per page; default 10000 (fewest round trips). */
  limit?: number;
}

export interface TreeWalkOptions extends CallOptions {
  /** Departments read in parallel. */
  concurrency?: number;
}

export interface DepartmentMembers {
  department: SimpleDepartment;
  /** Direct members of the department (user/simplelist without fetch_child). */
  users: SimpleUser[];
}

export class UsersService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;
  readonly #walkConcurrency: number;

  constructor(caller: ApiCaller, context: ServiceContext & { walkConcurrency?: number } = {}) {
    this.#caller = caller;
    this.#context = { credential: context.credential };
    this.#walkConcurrency = context.walkConcurrency ?? DEFAULT_WALK_CONCURRENCY;
  }

  #check(problem: ReturnType<typeof checkUserid>): void {
    if (problem) throw inputError(problem, this.#caller.language);
  }

  async get(userid: string, options?: ReadOptions): Promise<User> {
    this.#check(checkUserid('userid', userid));
    const {
      errcode: _errcode,
      errmsg: _errmsg,
      ...user
    } = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/user/get',
      query: { userid },
      schema: userGetResponseSchema,
    });
    return user;
  }

  /** Full member objects of one department (direct members only; walk sub-departments yourself). */
  async list(departmentId: number, options?: ReadOptions): Promise<User[]> {
    this.#check(checkPositiveId('department_id', departmentId));
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'GET',
      path: '/cgi-bin/user/list',
      query: { department_id: departmentId },
      schema: userListResponseSchema,
    });
    return answer.userlist;
  }

  /** {userid, name, department[]} of one department's direct members. */
  async simpleList(departmentId: number, options?: ReadOptions): Promise<SimpleUser[]> {
    this.#check(checkPositiveId('department_id', departmentId));
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'GET',
      path: '/cgi-bin/user/simplelist',
      query: { department_id: departmentId },
      schema: userSimpleListResponseSchema,
    });
    return answer.userlist;
  }

  /** user/list_id pages with the contacts-sync secret, until next_cursor is empty. */
  listIdPages(options: ListIdOptions = {}): AsyncGenerator<UserListIdPage, void, undefined> {
    const limit = options.limit ?? LIST_ID_MAX_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_ID_MAX_LIMIT) {
      throw inputError(
        { field: 'limit', zh: '须为 1–10000 的整数', en: 'must be a whole number 1–10000' },
        this.#caller.language,
      );
    }
    const caller = this.#caller;
    return chainedPages({
      signal: options.signal,
      fetchPage: (cursor, signal) =>
        caller.call({
          method: 'POST',
          path: '/cgi-bin/user/list_id',
          credential: 'contacts',
          body: cursor === undefined ? { limit } : { cursor, limit },
          priority: options.priority ?? 'interactive',
          signal,
          schema: userListIdResponseSchema,
        }),
      nextKey: (page) => (page.next_cursor ? page.next_cursor : null),
    });
  }

  /** Every (userid, department) row of the corp, streamed. A user in n departments appears n times. */
  async *listId(options: ListIdOptions = {}): AsyncGenerator<DeptUser, void, undefined> {
    for await (const page of this.listIdPages(options)) yield* page.dept_user;
  }

  /**
   * Reads department/simplelist under `rootId`, then user/simplelist of every department in parallel;
   * yields each department with its direct members as the answers arrive.
   */
  async *departmentMembers(
    rootId = 1,
    options: TreeWalkOptions = {},
  ): AsyncGenerator<DepartmentMembers, void, undefined> {
    const departments = await this.#subtree(rootId, options);
    yield* this.#membersOf(departments, options);
  }

  /**
   * Every user in the tree under `rootId`, once, streamed. A user who sits in several departments is
   * yielded only from the first of their departments (in their own `department` order) that lies in
   * the tree, so no set of seen users is kept: memory depends on the number of departments, not users.
   */
  async *usersInDepartmentTree(
    rootId = 1,
    options: TreeWalkOptions = {},
  ): AsyncGenerator<SimpleUser, void, undefined> {
    const departments = await this.#subtree(rootId, options);
    const inTree = new Set(departments.map((d) => d.id));
    // Users WeCom returns without their department list fall back to an explicit seen-set.
    const seenWithoutDepartments = new Set<string>();
    for await (const { department, users } of this.#membersOf(departments, options)) {
      for (const user of users) {
        const owner = user.department?.find((id) => inTree.has(id));
        if (owner !== undefined) {
          if (owner === department.id) yield user;
        } else if (!seenWithoutDepartments.has(user.userid)) {
          seenWithoutDepartments.add(user.userid);
          yield user;
        }
      }
    }
  }

  async #subtree(rootId: number, options: CallOptions): Promise<SimpleDepartment[]> {
    this.#check(checkPositiveId('rootId', rootId));
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'GET',
      path: '/cgi-bin/department/simplelist',
      query: { id: rootId },
      schema: departmentSimpleListResponseSchema,
    });
    return answer.department_id;
  }

  #membersOf(
    departments: SimpleDepartment[],
    options: TreeWalkOptions,
  ): AsyncGenerator<DepartmentMembers, void, undefined> {
    const base = requestOptions(this.#context, options);
    return mapConcurrent(
      departments,
      options.concurrency ?? this.#walkConcurrency,
      async (department, signal) => {
        const answer = await this.#caller.call({
          ...base,
          signal,
          method: 'GET',
          path: '/cgi-bin/user/simplelist',
          query: { department_id: department.id },
          schema: userSimpleListResponseSchema,
        });
        return { department, users: answer.userlist };
      },
      options.signal,
    );
  }
}
