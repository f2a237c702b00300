// Tags with member users and member departments (parties).
import type { Rng } from '../random.ts';
import { randInt, sampleIndexes } from '../random.ts';
import type { SimDepartment, SimTag, SimUser } from '../state/model.ts';
import { TAG_NAMES } from './catalog.ts';

const MAX_TAG_USERS = 3000;

export function generateTags(
  rng: Rng,
  count: number,
  users: readonly SimUser[],
  departments: readonly SimDepartment[],
): SimTag[] {
  const tags: SimTag[] = [];
  const nonRoot = departments.filter((d) => d.level > 0);
  const order = sampleIndexes(rng, TAG_NAMES.length, TAG_NAMES.length);
  for (let i = 0; i < count; i++) {
    const tagname = i < TAG_NAMES.length ? (TAG_NAMES[order[i] as number] as string) : `标签${i + 1}`;
    const share = 0.01 + rng() * 0.07;
    const size = Math.min(users.length, MAX_TAG_USERS, Math.max(2, Math.round(users.length * share)));
    const picked = sampleIndexes(rng, users.length, size);
    const userids = Array.from(picked, (k) => (users[k] as SimUser).userid);
    const partyCount = nonRoot.length === 0 ? 0 : randInt(rng, 0, 2);
    const partyids = Array.from(
      sampleIndexes(rng, nonRoot.length, partyCount),
      (k) => (nonRoot[k] as SimDepartment).id,
    ).sort((a, b) => a - b);
    tags.push({ tagid: i + 1, tagname, userids, partyids });
  }
  return tags;
}
