// Full organisation sync: departments, users (with their department links) and tags, swept as one
// generation so people who left disappear at the end — or nobody is removed if the sync fails.
// Each department is a unit: retried within the job's budget, and once its members are written it
// is not asked again when a failed, cancelled or interrupted sync is resumed (org-resume.ts).
//
// Calls: department/list (1), user/list per department (n; user/simplelist when WeCom answers 45029),
// tag/list + tag/get per tag. With a contacts-sync secret, user/list_id (users ÷ 10,000 pages) adds the
// members the app cannot see. The contacts secret is used for ids only: WeCom refuses details to it
// from a new IP (48009).
import { WeComApiError, mapConcurrent, type SimpleUser, type User } from '@wld/wecom-core';
import type { WireDepartment, WireUser } from '../cache/index.ts';
import { background, throwIfAborted, yieldToLoop, type SyncRun } from './sync-run.ts';
import { openOrgResume } from './org-resume.ts';
import { runUnit } from './unit-retry.ts';

/** Users per SQLite transaction: small enough that RPC calls wait a few ms at most. */
const USER_BATCH = 100;
/** user/list_id rows per page: WeCom allows 10,000; 1,000 keeps each parse and validation under ~10 ms. */
const LIST_ID_PAGE = 1_000;

export async function syncOrg(run: SyncRun): Promise<{ departments: number; users: number; tags: number }> {
  const { client, cache } = run;
  const fetchedAt = run.now();
  const resume = openOrgResume(cache);
  const { generation } = resume;
  run.progress('departments', 0, null);
  const departments: WireDepartment[] = await runUnit(run, 'department/list', () =>
    client.departments.list(undefined, background(run)),
  );
  cache.upsertDepartments(departments, fetchedAt);

  // one unit: the pages are chained by cursor, a failure gathers them again from the start
  const linksFromListId = run.hasContactsSecret
    ? await runUnit(run, 'user/list_id', () => collectListIdLinks(run))
    : null;

  const seen = new Set<string>();
  let batch: WireUser[] = [];
  let batchDepartments: number[] = [];
  const flush = async () => {
    if (batch.length > 0) cache.upsertUsers(batch, fetchedAt);
    // a department counts as done once its members are written
    resume.markDone(batchDepartments);
    batch = [];
    batchDepartments = [];
    await yieldToLoop();
  };
  const todo = departments.filter((d) => !resume.done.has(d.id));
  let done = departments.length - todo.length;
  run.progress('users', done, departments.length);
  const members = mapConcurrent(
    todo,
    run.options.concurrency,
    async (department, signal) => ({
      id: department.id,
      users: await runUnit(run, `user/list ${department.id}`, () => membersOf(run, department.id, signal)),
    }),
    run.signal,
  );
  try {
    for await (const { id, users } of members) {
      batchDepartments.push(id);
      for (const user of users) {
        if (seen.has(user.userid)) continue;
        seen.add(user.userid);
        batch.push(withListIdLinks(user, linksFromListId));
      }
      if (batch.length >= USER_BATCH) await flush();
      run.progress('users', ++done, departments.length);
    }
  } finally {
    // what arrived before a failure or a cancel is kept: a resumed sync does not ask for it again
    await flush();
  }
  // members only the contacts secret sees (outside the app's visibility): ids and departments
  if (linksFromListId) {
    for (const [userid, department] of linksFromListId) {
      if (seen.has(userid)) continue;
      seen.add(userid);
      batch.push({ userid, department });
      if (batch.length >= USER_BATCH) await flush();
    }
    await flush();
  }

  const tags = await syncTags(run, fetchedAt);
  throwIfAborted(run.signal);
  // the sweep and the aggregates run in short transactions: calls are answered in between
  const finishing = cache.finishOrgSyncInSteps(generation, fetchedAt);
  while (finishing.next().done !== true) await yieldToLoop();
  resume.clear();
  cache.setSyncState('org', {
    status: 'done',
    fetchedAt,
    phase: null,
    done: seen.size,
    total: seen.size,
    cursor: null,
  });
  return { departments: departments.length, users: seen.size, tags };
}

async function membersOf(
  run: SyncRun,
  departmentId: number,
  signal: AbortSignal,
): Promise<Array<User | SimpleUser>> {
  const options = { priority: 'background' as const, signal };
  try {
    return await run.client.users.list(departmentId, options);
  } catch (error) {
    // 45029: the answer would be too large; the short list still names everyone
    if (error instanceof WeComApiError && error.errcode === 45029)
      return run.client.users.simpleList(departmentId, options);
    throw error;
  }
}

function withListIdLinks(user: User | SimpleUser, links: Map<string, number[]> | null): WireUser {
  const department = links?.get(user.userid);
  if (!department || user.department) return user;
  return { ...user, department };
}

async function collectListIdLinks(run: SyncRun): Promise<Map<string, number[]>> {
  // One user may straddle two pages, so links are gathered before they replace anything.
  const links = new Map<string, number[]>();
  let rows = 0;
  run.progress('user ids', 0, null);
  for await (const page of run.client.users.listIdPages({ ...background(run), limit: LIST_ID_PAGE })) {
    for (const row of page.dept_user) {
      const list = links.get(row.userid);
      if (list) {
        if (!list.includes(row.department)) list.push(row.department);
      } else links.set(row.userid, [row.department]);
    }
    rows += page.dept_user.length;
    run.progress('user ids', rows, null);
    await yieldToLoop();
  }
  return links;
}

async function syncTags(run: SyncRun, fetchedAt: number): Promise<number> {
  const { client, cache } = run;
  const tags = await runUnit(run, 'tag/list', () => client.tags.list(background(run)));
  cache.upsertTags(tags, fetchedAt);
  let done = 0;
  run.progress('tags', 0, tags.length);
  const details = mapConcurrent(
    tags,
    run.options.concurrency,
    async (tag, signal) => ({
      tagid: tag.tagid,
      detail: await runUnit(run, `tag/get ${tag.tagid}`, () =>
        client.tags.get(tag.tagid, { priority: 'background', signal }),
      ),
    }),
    run.signal,
  );
  for await (const { tagid, detail } of details) {
    cache.replaceTagMembers(tagid, { userlist: detail.userlist, partylist: detail.partylist }, fetchedAt);
    run.progress('tags', ++done, tags.length);
    await yieldToLoop();
  }
  return tags.length;
}
