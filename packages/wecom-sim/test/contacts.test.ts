import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect } from './helpers.ts';
import type { TestClient } from './helpers.ts';

let sim: SimServer;
let app: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, size: { users: 3000, departments: 150, tags: 10 } });
  app = await connect(sim);
});
afterAll(() => sim.close());

describe('user/get', () => {
  it('returns the full member object', async () => {
    const user = sim.state.userList.find((u) => u.department.length > 1)!;
    const answer = await app.get('user/get', { userid: user.userid });
    expect(answer).toMatchObject({
      errcode: 0,
      userid: user.userid,
      name: user.name,
      department: user.department,
      main_department: user.department[0],
      status: user.status,
      position: user.position,
    });
    expect(answer.is_leader_in_dept).toHaveLength(user.department.length);
    expect(['0', '1', '2']).toContain(answer.gender);
  });

  it('finds userids case-insensitively; 60111 for unknown, 41009 when missing', async () => {
    const user = sim.state.userList[5]!;
    expect((await app.get('user/get', { userid: user.userid.toUpperCase() })).userid).toBe(user.userid);
    expect((await app.get('user/get', { userid: 'no-such-user' })).errcode).toBe(60111);
    expect((await app.get('user/get')).errcode).toBe(41009);
  });
});

describe('user/list and user/simplelist', () => {
  it('lists direct members of a department', async () => {
    const dept = sim.state.departmentList.find(
      (d) => d.level === 3 && sim.state.usersInDepartment(d.id).length > 0,
    )!;
    const expected = sim.state.usersInDepartment(dept.id).map((u) => u.userid);
    const list = await app.get('user/list', { department_id: dept.id });
    expect(list.errcode).toBe(0);
    expect(list.userlist.map((u: { userid: string }) => u.userid)).toEqual(expected);
    expect(list.userlist[0]).toHaveProperty('mobile');
    const simple = await app.get('user/simplelist', { department_id: dept.id });
    expect(simple.userlist.map((u: { userid: string }) => u.userid)).toEqual(expected);
    expect(Object.keys(simple.userlist[0]).sort()).toEqual(['department', 'name', 'userid']);
  });

  it('fetch_child=1 returns every member of the subtree once', async () => {
    const root = await app.get('user/simplelist', { department_id: 1, fetch_child: 1 });
    const ids = root.userlist.map((u: { userid: string }) => u.userid);
    expect(ids).toHaveLength(sim.state.userList.length);
    expect(new Set(ids).size).toBe(ids.length);
    const division = sim.state.departmentList.find((d) => d.level === 1)!;
    const subtree = new Set(sim.state.departmentSubtree(division.id).map((d) => d.id));
    const expected = sim.state.userList.filter((u) => u.department.some((id) => subtree.has(id))).length;
    expect(
      (await app.get('user/list', { department_id: division.id, fetch_child: 1 })).userlist,
    ).toHaveLength(expected);
  });

  it('answers 60003 for an unknown department, 60123 for a malformed id, 40058 when missing', async () => {
    expect((await app.get('user/list', { department_id: 999_999 })).errcode).toBe(60003);
    expect((await app.get('user/simplelist', { department_id: 'abc' })).errcode).toBe(60123);
    expect((await app.get('user/list')).errcode).toBe(40058);
  });

  it('refuses an oversized recursive list with 45029', async () => {
    const small = await startSimulator({ seed: 7, size: { users: 300 }, quotas: { userListMaxRows: 100 } });
    try {
      const client = await connect(small);
      expect((await client.get('user/list', { department_id: 1, fetch_child: 1 })).errcode).toBe(45029);
      expect((await client.get('user/simplelist', { department_id: 1, fetch_child: 1 })).errcode).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('user/list_id', () => {
  it('pages one row per (user, department) to an empty next_cursor', async () => {
    const contacts = await connect(sim, sim.contactsSecret);
    const rows: { userid: string; department: number }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await contacts.post('user/list_id', cursor ? { cursor, limit: 700 } : { limit: 700 });
      expect(page.errcode).toBe(0);
      expect(page.dept_user.length).toBeLessThanOrEqual(700);
      rows.push(...page.dept_user);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    const expected = sim.state.userList.reduce((n, u) => n + u.department.length, 0);
    expect(rows).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 700));
    expect(new Set(rows.map((r) => `${r.userid}/${r.department}`)).size).toBe(expected);
    const multi = sim.state.userList.find((u) => u.department.length > 1)!;
    expect(rows.filter((r) => r.userid === multi.userid).map((r) => r.department)).toEqual(multi.department);
  });

  it('answers 50100 for a bad cursor and 40058 for a limit outside 1..10000', async () => {
    const contacts = await connect(sim, sim.contactsSecret);
    expect((await contacts.post('user/list_id', { cursor: 'garbage', limit: 10 })).errcode).toBe(50100);
    expect((await contacts.post('user/list_id', { limit: 10_001 })).errcode).toBe(40058);
    expect((await contacts.post('user/list_id', { limit: 0 })).errcode).toBe(40058);
    expect((await contacts.post('user/list_id', { limit: 'ten' })).errcode).toBe(40058);
  });
});

describe('departments', () => {
  it('department/list returns the whole tree, or a subtree for an id', async () => {
    const all = await app.get('department/list');
    expect(all.department).toHaveLength(sim.state.departments.size);
    expect(all.department[0]).toMatchObject({ id: 1, parentid: 0, name: sim.state.corpName });
    expect(Object.keys(all.department[0]).sort()).toEqual([
      'department_leader',
      'id',
      'name',
      'name_en',
      'order',
      'parentid',
    ]);
    const division = sim.state.departmentList.find((d) => d.level === 1)!;
    const sub = await app.get('department/list', { id: division.id });
    expect(sub.department.map((d: { id: number }) => d.id)).toEqual(
      sim.state.departmentSubtree(division.id).map((d) => d.id),
    );
    expect(
      sub.department.every(
        (d: { id: number; parentid: number }) =>
          d.id === division.id || sub.department.some((p: { id: number }) => p.id === d.parentid),
      ),
    ).toBe(true);
  });

  it('a department renamed after it was served is served with its new name', async () => {
    const department = sim.state.departmentList.find((d) => d.level === 2)!;
    const nameOf = async (path: string, query: Record<string, string | number>) =>
      ((await app.get(path, query)).department as Array<{ id: number; name: string }>).find((d) => d.id === department.id)?.name;
    expect(await nameOf('department/list', {})).toBe(department.name);
    sim.state.renameDepartment(department.id, `${department.name}（新）`);
    expect(await nameOf('department/list', {})).toBe(`${department.name}（新）`);
    expect(await nameOf('department/list', { id: department.parentid })).toBe(`${department.name}（新）`);
    expect((await app.get('department/get', { id: department.id })).department.name).toBe(`${department.name}（新）`);
    expect(sim.state.childDepartments(department.parentid).find((d) => d.id === department.id)?.name).toBe(`${department.name}（新）`);
    sim.state.renameDepartment(department.id, department.name);
  });

  it('department/simplelist returns id, parentid and order', async () => {
    const simple = await app.get('department/simplelist');
    expect(simple.department_id).toHaveLength(sim.state.departments.size);
    expect(Object.keys(simple.department_id[1]).sort()).toEqual(['id', 'order', 'parentid']);
  });

  it('department/get returns one department; 60003 unknown, 60123 malformed', async () => {
    const dept = sim.state.departmentList[3]!;
    expect((await app.get('department/get', { id: dept.id })).department).toMatchObject({
      id: dept.id,
      name: dept.name,
      parentid: dept.parentid,
    });
    expect((await app.get('department/get', { id: 424_242 })).errcode).toBe(60003);
    expect((await app.get('department/get', { id: '-1' })).errcode).toBe(60123);
    expect((await app.get('department/list', { id: 424_242 })).errcode).toBe(60003);
  });
});

describe('tags', () => {
  it('tag/list and tag/get with member users and departments', async () => {
    const list = await app.get('tag/list');
    expect(list.taglist).toHaveLength(10);
    const tag = sim.state.tags.get(list.taglist[0].tagid)!;
    const answer = await app.get('tag/get', { tagid: tag.tagid });
    expect(answer).toMatchObject({ errcode: 0, tagname: tag.tagname, partylist: tag.partyids });
    expect(answer.userlist).toHaveLength(tag.userids.length);
    expect(answer.userlist[0]).toEqual({
      userid: tag.userids[0],
      name: sim.state.users.get(tag.userids[0]!)!.name,
    });
  });

  it('answers 40068 for an unknown or missing tag', async () => {
    expect((await app.get('tag/get', { tagid: 9999 })).errcode).toBe(40068);
    expect((await app.get('tag/get')).errcode).toBe(40068);
  });
});
