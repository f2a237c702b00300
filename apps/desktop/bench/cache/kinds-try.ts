import { readFileSync } from 'node:fs';
import { openCache, type UserSearchQuery } from '../../src/services/cache/index.ts';
import { seededRandom } from './generate.ts';
const c = openCache('/tmp/wld-warm/cache.sqlite');
const random = seededRandom(99);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const all = c.searchUsers({ limit: 1000, offset: 30000 }).rows;
const departments = c.departments().departments;
const midSized = departments.filter((d) => d.totalUserCount > 500 && d.totalUserCount < 20_000);
const kinds: Record<string, () => UserSearchQuery> = {
  surname: () => ({ query: pick(all).name.slice(0, 1) }),
  fullname: () => ({ query: pick(all).name }),
  given: () => ({ query: pick(all).name.slice(1) }),
  uidprefix: () => ({ query: pick(all).userid.slice(0, 4 + Math.floor(random() * 4)) }),
  uid: () => ({ query: pick(all).userid }),
  position: () => ({ query: pick(['工程师', '经理', '销售', '产品', '实习生', '财务']) }),
  deptRec: () => ({ query: '', departmentId: pick(midSized).id, recursive: true }),
  deptDirect: () => ({ query: '', departmentId: pick(departments).id, recursive: false }),
  root: () => ({ query: '', departmentId: 1, recursive: true, sort: 'userid' }),
  surnameDeptStatus: () => ({ query: pick(all).name.slice(0, 1), departmentId: pick(midSized).id, recursive: true, status: 1 }),
  statusPosition: () => ({ query: '', status: pick([1, 2, 4, 5] as const), sort: 'position' }),
  sortsDeep: () => ({ query: '', sort: pick(['name', 'userid', 'position', 'status'] as const), desc: random() < 0.5, offset: Math.floor(random() * 5000) }),
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, make] of Object.entries(kinds)) {
  const qs = Array.from({ length: 20 }, make);
  qs.forEach((q) => c.searchUsers(q));
  const ts = qs.map((q) => { const k = cpu(); const t = performance.now(); const r = c.searchUsers(q); return [cpu() - k, performance.now() - t, r.total] as const; });
  ts.sort((a, b) => a[0] - b[0]);
  console.log(name.padEnd(20), 'cpu p50', ts[10]![0].toFixed(1), 'max', ts[19]![0].toFixed(1), 'wall max', Math.max(...ts.map((x) => x[1])).toFixed(1), 'total~', ts[10]![2]);
}
c.close();
