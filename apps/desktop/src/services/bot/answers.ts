// The trainees' three questions and their answers (markdown for WeCom), from TraineeData:
//   下一场培训什么时候 → the next live they are invited to
//   我的学习记录       → lives watched, time and completion
//   我还有哪些没完成   → ended lives they were invited to and watched under 80% of, with replay
import { t, type Language } from '../i18n.ts';
import type { TraineeData, TraineeLive } from './trainee-data.ts';

export type Intent = 'next' | 'record' | 'todo' | 'help';

/** A live counts as completed from this share of its duration watched. */
export const COMPLETE_RATIO = 0.8;

const PATTERNS: Array<[Intent, RegExp]> = [
  ['next', /下一?场|下次|什么时候|next\s+(training|live|session)|when/i],
  ['record', /学习记录|记录|历史|record|history/i],
  ['todo', /没完成|未完成|还有哪些|待完成|unfinished|to\s*do|left/i],
];

export function intentOf(text: string): Intent {
  const clean = text.replace(/@\S+/g, '').trim();
  for (const [intent, pattern] of PATTERNS) if (pattern.test(clean)) return intent;
  return 'help';
}

/** Beijing time, as WeCom users read it. */
export function formatTime(unixSeconds: number): string {
  const d = new Date((unixSeconds + 8 * 3600) * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const percent = (ratio: number): string => `${Math.round(Math.min(1, ratio) * 100)}%`;
const minutes = (seconds: number): number => Math.round(seconds / 60);

export async function answer(
  intent: Intent,
  userid: string,
  data: TraineeData,
  nowMs: number,
  language: Language,
): Promise<string> {
  if (intent === 'help') return t(language, 'bot.help');
  const trainee = await data.trainee(userid);
  if (!trainee) return t(language, 'bot.unknownUser');
  const [lives, watched] = await Promise.all([data.livesFor(trainee), data.watched(userid)]);
  const now = Math.floor(nowMs / 1000);
  const en = language === 'en-US';
  if (intent === 'next') {
    const next = lives
      .filter((l) => l.status === 1 || (l.status === 0 && l.livingStart + l.livingDuration > now))
      .sort((a, b) => a.livingStart - b.livingStart)[0];
    if (!next) return t(language, 'bot.noNext');
    const when = next.status === 1 ? (en ? 'live now' : '正在直播') : formatTime(next.livingStart);
    const anchor = next.anchorName ? (en ? `, by ${next.anchorName}` : `，主讲：${next.anchorName}`) : '';
    return en
      ? `**Next training**: ${next.theme}\n> Time: ${when} (${minutes(next.livingDuration)} min${anchor})`
      : `**下一场培训**：${next.theme}\n> 时间：${when}（${minutes(next.livingDuration)} 分钟${anchor}）`;
  }
  const byId = new Map(lives.map((l) => [l.livingid, l]));
  if (intent === 'record') {
    const rows = [...watched].filter(([id]) => byId.has(id));
    if (rows.length === 0) return t(language, 'bot.noRecord');
    const total = rows.reduce((sum, [, s]) => sum + s, 0);
    const done = rows.filter(([id, s]) => completion(byId.get(id)!, s) >= COMPLETE_RATIO).length;
    const lines = rows
      .map(([id, s]) => ({ live: byId.get(id)!, seconds: s }))
      .sort((a, b) => b.live.livingStart - a.live.livingStart)
      .slice(0, 5)
      .map(
        ({ live, seconds }) =>
          `> ${formatTime(live.livingStart)} ${live.theme} · ${minutes(seconds)} ${en ? 'min' : '分钟'} · ${percent(completion(live, seconds))}`,
      );
    const head = en
      ? `**Learning record**: ${rows.length} lives watched, ${minutes(total)} min, ${done} completed`
      : `**学习记录**：看过 ${rows.length} 场，共 ${minutes(total)} 分钟，完成 ${done} 场`;
    return [head, ...lines].join('\n');
  }
  const todo = lives
    .filter((l) => l.status === 2 && completion(l, watched.get(l.livingid) ?? 0) < COMPLETE_RATIO)
    .sort((a, b) => b.livingStart - a.livingStart);
  if (todo.length === 0) return t(language, 'bot.allDone');
  const lines = todo.slice(0, 8).map((l) => {
    const share = percent(completion(l, watched.get(l.livingid) ?? 0));
    const replay = l.replayReady ? (en ? ' · replay available' : ' · 可看回放') : '';
    return `> ${formatTime(l.livingStart)} ${l.theme} · ${en ? 'watched' : '已看'} ${share}${replay}`;
  });
  const head = en ? `**Not finished**: ${todo.length}` : `**未完成**：${todo.length} 场`;
  return [head, ...lines].join('\n');
}

function completion(live: TraineeLive, seconds: number): number {
  return live.livingDuration > 0 ? seconds / live.livingDuration : 0;
}
