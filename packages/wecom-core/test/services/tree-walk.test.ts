// De-duplication corner of the department walk that the simulator does not produce: users whose
// answers carry no department list. A scripted ApiCaller plays WeCom's part.
import { describe, expect, it } from 'vitest';
import type { ApiCaller, ApiRequest } from '../../src/http/types.ts';
import { UsersService } from '../../src/services/users.ts';

const answers: Record<string, unknown> = {
  '/cgi-bin/department/simplelist?1': {
    department_id: [
      { id: 1, parentid: 0, order: 1 },
      { id: 2, parentid: 1, order: 1 },
      { id: 3, parentid: 1, order: 2 },
    ],
  },
  '/cgi-bin/user/simplelist?1': { userlist: [{ userid: 'a', department: [9, 2, 1] }, { userid: 'nodept' }] },
  '/cgi-bin/user/simplelist?2': {
    userlist: [
      { userid: 'a', department: [9, 2, 1] },
      { userid: 'b', department: [2] },
    ],
  },
  '/cgi-bin/user/simplelist?3': { userlist: [{ userid: 'nodept' }, { userid: 'c', department: [3] }] },
};

const caller: ApiCaller = {
  language: 'en-US',
  async call<T>(request: ApiRequest<T>): Promise<T> {
    const query = request.query ?? {};
    const key = `${request.path}?${String(query.id ?? query.department_id)}`;
    return request.schema.parse({ errcode: 0, errmsg: 'ok', ...(answers[key] as object) });
  },
  callBinary: () => Promise.reject(new Error('unused')),
  fetchToken: () => Promise.resolve({ expiresAt: 0 }),
};

describe('usersInDepartmentTree', () => {
  it('yields each user once: from their first department in the tree, or once when WeCom omits departments', async () => {
    const yielded: string[] = [];
    for await (const user of new UsersService(caller).usersInDepartmentTree(1, { concurrency: 2 }))
      yielded.push(user.userid);
    expect(yielded.sort()).toEqual(['a', 'b', 'c', 'nodept']);
  });
});
