// What the bot needs to answer a trainee, behind one interface: the cache answers it here; the
// benchmark also answers it straight from WeCom's API (no cache) to compare.
import type { Audience, Live } from '../../shared/models.ts';
import type { Cache } from '../cache/index.ts';

export interface TraineeLive {
  livingid: string;
  theme: string;
  anchorName: string | null;
  livingStart: number;
  livingDuration: number;
  /** 0 reserved, 1 living, 2 ended, 3 expired, 4 cancelled */
  status: number;
  replayReady: boolean;
}

export interface Trainee {
  userid: string;
  name: string;
  /** The member's departments and all their ancestors. */
  departmentIds: Set<number>;
  tagIds: Set<number>;
}

export interface TraineeData {
  trainee(userid: string): Promise<Trainee | null>;
  /** Lives the trainee is invited to (a live with no stored audience is open to everyone). */
  livesFor(trainee: Trainee): Promise<TraineeLive[]>;
  /** Seconds watched, by livingid. */
  watched(userid: string): Promise<Map<string, number>>;
}

export function toTraineeLive(live: Live): TraineeLive {
  return {
    livingid: live.livingid,
    theme: live.theme,
    anchorName: live.anchorName,
    livingStart: live.livingStart,
    livingDuration: live.livingDuration,
    status: live.status,
    replayReady: live.openReplay && live.replayStatus === 0,
  };
}

export function invites(audience: Audience | null, trainee: Trainee): boolean {
  if (!audience) return true;
  return (
    audience.userids.includes(trainee.userid) ||
    audience.departmentIds.some((id) => trainee.departmentIds.has(id)) ||
    audience.tagIds.some((id) => trainee.tagIds.has(id))
  );
}

/** Adds every ancestor of the given departments. */
export function withAncestors(
  departmentIds: number[],
  parentOf: (id: number) => number | undefined,
): Set<number> {
  const all = new Set<number>();
  for (let id of departmentIds) {
    while (id > 0 && !all.has(id)) {
      all.add(id);
      id = parentOf(id) ?? 0;
    }
  }
  return all;
}

/**
 * The cache's answers. The lives with their audiences and the department tree are the same for every
 * trainee: they are read once and reused for `reuseMs` (a chat answer may be that stale), so a burst
 * of questions costs one read of them, not one per question.
 */
export function cacheTraineeData(cache: () => Cache, now: () => number, reuseMs = 2_000): TraineeData {
  let shared: {
    at: number;
    lives: Array<{ live: TraineeLive; audience: Audience | null }>;
    parents: Map<number, number>;
  } | null = null;
  const read = () => {
    const t = now();
    if (shared && t - shared.at < reuseMs) return shared;
    const c = cache();
    shared = {
      at: t,
      lives: c
        .listLives({})
        .lives.map((live) => ({ live: toTraineeLive(live), audience: c.getLiveAudience(live.livingid) })),
      parents: new Map(c.departments().departments.map((d) => [d.id, d.parentId])),
    };
    return shared;
  };
  return {
    async trainee(userid) {
      const detail = cache().getUser(userid);
      if (!detail) return null;
      const { parents } = read();
      return {
        userid: detail.user.userid,
        name: detail.user.name,
        departmentIds: withAncestors(detail.user.departments, (id) => parents.get(id)),
        tagIds: new Set(detail.tags.map((t) => t.tagid)),
      };
    },
    async livesFor(trainee) {
      return read()
        .lives.filter(({ audience }) => invites(audience, trainee))
        .map(({ live }) => live);
    },
    async watched(userid) {
      const detail = cache().getUser(userid);
      return new Map((detail?.watched ?? []).map((w) => [w.livingid, w.watchTime]));
    },
  };
}
