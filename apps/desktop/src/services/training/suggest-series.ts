// Suggests series from themes that differ only by a session number: "新员工入职培训（第3期）",
// "安全生产 第2场", "Onboarding (Session 4)", "信息安全意识-05". Lives already in a series are left out.
import type { CacheContext } from '../cache/context.ts';

const SESSION_MARKS = [
  /[（(【[]\s*第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*[期场次讲课轮批]\s*[）)】\]]/gu,
  /第\s*[0-9０-９一二三四五六七八九十百零〇]+\s*[期场次讲课轮批]/gu,
  /[（(]\s*(?:session|part|no\.?|#)\s*\d+\s*[）)]/giu,
  /\b(?:session|part)\s*\d+\b/giu,
  /[\s\-_#·]*\d+\s*$/u,
];

/** The theme without its session number ('' when nothing remains or nothing was removed). */
export function seriesKey(theme: string): string {
  let key = theme;
  for (const mark of SESSION_MARKS) key = key.replace(mark, ' ');
  key = key.replace(/\s+/g, ' ').replace(/[\s\-_·:：]+$/u, '').trim();
  return key === theme.trim() ? '' : key;
}

export function suggestSeries(ctx: CacheContext) {
  const rows = ctx
    .stmt(
      `SELECT l.livingid, l.theme FROM lives l WHERE l.status != 4
         AND NOT EXISTS (SELECT 1 FROM training_series_lives s WHERE s.livingid = l.livingid)
       ORDER BY l.living_start, l.id`,
    )
    .all() as Array<{ livingid: string; theme: string }>;
  const groups = new Map<string, { livingids: string[]; themes: string[] }>();
  for (const row of rows) {
    const key = seriesKey(row.theme);
    if (key === '') continue;
    const group = groups.get(key) ?? { livingids: [], themes: [] };
    group.livingids.push(row.livingid);
    group.themes.push(row.theme);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.livingids.length >= 2)
    .map(([name, g]) => ({ name, livingids: g.livingids, themes: g.themes }))
    .sort((a, b) => b.livingids.length - a.livingids.length || a.name.localeCompare(b.name, 'zh-CN'));
}
