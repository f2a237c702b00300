import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WeComAbortError,
  WeComClientError,
  WeComInputError,
  WeComPermissionError,
} from '../../src/errors/errors.ts';
import { buildDepartmentTree, type DepartmentNode } from '../../src/services/departments.ts';
import type { SimpleDepartment } from '../../src/models/department.ts';
import { userListIdResponseSchema } from '../../src/models/user.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 5000, departments: 300, tags: 12, lives: 5, maxViewers: 50 } });
});
afterAll(() => env?.close());

function distinctUsersUnder(rootId: number): Set<string> {
  const ids = new Set<string>();
  for (const department of env.sim.state.departmentSubtree(rootId)) {
    for (const user of env.sim.state.usersInDepartment(department.id)) ids.add(user.userid);
  }
  return ids;
}

describe('users', () => {
  it('gets one member with its fields', async () => {
    const expected = env.sim.state.userList[17]!;
    const user = await env.client.users.get(expected.userid);
    expect(user.userid).toBe(expected.userid);
    expect(user.name).toBe(expected.name);
    expect(user.department).toEqual(expected.department);
    expect(user.status).toBe(expected.status);
  });

  it('serves user/get from the cache the second time', async () => {
    const userid = env.sim.state.userList[18]!.userid;
    await env.client.users.get(userid);
    const { calls } = await countCalls(env.sim, () => env.client.users.get(userid));
    expect(calls).toBe(0);
    const refreshed = await countCalls(env.sim, () => env.client.users.get(userid, { refreshCache: true }));
    expect(refreshed.calls).toBe(1);
  });

  it('lists and simple-lists the direct members of a department', async () => {
    const department = env.sim.state.departmentList.find(
      (d) => env.sim.state.usersInDepartment(d.id).length > 3,
    )!;
    const expected = env.sim.state
      .usersInDepartment(department.id)
      .map((u) => u.userid)
      .sort();
    const full = await env.client.users.list(department.id);
    const simple = await env.client.users.simpleList(department.id);
    expect(full.map((u) => u.userid).sort()).toEqual(expected);
    expect(simple.map((u) => u.userid).sort()).toEqual(expected);
    expect(simple.every((u) => u.department?.includes(department.id))).toBe(true);
  });

  it('pages user/list_id to the end with the contacts secret', async () => {
    const expectedRows = env.sim.state.userList.reduce((sum, user) => sum + user.department.length, 0);
    let pages = 0;
    let rows = 0;
    const users = new Set<string>();
    for await (const page of env.client.users.listIdPages({ limit: 700 })) {
      pages++;
      rows += page.dept_user.length;
      for (const row of page.dept_user) users.add(row.userid);
    }
    expect(rows).toBe(expectedRows);
    expect(users.size).toBe(env.sim.state.userList.length);
    expect(pages).toBe(Math.ceil(expectedRows / 700));
    let streamed = 0;
    for await (const _row of env.client.users.listId()) streamed++;
    expect(streamed).toBe(expectedRows);
  });

  it('refuses list_id with an app secret (48002) as a permission error', async () => {
    const error = await rejectionOf(
      env.client.pipeline.call({
        method: 'POST',
        path: '/cgi-bin/user/list_id',
        body: { limit: 10 },
        schema: userListIdResponseSchema,
      }),
    );
    expect(error).toBeInstanceOf(WeComPermissionError);
    expect((error as WeComPermissionError).errcode).toBe(48002);
  });

  it('walks the whole tree and yields each user exactly once', async () => {
    const seen = new Set<string>();
    let yielded = 0;
    const { calls } = await countCalls(env.sim, async () => {
      for await (const user of env.client.users.usersInDepartmentTree(1, { priority: 'background' })) {
        yielded++;
        seen.add(user.userid);
      }
    });
    expect(yielded).toBe(seen.size);
    expect(seen).toEqual(distinctUsersUnder(1));
    // one department/simplelist plus one user/simplelist per department
    expect(calls).toBe(1 + env.sim.state.departmentList.length);
  });

  it('walks a sub-tree, counting users who also sit outside it once', async () => {
    const sub = env.sim.state.departmentList.find(
      (d) => d.level === 1 && env.sim.state.departmentSubtree(d.id).length > 5,
    )!;
    const seen: string[] = [];
    for await (const user of env.client.users.usersInDepartmentTree(sub.id, { concurrency: 4 }))
      seen.push(user.userid);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(distinctUsersUnder(sub.id));
  });

  it('stops asking for departments when the consumer stops early', async () => {
    let taken = 0;
    const { calls } = await countCalls(env.sim, async () => {
      for await (const _user of env.client.users.usersInDepartmentTree(1, { concurrency: 4 }))
        if (++taken === 5) break;
    });
    expect(taken).toBe(5);
    expect(calls).toBeLessThan(20);
  });

  it('rejects with an abort error when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(env.client.users.simpleList(1, { signal: controller.signal }));
    expect(error).toBeInstanceOf(WeComAbortError);
  });

  it('reports department members in parallel, one entry per department', async () => {
    const ids: number[] = [];
    for await (const { department, users } of env.client.users.departmentMembers(1)) {
      ids.push(department.id);
      expect(users.length).toBe(env.sim.state.usersInDepartment(department.id).length);
    }
    expect(ids.sort((a, b) => a - b)).toEqual(
      env.sim.state.departmentList.map((d) => d.id).sort((a, b) => a - b),
    );
  });

  it('rejects a malformed userid before sending', async () => {
    const { value: error, calls } = await countCalls(env.sim, () =>
      rejectionOf(env.client.users.get('bad id!')),
    );
    expect(error).toBeInstanceOf(WeComInputError);
    expect((error as WeComInputError).field).toBe('userid');
    expect(calls).toBe(0);
  });

  it('maps an unknown userid to a typed client error with guidance', async () => {
    const error = await rejectionOf(env.client.users.get('nobody.here', { cache: false }));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(60111);
    expect((error as WeComClientError).userMessage).toMatch(/left|deleted|visibility/);
  });
});

describe('departments', () => {
  it('lists every department and builds the tree of the simulator', async () => {
    const list = await env.client.departments.list();
    expect(list.length).toBe(env.sim.state.departmentList.length);
    const tree = buildDepartmentTree(list);
    expect(tree.map((node) => node.id)).toEqual([1]);
    const check = (node: DepartmentNode<SimpleDepartment>): number => {
      const expected = env.sim.state
        .childDepartments(node.id)
        .map((d) => d.id)
        .sort((a, b) => a - b);
      expect(node.children.map((c) => c.id).sort((a, b) => a - b)).toEqual(expected);
      for (let i = 1; i < node.children.length; i++) {
        expect(node.children[i - 1]!.order ?? 0).toBeGreaterThanOrEqual(node.children[i]!.order ?? 0);
      }
      return 1 + node.children.reduce((sum, child) => sum + check(child), 0);
    };
    expect(check(tree[0]!)).toBe(list.length);
  });

  it('simple-lists a sub-tree and gets one department', async () => {
    const sub = env.sim.state.departmentList.find((d) => d.level === 1)!;
    const simple = await env.client.departments.simpleList(sub.id);
    expect(simple.map((d) => d.id).sort((a, b) => a - b)).toEqual(
      env.sim.state
        .departmentSubtree(sub.id)
        .map((d) => d.id)
        .sort((a, b) => a - b),
    );
    const one = await env.client.departments.get(sub.id);
    expect(one).toMatchObject({ id: sub.id, name: sub.name, parentid: sub.parentid });
  });

  it('maps an unknown department to 60003 / 60123', async () => {
    const error = await rejectionOf(env.client.departments.get(987_654));
    expect(error).toBeInstanceOf(WeComClientError);
    expect([60003, 60123]).toContain((error as WeComClientError).errcode);
  });
});

describe('tags', () => {
  it('lists tags and reads members', async () => {
    const tags = await env.client.tags.list();
    expect(tags.map((t) => t.tagid).sort((a, b) => a - b)).toEqual(
      [...env.sim.state.tags.keys()].sort((a, b) => a - b),
    );
    const withMembers = [...env.sim.state.tags.values()].find((t) => t.userids.length > 0)!;
    const detail = await env.client.tags.get(withMembers.tagid);
    expect(detail.tagname).toBe(withMembers.tagname);
    expect(detail.userlist.map((u) => u.userid).sort()).toEqual([...withMembers.userids].sort());
    expect(detail.partylist.sort()).toEqual([...withMembers.partyids].sort());
  });
});
