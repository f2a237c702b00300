// Watch rows carry their user's home department, read from memory a slice of users at a time: it
// must always answer what the users table says now, before, during and after the slices, and
// after a department changes.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createHomeDepartments } from '../../src/services/cache/home-departments.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('home departments held for watch ingest', () => {
  it('answers as the users table does, while its slices are read and after a change', () => {
    const cache = openWithOrg(tmp.file());
    // a userid with what JSON must escape (the slices are read as JSON arrays)
    cache.upsertUsers([{ userid: 'q"u\\o\u2028te中', name: '引号', department: [4], main_department: 4, status: 1 }], T0);
    const file = cache.path;
    cache.close();
    const db = new Database(file);
    const truth = () => new Map(db.prepare('SELECT userid, home_department FROM users').raw().all() as Array<[string, number | null]>);
    const users = truth();
    expect(users.size).toBeGreaterThan(4);
    // one user per slice: most answers come from the table until every slice is read
    const homes = createHomeDepartments((sql) => db.prepare(sql), 1);
    const answers = () => new Map([...truth().keys()].map((userid) => [userid, homes.of(userid)]));
    for (let page = 0; page < users.size + 2; page++) {
      homes.advance();
      expect(answers()).toEqual(truth());
    }
    expect(homes.of('nobody')).toBeNull();
    expect(homes.of('q"u\\o\u2028te中')).toBe(4);

    // a user moves: the next page reads them again
    const [moved] = [...users.keys()];
    db.prepare('UPDATE users SET home_department = 999 WHERE userid = ?').run(moved);
    homes.advance();
    expect(homes.of(moved!)).toBe(999);
    expect(answers()).toEqual(truth());
    // a user leaves the table
    db.prepare('DELETE FROM user_departments WHERE user_id = (SELECT id FROM users WHERE userid = ?)').run(moved);
    db.prepare('DELETE FROM users WHERE userid = ?').run(moved);
    homes.advance();
    expect(homes.of(moved!)).toBeNull();
    db.close();
  });
});
