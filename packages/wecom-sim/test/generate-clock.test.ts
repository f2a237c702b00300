// The same seed gives the same organisation and the same lives relative to the `now` it is given,
// whatever the time of day, the weekday or the date.
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../src/data/generate-org.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const chinaDayStart = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;

/** Each live's draw, with its times relative to `now` (living lives) or to its China day. */
function shape(nowMs: number) {
  const org = generateOrg(11, { users: 300, departments: 20, lives: 120 }, { nowMs });
  const nowS = Math.floor(nowMs / 1000);
  const dayS = chinaDayStart(nowMs) / 1000;
  return {
    users: org.users.map((u) => u.userid),
    lives: org.lives.map((l) => ({
      livingid: l.livingid,
      anchor: l.anchor_userid,
      type: l.type,
      planned: l.reserve_living_duration,
      remind: l.remind_time,
      fromNow: nowS - l.reserve_start,
      fromDay: l.reserve_start - dayS,
    })),
  };
}

const instants = [
  Date.UTC(2026, 11, 6, 15, 50), // Sunday 23:50 in China
  Date.UTC(2026, 11, 31, 15, 30), // the last day of the year 23:30 in China
  Date.UTC(2027, 1, 28, 3, 5), // the last day of February, morning
  Date.UTC(2026, 11, 4, 12, 0), // 20:00 in China, when the old generator changed its draws
];

describe('generated lives and the clock', () => {
  it('draws the same lives at any instant (ids, anchors, types, lengths, reminders)', () => {
    const [first, ...rest] = instants.map(shape);
    for (const other of rest) {
      expect(other.users).toEqual(first!.users);
      const key = (l: ReturnType<typeof shape>['lives'][number]) => [l.livingid, l.anchor, l.type, l.remind].join('|');
      expect(other.lives.map(key).sort()).toEqual(first!.lives.map(key).sort());
    }
  });

  it('places each live at the same time relative to now (live now) or to its day (the others)', () => {
    const [first, ...rest] = instants.map(shape);
    const byId = (s: ReturnType<typeof shape>) => new Map(s.lives.map((l) => [l.livingid, l]));
    const base = byId(first!);
    for (const other of rest) {
      for (const live of other.lives) {
        const same = base.get(live.livingid)!;
        // a live on now is minutes before now; the others sit at the same hour of the same day offset
        if (same.fromNow >= 5 * 60 && same.fromNow <= 40 * 60 && live.fromNow === same.fromNow) continue;
        expect(live.fromDay, live.livingid).toBe(same.fromDay);
      }
    }
  });

  it('always has two lives on now, whatever the hour', () => {
    for (const nowMs of instants) {
      const org = generateOrg(11, { users: 300, departments: 20, lives: 120 }, { nowMs });
      const nowS = Math.floor(nowMs / 1000);
      const onNow = org.lives.filter((l) => !l.cancelled && l.reserve_start <= nowS && l.reserve_start + l.reserve_living_duration > nowS && nowS - l.reserve_start <= 40 * 60);
      expect(onNow.length).toBeGreaterThanOrEqual(2);
    }
  });
});
