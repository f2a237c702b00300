// Tags and their members (users and departments); members replace the stored ones whole.
import { int, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { WireTag, WireTagMembers } from './types.ts';

export function createTagWrites(ctx: CacheContext, aggregates: OrgAggregates, stamp: () => number) {
  function upsertTags(rows: WireTag[], fetchedAt = ctx.now()): void {
    if (rows.length === 0) return;
    const gen = stamp();
    const at = Math.trunc(fetchedAt);
    const upsert = ctx.stmt(
      `INSERT INTO tags (tagid, tagname, generation, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(tagid) DO UPDATE SET tagname = excluded.tagname,
         generation = max(generation, excluded.generation), fetched_at = excluded.fetched_at`,
    );
    ctx.tx(() => {
      for (const t of rows) upsert.run(int(t.tagid, 0), String(t.tagname ?? ''), gen, at);
      ctx.touchDataset('tags', at);
    });
  }

  function replaceTagMembers(tagid: number, members: WireTagMembers, fetchedAt = ctx.now()): void {
    const at = Math.trunc(fetchedAt);
    ctx.tx(() => {
      const found = ctx.stmt('UPDATE tags SET members_fetched_at = ? WHERE tagid = ?').run(at, tagid);
      if (found.changes === 0) throw new CacheError('not_found', `tag ${tagid} is not cached: upsert it first`);
      ctx.stmt('DELETE FROM tag_users WHERE tagid = ?').run(tagid);
      ctx.stmt('DELETE FROM tag_departments WHERE tagid = ?').run(tagid);
      const addUser = ctx.stmt('INSERT OR IGNORE INTO tag_users (tagid, userid, fetched_at) VALUES (?, ?, ?)');
      for (const u of members.userlist ?? []) {
        const userid = typeof u === 'string' ? u : u?.userid;
        if (userid) addUser.run(tagid, userid, at);
      }
      const addDepartment = ctx.stmt(
        'INSERT OR IGNORE INTO tag_departments (tagid, department_id, fetched_at) VALUES (?, ?, ?)',
      );
      for (const d of members.partylist ?? []) addDepartment.run(tagid, int(d, 0), at);
      ctx.touchDataset('tags', at);
      aggregates.markDirty();
    });
  }

  return { upsertTags, replaceTagMembers };
}
