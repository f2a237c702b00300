// Shared by the cache tests: a temp directory per test file and a small hand-made org.
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openCache,
  type Cache,
  type CacheOptions,
  type WireDepartment,
  type WireUser,
} from '../../src/services/cache/index.ts';

export function tempDir(prefix = 'wld-cache-'): {
  dir: string;
  file: (name?: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return {
    dir,
    file: (name) => join(dir, name ?? `cache-${++n}.sqlite`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const T0 = Date.UTC(2026, 10, 2, 2, 0, 0); // 2026-11-02 10:00 in Beijing, a Monday

/**
 *            1 总公司
 *          /         \
 *     2 研发中心      3 市场部
 *      /      \
 *  4 平台组   5 客户端组
 */
export const departments: WireDepartment[] = [
  { id: 1, name: '总公司', parentid: 0, order: 100, department_leader: ['boss'] },
  { id: 2, name: '研发中心', name_en: 'R&D', parentid: 1, order: 90 },
  { id: 3, name: '市场部', parentid: 1, order: 80 },
  { id: 4, name: '平台组', parentid: 2, order: 70 },
  { id: 5, name: '客户端组', parentid: 2, order: 60 },
];

export const users: WireUser[] = [
  { userid: 'boss', name: '王建国', department: [1], main_department: 1, position: '总经理', status: 1 },
  {
    userid: 'zhangsan',
    name: '张三丰',
    department: [4],
    main_department: 4,
    position: '高级工程师',
    status: 1,
    alias: 'Sam',
  },
  // in two departments of the same subtree: counted once for 研发中心 and 总公司
  { userid: 'lisi', name: '李四', department: [4, 5], main_department: 5, position: '工程师', status: 1 },
  {
    userid: 'wangfang',
    name: '王芳',
    department: [5],
    main_department: 5,
    position: '测试工程师',
    status: 1,
  },
  {
    userid: 'zhao.liu',
    name: '赵六',
    department: [3],
    main_department: 3,
    position: '市场经理',
    status: 1,
    email: 'zl@example.com',
  },
  { userid: 'qianqi', name: '钱七', department: [3], main_department: 3, position: '销售', status: 2 },
  { userid: 'sunba', name: '孙八', department: [3, 4], main_department: 3, position: '产品经理', status: 4 },
  { userid: 'left1', name: '周九', department: [5], main_department: 5, position: '前员工', status: 5 },
];

export function openWithOrg(file: string, options: CacheOptions = {}): Cache {
  const cache = openCache(file, { now: () => T0, ...options });
  const generation = cache.beginOrgSync();
  cache.upsertDepartments(departments, T0);
  cache.upsertUsers(users, T0);
  cache.upsertTags(
    [
      { tagid: 1, tagname: '讲师' },
      { tagid: 2, tagname: '新员工' },
    ],
    T0,
  );
  cache.replaceTagMembers(
    1,
    { userlist: [{ userid: 'zhangsan', name: '张三丰' }, { userid: 'boss' }], partylist: [] },
    T0,
  );
  cache.replaceTagMembers(2, { userlist: ['wangfang'], partylist: [3] }, T0);
  cache.finishOrgSync(generation, T0);
  return cache;
}

/** A database in WAL mode holding `rows` rows of ~50 bytes, all still in its WAL (automatic checkpoint off). */
export function walWithRows(file: string, rows: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`row ${i} ${'x'.repeat(40)}`);
  })();
  return db;
}
