// The statistics department filter, both ways, and roll-ups by level, on data synced from the
// simulator: checked against the viewers' own rows (watch stats with department paths).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/contract.ts';
import type { WatchRow } from '../../src/shared/models.ts';
import { startCorpSuite, stopCorpSuite, tempDir, type CorpSuite } from './helpers.ts';

const dir = tempDir();
let suite: CorpSuite;
const RANGE = { from: 0, to: 4_102_444_800 }; // every held live, whatever the day

beforeAll(async () => {
  suite = await startCorpSuite(dir.path);
  const sync = suite.services.runtime.core.sync;
  await sync.start('org').done;
  await sync.start('lives').done;
  await sync.start('watch').done;
}, 120_000);
afterAll(() => stopCorpSuite(suite, dir));

const overview = (input: Partial<MethodInput<'stats.overview'>>) =>
  suite.client.call('stats.overview', { ...RANGE, ...input });

/** Internal viewers of every held live, with their department paths (read page by page). */
async function viewersOfHeldLives(): Promise<Map<string, WatchRow[]>> {
  const lives = (await suite.client.call('lives.list', { status: [1, 2] })).lives;
  const byLive = new Map<string, WatchRow[]>();
  for (const live of lives) {
    const page = await suite.client.call('lives.watchStats', { livingid: live.livingid, kind: 'internal', limit: 1000 });
    byLive.set(live.livingid, page.rows);
  }
  return byLive;
}

describe('statistics by department', () => {
  it('filters by the viewers’ department (subtree) or by the host department, and says which', async () => {
    const { departments } = await suite.client.call('org.departments', {});
    const root = departments.find((d) => !departments.some((p) => p.id === d.parentId));
    const division = departments.find((d) => d.parentId === root?.id && d.totalUserCount > 0);
    expect(division).toBeDefined();
    if (!division || !root) return;

    const all = await overview({});
    const byAudience = await overview({ departmentId: division.id, departmentBy: 'audience' });
    const byHost = await overview({ departmentId: division.id, departmentBy: 'host' });

    // by audience: exactly the viewers whose department path lies in the division's subtree
    const viewers = await viewersOfHeldLives();
    const prefix = `${root.name} / ${division.name}`;
    const inside = (r: WatchRow) => r.departmentPath === prefix || (r.departmentPath ?? '').startsWith(`${prefix} / `);
    let expectedViewers = 0;
    let expectedLives = 0;
    for (const rows of viewers.values()) {
      const n = rows.filter(inside).length;
      expectedViewers += n;
      if (n > 0) expectedLives++;
    }
    expect(expectedViewers).toBeGreaterThan(0);
    expect(byAudience.totals.viewers).toBe(expectedViewers);
    expect(byAudience.totals.lives).toBe(expectedLives);
    expect(byAudience.share.external).toBe(0);
    // its completion chart holds only the division (at 一级部门)
    expect(byAudience.completionByDepartment.map((d) => d.departmentId)).toEqual([division.id]);
    expect(byAudience.completionByDepartment[0]?.viewers).toBe(expectedViewers);

    // by host: the lives the division organised, with all their viewers
    const hosted = (await suite.client.call('lives.list', { status: [1, 2] })).lives.filter((l) => {
      const host = departments.find((d) => d.id === l.mainDepartment);
      let current = host;
      while (current && current.id !== division.id) current = departments.find((d) => d.id === current?.parentId);
      return current !== undefined;
    });
    expect(byHost.totals.lives).toBeLessThanOrEqual(all.totals.lives);
    expect(byHost.totals.lives).toBe(hosted.length);
  });

  it('rolls completion up to the chosen level, the root never beside its children', async () => {
    const { departments } = await suite.client.call('org.departments', {});
    const root = departments.find((d) => !departments.some((p) => p.id === d.parentId));
    const level1 = await overview({ level: 1 });
    const level2 = await overview({ level: 2 });
    const leaf = await overview({ level: null });
    const total = (rows: typeof level1.completionByDepartment) => rows.reduce((n, d) => n + d.viewers, 0);
    expect(total(level2.completionByDepartment)).toBe(total(level1.completionByDepartment));
    expect(total(leaf.completionByDepartment)).toBe(total(level1.completionByDepartment));
    for (const d of level1.completionByDepartment) {
      // a 一级部门, or the root's own members marked as such
      if (d.departmentId === root?.id) expect(d.direct).toBe(true);
      else if (d.path !== '') expect(d.path.split(' / ')).toHaveLength(2);
    }
    expect(level2.completionByDepartment.every((d) => d.path === '' || d.path.split(' / ').length <= 3)).toBe(true);
    expect(level1.completionByDepartment.length).toBeLessThanOrEqual(level2.completionByDepartment.length);
  });
});
