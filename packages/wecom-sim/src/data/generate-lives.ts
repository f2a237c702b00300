// Lives spread over the past ~90 days and the next ~14 days, with every status present, several
// anchors and a couple live right now. Times are relative to `nowMs` (China days, UTC+8).
import type { Rng } from '../random.ts';
import {
  cumulative,
  ID_CHARS,
  pick,
  randInt,
  randomString,
  sampleIndexes,
  weightedIndex,
} from '../random.ts';
import type { LiveType, SimLive, SimShareInfo, SimUser } from '../state/model.ts';
import { DESCRIPTIONS, NUMBERED_TRAINING, THEMES } from './lives-catalog.ts';

const MINUTE = 60;
const HOUR = 3600;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const TYPES: readonly LiveType[] = [0, 3, 4, 1, 2];
const TYPE_WEIGHTS = cumulative([0.4, 0.3, 0.15, 0.07, 0.08]);
const DURATIONS = [30, 45, 60, 60, 90, 90, 120, 180].map((m) => m * MINUTE);
const REMIND_TIMES = [0, 300, 600, 900, 1800, 3600];
const INTERNAL_SHARE: Record<LiveType, number> = { 0: 0.85, 1: 0.95, 2: 0.9, 3: 0.97, 4: 0.35 };

export interface GenerateLivesInput {
  rng: Rng;
  count: number;
  users: readonly SimUser[];
  nowMs: number;
  maxViewers: number;
  creatorAgentId: number;
}

export function newLivingId(rng: Rng): string {
  return 'lv' + randomString(rng, 30, ID_CHARS);
}

/** Which special role a live plays, so every status appears whatever the count. */
type Slot = 'living' | 'reserved' | 'ended' | 'expired' | 'cancelled' | 'random';
const SLOTS: readonly Slot[] = ['living', 'ended', 'reserved', 'living', 'expired', 'cancelled'];

/** The random values of one live, drawn in a fixed order. */
function drawLive(rng: Rng, anchorWeights: Float64Array) {
  const typeIndex = weightedIndex(rng, TYPE_WEIGHTS);
  const anchorIndex = weightedIndex(rng, anchorWeights);
  const planned = pick(rng, DURATIONS);
  const livingMinutesAgo = randInt(rng, 5, 40);
  const futureDay = randInt(rng, 1, 14);
  const anyDay = randInt(rng, -90, 14);
  const pastDay = randInt(rng, -90, -2);
  const hour = randInt(rng, 9, 20);
  const halfHour = pick(rng, [0, 30]);
  const livingHours = randInt(rng, 2, 3);
  const cancelRoll = rng();
  const neverRoll = rng();
  const delayMinutes = randInt(rng, 0, 5);
  const overrunMinutes = randInt(rng, -10, 15);
  const viewerRoll1 = rng();
  const viewerRoll2 = rng();
  const replayRoll = rng();
  const livingid = newLivingId(rng);
  const themeRoll = rng();
  const descriptionRoll = rng();
  const remindTime = pick(rng, REMIND_TIMES);
  const replayOnRoll = rng();
  const subscribeRoll = rng();
  const activityDescription = pick(rng, DESCRIPTIONS[4]);
  const createdDaysBefore = randInt(rng, 1, 14);
  const at = <T>(items: readonly T[], roll: number): T => items[Math.floor(roll * items.length)] as T;
  return {
    typeIndex, anchorIndex, planned, livingMinutesAgo, futureDay, anyDay, pastDay, hour, halfHour,
    livingHours, cancelRoll, neverRoll, delayMinutes, overrunMinutes, viewerRoll1, viewerRoll2,
    replayRoll, livingid, remindTime, replayOnRoll, subscribeRoll, activityDescription, createdDaysBefore,
    themeOf: (type: LiveType) => at(THEMES[type], themeRoll),
    descriptionOf: (type: LiveType) => at(DESCRIPTIONS[type], descriptionRoll),
  };
}

export function generateLives(input: GenerateLivesInput): { lives: SimLive[]; shareInfos: SimShareInfo[] } {
  const { rng, count, users, nowMs, maxViewers, creatorAgentId } = input;
  const active = users.filter((u) => u.status === 1);
  if (active.length === 0 || count <= 0) return { lives: [], shareInfos: [] };
  const anchorCount = Math.min(active.length, Math.max(3, Math.min(12, Math.round(count / 8))));
  const anchors = Array.from(sampleIndexes(rng, active.length, anchorCount), (k) => active[k] as SimUser);
  const anchorWeights = cumulative(anchors.map((_, i) => 1 / (i + 1)));
  const nowS = Math.floor(nowMs / 1000);
  const dayStartS = Math.floor(
    (Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS) / 1000,
  );
  const lives: SimLive[] = [];
  let edition = 1;

  for (let i = 0; i < count; i++) {
    const slot: Slot = SLOTS[i] ?? 'random';
    // Every random value is drawn up front, whatever the slot and whatever the time of day, so a
    // seed gives the same lives relative to `nowMs` at any instant.
    const draw = drawLive(rng, anchorWeights);
    const type = TYPES[draw.typeIndex] as LiveType;
    const anchor = anchors[i < anchors.length ? i : draw.anchorIndex] as SimUser;
    let reserveStart: number;
    if (slot === 'living') {
      reserveStart = nowS - draw.livingMinutesAgo * MINUTE;
    } else {
      const dayOffset =
        slot === 'reserved' ? draw.futureDay : slot === 'random' ? draw.anyDay : draw.pastDay;
      reserveStart = dayStartS + dayOffset * 86_400 + draw.hour * HOUR + draw.halfHour * MINUTE;
    }
    const duration = slot === 'living' ? draw.livingHours * HOUR : draw.planned;
    const isPast = reserveStart + duration < nowS;
    const cancelled = slot === 'cancelled' || (slot === 'random' && draw.cancelRoll < (isPast ? 0.07 : 0.1));
    const neverStarted = slot === 'expired' || (slot === 'random' && isPast && !cancelled && draw.neverRoll < 0.06);
    const started = !cancelled && !neverStarted && reserveStart <= nowS;
    // Ended lives started a little late and ran a little long or short.
    const delay = started && isPast ? draw.delayMinutes * MINUTE : 0;
    const actualDuration = started && isPast ? Math.max(10 * MINUTE, duration + draw.overrunMinutes * MINUTE) : duration;
    const viewerTarget = !started
      ? 0
      : slot === 'ended'
        ? maxViewers
        : Math.max(1, Math.min(maxViewers, Math.round(maxViewers * (0.02 + 0.6 * draw.viewerRoll1 * draw.viewerRoll2))));
    lives.push({
      livingid: draw.livingid,
      theme: NUMBERED_TRAINING.has(draw.themeOf(type)) ? `${draw.themeOf(type)}（第${edition}期）` : draw.themeOf(type),
      description: draw.descriptionOf(type),
      anchor_userid: anchor.userid,
      type,
      living_start: reserveStart + delay,
      living_duration: actualDuration,
      reserve_start: reserveStart,
      reserve_living_duration: duration,
      remind_time: draw.remindTime,
      open_replay: draw.replayOnRoll < 0.75 ? 1 : 0,
      replay: draw.replayRoll < 0.85 ? 'ready' : draw.replayRoll < 0.95 ? 'deleted' : 'failed',
      cancelled,
      neverStarted,
      creatorAgentId,
      subscribe_count: started
        ? Math.round(viewerTarget * (0.3 + draw.subscribeRoll * 0.5))
        : Math.floor(draw.subscribeRoll * (Math.max(5, Math.round(maxViewers * 0.3)) + 1)),
      viewerTarget,
      internalShare: INTERNAL_SHARE[type],
      activity_cover_mediaid: '',
      activity_share_mediaid: '',
      activity_detail: type === 4 ? { description: draw.activityDescription, image_list: [] } : null,
      createdAt: Math.min(nowMs, (reserveStart - draw.createdDaysBefore * 86_400) * 1000),
    });
    edition++;
  }
  lives.sort((a, b) => b.living_start - a.living_start);
  return { lives, shareInfos: generateShareInfos(rng, lives, active, nowS) };
}

/** A few share codes of started activity lives (get_living_share_info). */
function generateShareInfos(
  rng: Rng,
  lives: readonly SimLive[],
  active: readonly SimUser[],
  nowS: number,
): SimShareInfo[] {
  const out: SimShareInfo[] = [];
  for (const live of lives) {
    if (live.type !== 4 || live.viewerTarget === 0 || live.living_start > nowS) continue;
    for (let k = 0; k < 2; k++) {
      const external = k === 1;
      out.push({
        ww_share_code: 'ws' + randomString(rng, 30, ID_CHARS),
        livingid: live.livingid,
        viewer_userid: external ? '' : pick(rng, active).userid,
        viewer_external_userid: external ? 'wm' + randomString(rng, 30, ID_CHARS) : '',
        invitor_userid: pick(rng, active).userid,
        invitor_external_userid: '',
      });
    }
  }
  return out;
}
