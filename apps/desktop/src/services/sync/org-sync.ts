// Full organisation sync: departments, users (with their department links) and tags, swept as one
// generation so people who left disappear at the end — or nothing changes if the sync fails.
//
// Calls: department/list (1), user/list per department (n; user/simplelist when WeCom answers 45029),
// tag/list + tag/get per tag. With a contacts-sync secret, user/list_id (users ÷ 10,000 pages) adds the
// members the app cannot see. The contacts secret is used for ids only: WeCom refuses details to it
// from a new IP (48009).
import { WeComApiError, mapConcurrent, type SimpleUser, type User } from '@wld/wecom-core';
import type { WireDepartment, WireUser } from '../cache/index.ts';
import { background, throwIfAborted, yieldToLoop, type SyncRun } from './sync-run.ts';

/** Users per SQLite transaction: small enough that RPC calls wait a few ms at most. */
const USER_BATCH = 100;
/** user/list_id rows per page: WeCom allows 10,000; 1,000 keeps each parse and validation under ~10 ms. */
const LIST_ID_PAGE = 1_000;

export async function syncOrg(run: SyncRun): Promise<{ departments: number; users: number; tags: number }> {
  const { client, cache } = run;
  const fetchedAt = run.now();
  const generation = cache.beginOrgSync();
  try {
    run.progress('departments', 0, null);
    const departments: WireDepartment[] = await client.departments.list(undefined, background(run));
    cache.upsertDepartments(departments, fetchedAt);

    const linksFromListId = run.hasContactsSecret ? await collectListIdLinks(run) : null;

    const seen = new Set<string>();
    let batch: WireUser[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      cache.upsertUsers(batch, fetchedAt);
      batch = [];
      await yieldToLoop();
    };
    let done = 0;
    run.progress('users', 0, departments.length);
    const members = mapConcurrent(departments, run.options.concurrency, (department, signal) => membersOf(run, department.id, signal), run.signal);
    for await (const users of members) {
      for (const user of users) {
        if (seen.has(user.userid)) continue;
        seen.add(user.userid);
        batch.push(withListIdLinks(user, linksFromListId));
      }
      if (batch.length >= USER_BATCH) await flush();
      run.progress('users', ++done, departments.length);
    }
    await flush();
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
    cache.setSyncState('org', { status: 'done', fetchedAt, phase: null, done: seen.size, total: seen.size, cursor: null });
    return { departments: departments.length, users: seen.size, tags };
  } catch (error) {
    cache.abortOrgSync(generation);
    throw error;
  }
}

async function membersOf(run: SyncRun, departmentId: number, signal: AbortSignal): Promise<Array<User | SimpleUser>> {
  const options = { priority: 'background' as const, signal };
  try {
    return await run.client.users.list(departmentId, options);
  } catch (error) {
    // 45029: the answer would be too large; the short list still names everyone
    if (error instanceof WeComApiError && error.errcode === 45029) return run.client.users.simpleList(departmentId, options);
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
  const tags = await client.tags.list(background(run));
  cache.upsertTags(tags, fetchedAt);
  let done = 0;
  run.progress('tags', 0, tags.length);
  const details = mapConcurrent(
    tags,
    run.options.concurrency,
    async (tag, signal) => ({ tagid: tag.tagid, detail: await client.tags.get(tag.tagid, { priority: 'background', signal }) }),
    run.signal,
  );
  for await (const { tagid, detail } of details) {
    cache.replaceTagMembers(tagid, { userlist: detail.userlist, partylist: detail.partylist }, fetchedAt);
    run.progress('tags', ++done, tags.length);
    await yieldToLoop();
  }
  return tags.length;
}
