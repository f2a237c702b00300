// The sentences a sync job shows while it works: why it waits, why it retries, what failed.
import type { Language } from '../i18n.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export const pickText = (language: Language, text: Bilingual): string =>
  language === 'zh-CN' ? text.zh : text.en;

/** The end of a wait in local time (HH:MM:SS), with the local date when it is not on `now`'s day. */
const clock = (at: number, now: number): string => {
  const date = new Date(at);
  const time = date.toTimeString().slice(0, 8);
  if (date.toDateString() === new Date(now).toDateString()) return time;
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${day} ${time}`;
};

export const syncTexts = {
  waitRateLimit: (until: number, now: number, errcode: number | null, endpoint?: string): Bilingual => ({
    zh: `企业微信频率限制${errcode ? `（${errcode}）` : ''}${endpoint ? ` ${endpoint}` : ''}：等待至 ${clock(until, now)} 后继续`,
    en: `WeCom rate limit${errcode ? ` (${errcode})` : ''}${endpoint ? ` on ${endpoint}` : ''}: waiting until ${clock(until, now)}, then continuing`,
  }),
  waitTokenStorm: (until: number, now: number, errcode: number): Bilingual => ({
    zh: `企业微信反复判定 access_token 无效（${errcode}）：等待至 ${clock(until, now)} 后重试`,
    en: `WeCom keeps refusing the access token (${errcode}): waiting until ${clock(until, now)}, then retrying`,
  }),
  retrying: (unit: string, code: string): Bilingual => ({
    zh: `${unit} 暂时失败（${code}），正在重试`,
    en: `${unit} failed for now (${code}); retrying`,
  }),
  left: (units: number): Bilingual => ({ zh: `剩余 ${units} 项`, en: `${units} left` }),
  badShape: (endpoint: string, field: string, attempts: number): Bilingual => ({
    zh: `企业微信 ${endpoint} 的应答格式不符（字段 ${field}），重试 ${attempts} 次后仍然如此`,
    en: `WeCom's answer from ${endpoint} has an unexpected shape (field ${field}), still after ${attempts} attempts`,
  }),
  budgetSpent: (unit: string, retries: number): Bilingual => ({
    zh: `${unit} 在本次同步的 ${retries} 次重试额度内未能完成`,
    en: `${unit} did not complete within this sync's ${retries} retries`,
  }),
  discovery: (calls: number, share: number): Bilingual => ({
    zh: `查找直播：本次调用 ${calls} 次（不超过该接口每小时额度的 ${Math.round(share * 100)}%）`,
    en: `Looking for lives: ${calls} calls this sync (at most ${Math.round(share * 100)}% of that API's hourly quota)`,
  }),
} as const;
