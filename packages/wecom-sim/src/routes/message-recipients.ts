// Resolving touser / toparty / totag to members, with WeCom's caps and partial failures: unknown
// ids come back in invaliduser / invalidparty / invalidtag, members without a licence in
// unlicenseduser; when nothing valid is left the call fails with 81013.
import { fail } from '../errors.ts';
import type { SimUser } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';

const MAX_USERS = 1000;
const MAX_PARTIES = 100;
const MAX_TAGS = 100;

export interface Recipients {
  users: SimUser[];
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  unlicenseduser: string[];
}

function split(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') fail(40058, `${field} must be a '|'-joined string`);
  return [
    ...new Set(
      value
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

export function resolveRecipients(store: SimStore, body: Record<string, unknown>): Recipients {
  const touser = split(body.touser, 'touser');
  const toparty = split(body.toparty, 'toparty');
  const totag = split(body.totag, 'totag');
  if (touser.length === 0 && toparty.length === 0 && totag.length === 0)
    fail(82001, 'touser, toparty and totag are all empty');

  const out: Recipients = {
    users: [],
    invaliduser: [],
    invalidparty: [],
    invalidtag: [],
    unlicenseduser: [],
  };
  const chosen = new Set<SimUser>();
  const add = (u: SimUser): void => {
    if (u.status !== 5 && !store.unlicensedUserIds.has(u.userid)) chosen.add(u);
  };
  const addDepartment = (id: number): void => {
    for (const d of store.departmentSubtree(id)) for (const u of store.usersInDepartment(d.id)) add(u);
  };

  // "@all" means everyone visible to the app; toparty and totag are then ignored.
  if (touser.includes('@all')) {
    for (const u of store.userList) add(u);
    return { ...out, users: [...chosen] };
  }
  if (touser.length > MAX_USERS)
    fail(40032, `touser lists ${touser.length} users, the limit is ${MAX_USERS}`);
  if (toparty.length > MAX_PARTIES)
    fail(82002, `toparty lists ${toparty.length} departments, the limit is ${MAX_PARTIES}`);
  if (totag.length > MAX_TAGS) fail(82003, `totag lists ${totag.length} tags, the limit is ${MAX_TAGS}`);

  let valid = 0;
  for (const id of touser) {
    const user = store.findUser(id);
    if (!user || user.status === 5) {
      out.invaliduser.push(id.toLowerCase());
      continue;
    }
    valid++;
    if (store.unlicensedUserIds.has(user.userid)) out.unlicenseduser.push(user.userid.toLowerCase());
    else add(user);
  }
  for (const id of toparty) {
    const n = Number(id);
    if (!Number.isInteger(n) || !store.departments.has(n)) {
      out.invalidparty.push(id);
      continue;
    }
    valid++;
    addDepartment(n);
  }
  for (const id of totag) {
    const tag = store.tags.get(Number(id));
    if (!tag) {
      out.invalidtag.push(id);
      continue;
    }
    valid++;
    for (const userid of tag.userids) {
      const u = store.findUser(userid);
      if (u) add(u);
    }
    for (const partyId of tag.partyids) addDepartment(partyId);
  }
  if (valid === 0) fail(81013, 'every user, department and tag is invalid or outside the app');
  out.users = [...chosen];
  return out;
}
