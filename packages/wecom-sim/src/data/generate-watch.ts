// Watch statistics of one live, generated on demand from (seed, livingid) and stored column-wise;
// rows are rendered per page so a 100k-viewer live costs a few MB at most.
import type { Rng } from '../random.ts';
import { deriveSeed, hashInt, ID_CHARS, mulberry32, pick, randomString } from '../random.ts';
import type {
  SimLive,
  SimUser,
  SimWatchExternalRow,
  SimWatchStats,
  SimWatchUserRow,
} from '../state/model.ts';
import { FEMALE_GIVEN, MALE_GIVEN, NICKNAMES, SURNAMES } from './names.ts';

const FLAG_COMMENT = 1;
const FLAG_MIC = 2;
const FLAG_WECOM_USER = 4;

function watchTime(rng: Rng, duration: number): number {
  const u = rng();
  const share = u < 0.45 ? 0.85 + 0.15 * rng() : u < 0.8 ? 0.3 + 0.55 * rng() : 0.02 + 0.28 * rng();
  return Math.max(10, Math.min(duration, Math.round(duration * share)));
}

/**
 * @param activeUserIndexes indexes (into `users`) of activated members, the pool of internal viewers
 */
export function generateWatchStats(
  seed: number,
  live: SimLive,
  users: readonly SimUser[],
  activeUserIndexes: Int32Array,
): SimWatchStats {
  const rng = mulberry32(deriveSeed(seed, 'watch:' + live.livingid));
  const internal = Math.min(activeUserIndexes.length, Math.round(live.viewerTarget * live.internalShare));
  const external = Math.max(0, live.viewerTarget - internal);
  const total = internal + external;

  // Internal viewers: distinct activated members (partial Fisher-Yates over the active pool).
  const pool = Int32Array.from(activeUserIndexes);
  const userIndex = new Int32Array(internal);
  for (let i = 0; i < internal; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    const picked = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = picked;
    userIndex[i] = picked;
  }
  // External viewers: distinct identities from a pool larger than the audience, so repeat viewers
  // across lives happen naturally.
  const externalPool = Math.max(5000, external * 2);
  const externalIndex = new Int32Array(external);
  const seen = new Set<number>();
  for (let i = 0; i < external; i++) {
    let idx = Math.floor(rng() * externalPool);
    while (seen.has(idx)) idx = (idx + 1) % externalPool;
    seen.add(idx);
    externalIndex[i] = idx;
  }

  const small = live.type === 1 || live.type === 2;
  const commentP = live.type === 3 ? 0.25 : 0.15;
  const micP = small ? 0.2 : 0.02;
  const times = new Int32Array(total);
  const flags = new Uint8Array(total);
  let commentCount = 0;
  let micCount = 0;
  for (let i = 0; i < total; i++) {
    times[i] = watchTime(rng, live.living_duration);
    let f = 0;
    if (rng() < commentP) {
      f |= FLAG_COMMENT;
      commentCount += 1 + Math.floor(rng() * 4);
    }
    if (rng() < micP) {
      f |= FLAG_MIC;
      micCount++;
    }
    if (i >= internal && rng() < 0.2) f |= FLAG_WECOM_USER;
    flags[i] = f;
  }

  let invitor: Int32Array | null = null;
  if (live.type === 4) {
    invitor = new Int32Array(total).fill(-1);
    for (let i = 0; i < total; i++) {
      if (rng() >= 0.4) continue;
      invitor[i] =
        rng() < 0.7 && activeUserIndexes.length > 0
          ? (activeUserIndexes[Math.floor(rng() * activeUserIndexes.length)] as number)
          : -(Math.floor(rng() * externalPool) + 2);
    }
  }

  return {
    livingid: live.livingid,
    identitySeed: deriveSeed(seed, 'external-identities'),
    userCount: internal,
    externalCount: external,
    userIndex,
    externalIndex,
    watchTime: times,
    flags,
    invitor,
    commentCount,
    micCount,
  };
}

/** Same external identity index => same external_userid in every live of a corp. */
export function externalUserId(identitySeed: number, index: number): string {
  return 'wm' + randomString(mulberry32(hashInt(identitySeed, index)), 30, ID_CHARS);
}

function externalName(identitySeed: number, index: number, wecomUser: boolean): string {
  const rng = mulberry32(hashInt(identitySeed ^ 0x5bd1e995, index));
  if (!wecomUser) return pick(rng, NICKNAMES) + (rng() < 0.3 ? String(Math.floor(rng() * 100)) : '');
  const [surname] = pick(rng, SURNAMES);
  const [given] = pick(rng, rng() < 0.5 ? MALE_GIVEN : FEMALE_GIVEN);
  return surname + given;
}

function invitorFields(stats: SimWatchStats, users: readonly SimUser[], row: number): [string, string] {
  const v = stats.invitor ? (stats.invitor[row] as number) : -1;
  if (v >= 0) return [users[v]?.userid ?? '', ''];
  if (v <= -2) return ['', externalUserId(stats.identitySeed, -v - 2)];
  return ['', ''];
}

/**
 * @param i internal viewer index (0 .. userCount-1)
 * @param elapsedShare 0..1: while a live runs, watch time so far is a share of the full figure
 */
export function renderWatchUserRow(
  stats: SimWatchStats,
  users: readonly SimUser[],
  i: number,
  elapsedShare = 1,
): SimWatchUserRow {
  const f = stats.flags[i] as number;
  const [invitorUser, invitorExternal] = invitorFields(stats, users, i);
  return {
    userid: users[stats.userIndex[i] as number]?.userid ?? '',
    watch_time: Math.floor((stats.watchTime[i] as number) * elapsedShare),
    is_comment: f & FLAG_COMMENT ? 1 : 0,
    is_mic: f & FLAG_MIC ? 1 : 0,
    invitor_userid: invitorUser,
    invitor_external_userid: invitorExternal,
  };
}

/** @param j external viewer index (0 .. externalCount-1) */
export function renderWatchExternalRow(
  stats: SimWatchStats,
  users: readonly SimUser[],
  j: number,
  elapsedShare = 1,
): SimWatchExternalRow {
  const row = stats.userCount + j;
  const f = stats.flags[row] as number;
  const identity = stats.externalIndex[j] as number;
  const wecomUser = (f & FLAG_WECOM_USER) !== 0;
  const [invitorUser, invitorExternal] = invitorFields(stats, users, row);
  return {
    external_userid: externalUserId(stats.identitySeed, identity),
    type: wecomUser ? 2 : 1,
    name: externalName(stats.identitySeed, identity, wecomUser),
    watch_time: Math.floor((stats.watchTime[row] as number) * elapsedShare),
    is_comment: f & FLAG_COMMENT ? 1 : 0,
    is_mic: f & FLAG_MIC ? 1 : 0,
    invitor_userid: invitorUser,
    invitor_external_userid: invitorExternal,
  };
}
