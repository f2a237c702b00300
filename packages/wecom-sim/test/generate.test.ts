import { describe, expect, it } from 'vitest';
import { generateOrg, resolveSize } from '../src/index.ts';

const NOW = Date.UTC(2026, 2, 10, 4, 0, 0);

describe('generateOrg', () => {
  it('is deterministic: same seed and clock, same organisation', () => {
    const a = generateOrg(5, { users: 800, departments: 60 }, { nowMs: NOW });
    const b = generateOrg(5, { users: 800, departments: 60 }, { nowMs: NOW });
    expect(b).toEqual(a);
    const c = generateOrg(6, { users: 800, departments: 60 }, { nowMs: NOW });
    expect(c.users.map((u) => u.userid)).not.toEqual(a.users.map((u) => u.userid));
    expect(c.corpId).not.toBe(a.corpId);
  });

  it('keeps users stable when only the live count changes', () => {
    const a = generateOrg(5, { users: 300, lives: 10 }, { nowMs: NOW });
    const b = generateOrg(5, { users: 300, lives: 50 }, { nowMs: NOW });
    expect(b.users).toEqual(a.users);
    expect(b.lives).toHaveLength(50);
  });

  it('honours the size and defaults', () => {
    expect(resolveSize()).toEqual({ departments: 20, users: 200, tags: 8, lives: 40, maxViewers: 300 });
    const org = generateOrg(1, { users: 1234, departments: 77, tags: 12, lives: 9 }, { nowMs: NOW });
    expect(org.users).toHaveLength(1234);
    expect(org.departments).toHaveLength(77);
    expect(org.tags).toHaveLength(12);
    expect(org.lives).toHaveLength(9);
    expect(() => generateOrg(1, { users: -1 })).toThrow(RangeError);
  });

  it.each([20, 120, 3000])(
    'builds a tree 3-5 levels deep with a root named like a company (%i departments)',
    (n) => {
      const org = generateOrg(2, { departments: n, users: 50, lives: 0 }, { nowMs: NOW });
      const root = org.departments[0]!;
      expect(root).toMatchObject({ id: 1, parentid: 0, level: 0 });
      expect(root.name).toMatch(/公司$/);
      const depth = Math.max(...org.departments.map((d) => d.level)) + 1;
      expect(depth).toBeGreaterThanOrEqual(3);
      expect(depth).toBeLessThanOrEqual(5);
      const ids = new Set(org.departments.map((d) => d.id));
      expect(ids.size).toBe(n);
      for (const d of org.departments.slice(1)) expect(ids.has(d.parentid)).toBe(true);
      // Sibling names are unique, as WeCom requires.
      const seen = new Set<string>();
      for (const d of org.departments) {
        const key = `${d.parentid}/${d.name}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      expect(org.departments.filter((d) => d.level === 1).map((d) => d.name)).toContain(
        org.departments[1]!.name,
      );
    },
  );

  it('generates realistic members: unique pinyin userids, Chinese names, statuses, departments, leaders', () => {
    const org = generateOrg(3, { users: 5000, departments: 200 }, { nowMs: NOW });
    const ids = org.users.map((u) => u.userid);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    for (const u of org.users) {
      expect(u.userid).toMatch(/^[a-z]+\d*$/);
      expect(u.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(u.main_department).toBe(u.department[0]);
      expect(u.is_leader_in_dept).toHaveLength(u.department.length);
    }
    const share = (s: number): number => org.users.filter((u) => u.status === s).length / org.users.length;
    expect(share(1)).toBeGreaterThan(0.8);
    expect(share(4)).toBeGreaterThan(0.04);
    expect(share(2) + share(5)).toBeGreaterThan(0.01);
    expect(org.users.filter((u) => u.department.length > 1).length).toBeGreaterThan(300);
    const byId = new Map(org.users.map((u) => [u.userid, u]));
    for (const d of org.departments) {
      for (const leader of d.department_leader) expect(byId.get(leader)?.department).toContain(d.id);
    }
    expect(new Set(org.users.map((u) => u.position)).size).toBeGreaterThan(20);
  });

  it('places lives in the past 90 / next 14 days with themes of at most 20 characters', () => {
    const org = generateOrg(4, { lives: 200 }, { nowMs: NOW });
    const nowS = NOW / 1000;
    for (const l of org.lives) {
      expect(l.reserve_start).toBeGreaterThan(nowS - 92 * 86_400);
      expect(l.reserve_start).toBeLessThan(nowS + 15 * 86_400);
      expect([...l.theme].length).toBeLessThanOrEqual(20);
      expect(l.livingid).toMatch(/^lv[\w-]{30}$/);
    }
    expect(org.lives.map((l) => l.living_start)).toEqual(
      [...org.lives.map((l) => l.living_start)].sort((a, b) => b - a),
    );
    expect(new Set(org.lives.map((l) => l.type)).size).toBe(5);
  });
});
