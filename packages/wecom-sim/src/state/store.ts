// The simulator's mutable state over a generated organisation, with the indexes the routes need
// (members by department, subtrees as pre-order slices, lives by anchor) so list endpoints never
// copy or scan the whole organisation.
import { generateWatchStats, renderWatchExternalRow, renderWatchUserRow } from '../data/generate-watch.ts';
import type {
  GeneratedOrg,
  LiveStatus,
  ReplayStatus,
  SimAppChat,
  SimAppChatMessage,
  SimSchedule,
  SimDepartment,
  SimImage,
  SimLive,
  SimMedia,
  SimMessage,
  SimShareInfo,
  SimState,
  SimTag,
  SimUser,
  SimWatchExternalRow,
  SimWatchStats,
  SimWatchUserRow,
} from './model.ts';

/** A replay is still being generated for this long after a live ends. */
const REPLAY_GENERATING_MS = 20 * 60_000;
const EMPTY_USERS: readonly SimUser[] = [];
const EMPTY_LIVES: readonly SimLive[] = [];

export class SimStore implements SimState {
  readonly seed: number;
  readonly corpId: string;
  readonly corpName: string;
  readonly departments = new Map<number, SimDepartment>();
  readonly departmentList: SimDepartment[];
  readonly users = new Map<string, SimUser>();
  readonly userList: SimUser[];
  readonly tags = new Map<number, SimTag>();
  readonly lives = new Map<string, SimLive>();
  readonly unlicensedUserIds: Set<string>;
  readonly shareInfos = new Map<string, SimShareInfo>();
  readonly messages: SimMessage[] = [];
  readonly appchats = new Map<string, SimAppChat>();
  readonly appchatMessages: SimAppChatMessage[] = [];
  readonly schedules = new Map<string, SimSchedule>();
  readonly media = new Map<string, SimMedia>();
  readonly images = new Map<string, SimImage>();

  readonly now: () => number;
  /** index of each user in userList (watch stats refer to users by index) */
  readonly userIndex = new Map<SimUser, number>();
  readonly activeUserIndexes: Int32Array;
  private readonly membersByDepartment = new Map<number, SimUser[]>();
  private readonly childrenByDepartment = new Map<number, SimDepartment[]>();
  /** position in departmentList and subtree size: a subtree is a contiguous slice */
  private readonly preorder = new Map<number, { at: number; size: number }>();
  private readonly livesByAnchor = new Map<string, SimLive[]>();
  private readonly watchCache = new Map<string, SimWatchStats | null>();
  private readonly messageById = new Map<string, SimMessage>();
  /** livingids of the lives the API created or changed: what a new start over the seed would not regenerate */
  readonly writtenLives = new Set<string>();
  /** Told of every change the API made (state/writes.ts: a long-lived simulator keeps them). */
  onWrite: (() => void) | null = null;

  constructor(org: GeneratedOrg, now: () => number) {
    this.seed = org.seed;
    this.corpId = org.corpId;
    this.corpName = org.corpName;
    this.now = now;
    this.departmentList = org.departments;
    this.userList = org.users;
    this.unlicensedUserIds = new Set(org.unlicensedUserIds);

    org.departments.forEach((d, at) => {
      this.departments.set(d.id, d);
      this.preorder.set(d.id, { at, size: 1 });
      if (d.parentid !== 0) {
        const siblings = this.childrenByDepartment.get(d.parentid);
        if (siblings) siblings.push(d);
        else this.childrenByDepartment.set(d.parentid, [d]);
      }
    });
    // Subtree sizes: walk the pre-order list backwards, adding each size to its parent.
    for (let i = org.departments.length - 1; i >= 0; i--) {
      const d = org.departments[i] as SimDepartment;
      const parent = this.preorder.get(d.parentid);
      if (parent) parent.size += (this.preorder.get(d.id) as { size: number }).size;
    }

    const active: number[] = [];
    org.users.forEach((u, i) => {
      this.users.set(u.userid.toLowerCase(), u);
      this.userIndex.set(u, i);
      if (u.status === 1) active.push(i);
      for (const id of u.department) {
        const members = this.membersByDepartment.get(id);
        if (members) members.push(u);
        else this.membersByDepartment.set(id, [u]);
      }
    });
    this.activeUserIndexes = Int32Array.from(active);

    for (const tag of org.tags) this.tags.set(tag.tagid, tag);
    for (const live of org.lives) this.addLive(live);
    for (const share of org.shareInfos) this.shareInfos.set(share.ww_share_code, share);
  }

  findUser(userid: string): SimUser | undefined {
    return this.users.get(userid.toLowerCase());
  }

  usersInDepartment(departmentId: number): readonly SimUser[] {
    return this.membersByDepartment.get(departmentId) ?? EMPTY_USERS;
  }

  departmentSubtree(departmentId: number): readonly SimDepartment[] {
    const p = this.preorder.get(departmentId);
    return p ? this.departmentList.slice(p.at, p.at + p.size) : [];
  }

  childDepartments(departmentId: number): readonly SimDepartment[] {
    return this.childrenByDepartment.get(departmentId) ?? [];
  }

  renameDepartment(departmentId: number, name: string): void {
    const old = this.departments.get(departmentId);
    if (!old) throw new Error(`no department ${departmentId}`);
    // a new object: the answers' JSON is kept per department object (routes/contacts-views.ts)
    const renamed: SimDepartment = { ...old, name };
    this.departments.set(departmentId, renamed);
    this.departmentList[(this.preorder.get(departmentId) as { at: number }).at] = renamed;
    const siblings = this.childrenByDepartment.get(old.parentid);
    if (siblings) siblings[siblings.indexOf(old)] = renamed;
  }

  livesOfAnchor(userid: string): readonly SimLive[] {
    return this.livesByAnchor.get(userid.toLowerCase()) ?? EMPTY_LIVES;
  }

  /** Adds a live, keeping each anchor's list sorted by living_start descending. */
  addLive(live: SimLive): void {
    this.lives.set(live.livingid, live);
    const key = live.anchor_userid.toLowerCase();
    const list = this.livesByAnchor.get(key);
    if (!list) {
      this.livesByAnchor.set(key, [live]);
      return;
    }
    let at = list.findIndex((other) => other.living_start < live.living_start);
    if (at < 0) at = list.length;
    list.splice(at, 0, live);
  }

  /** A change the API made (`live`: the live it created or changed), for onWrite. */
  noteWrite(live?: SimLive): void {
    if (live) this.writtenLives.add(live.livingid);
    this.onWrite?.();
  }

  addMessage(message: SimMessage): void {
    this.messages.push(message);
    this.messageById.set(message.msgid, message);
  }

  findMessage(msgid: string): SimMessage | undefined {
    return this.messageById.get(msgid);
  }

  /** Re-sorts an anchor's lives after a start time changed. */
  resortLives(userid: string): void {
    this.livesByAnchor.get(userid.toLowerCase())?.sort((a, b) => b.living_start - a.living_start);
  }

  liveStatus(live: SimLive): LiveStatus {
    if (live.cancelled) return 4;
    const nowS = this.now() / 1000;
    if (nowS < live.living_start) return 0;
    if (live.neverStarted) return 3;
    return nowS < live.living_start + live.living_duration ? 1 : 2;
  }

  replayStatus(live: SimLive): ReplayStatus {
    if (live.replay === 'deleted') return 2;
    if (live.replay === 'failed') return 3;
    const endMs = (live.living_start + live.living_duration) * 1000;
    return this.liveStatus(live) === 2 && this.now() < endMs + REPLAY_GENERATING_MS ? 1 : 0;
  }

  /** Share of the live's length elapsed (1 once ended): scales watch time while it runs. */
  elapsedShare(live: SimLive): number {
    const status = this.liveStatus(live);
    if (status !== 1) return 1;
    return Math.min(1, Math.max(0, (this.now() / 1000 - live.living_start) / live.living_duration));
  }

  onlineCount(live: SimLive): number {
    if (this.liveStatus(live) !== 1) return 0;
    const elapsed = this.now() / 1000 - live.living_start;
    // Ramps up over ten minutes, then drifts between ~45% and ~75% of the audience.
    const ramp = Math.min(1, elapsed / 600);
    const wave = 0.6 + 0.15 * Math.sin(elapsed / 300);
    return Math.round(live.viewerTarget * ramp * wave);
  }

  watchStats(livingid: string): SimWatchStats | null {
    const cached = this.watchCache.get(livingid);
    if (cached !== undefined) return cached;
    const live = this.lives.get(livingid);
    if (!live) return null;
    const status = this.liveStatus(live);
    if (status === 0 || status === 3 || status === 4 || live.viewerTarget === 0) return null;
    const stats = generateWatchStats(this.seed, live, this.userList, this.activeUserIndexes);
    this.watchCache.set(livingid, stats);
    return stats;
  }

  watchRows(livingid: string): { users: SimWatchUserRow[]; external_users: SimWatchExternalRow[] } {
    const stats = this.watchStats(livingid);
    const live = this.lives.get(livingid);
    if (!stats || !live) return { users: [], external_users: [] };
    const share = this.elapsedShare(live);
    const users: SimWatchUserRow[] = [];
    const external: SimWatchExternalRow[] = [];
    for (let i = 0; i < stats.userCount; i++) users.push(renderWatchUserRow(stats, this.userList, i, share));
    for (let j = 0; j < stats.externalCount; j++)
      external.push(renderWatchExternalRow(stats, this.userList, j, share));
    return { users, external_users: external };
  }
}
