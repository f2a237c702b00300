// Shared formatters: durations, dates, numbers and WeCom codes in words (via the `common` namespace),
// all following the current i18n language.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18n from './i18n/index.ts';
import { now as clockNow } from '@wld/clock';
import { decimalText, percentText } from './decimal-format.ts';
import { weekStartsOn, type WeekStartDay } from '../shared/dates.ts';

dayjs.extend(relativeTime);

const dayjsLocale = (lng: string): string => (lng.startsWith('zh') ? 'zh-cn' : 'en');
const lang = (): string => i18n.language || 'zh-CN';
const day = (ms: number) => dayjs(ms).locale(dayjsLocale(lang()));

/** The first day of the week in the UI's language: Monday in 中文, Sunday in English (as antd's calendar). */
export const firstDayOfWeek = (): WeekStartDay => weekStartsOn(lang());

/** Keeps dayjs' global locale (used by antd pickers) in step with the UI language. */
export function syncDayjsLocale(lng: string): void {
  dayjs.locale(dayjsLocale(lng));
}

/** 3900 → '1小时5分' / '1 h 5 min'; seconds are shown only under an hour. */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds === null || totalSeconds === undefined || !Number.isFinite(totalSeconds)) return '–';
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m > 0 ? i18n.t('common:duration.hoursMinutes', { h, m }) : i18n.t('common:duration.hours', { h });
  if (m > 0) return s > 0 ? i18n.t('common:duration.minutesSeconds', { m, s }) : i18n.t('common:duration.minutes', { m });
  return i18n.t('common:duration.seconds', { s });
}

/** Epoch milliseconds → '2026-11-21 09:30'. */
export function formatDateTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : day(ms).format('YYYY-MM-DD HH:mm');
}

/** Unix seconds (WeCom's unit) → '2026-11-21 09:30'. */
export function formatUnixDateTime(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '–' : formatDateTime(seconds * 1000);
}

export function formatDate(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : day(ms).format('YYYY-MM-DD');
}

export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : day(ms).format('HH:mm');
}

/** '3 分钟前' / '3 minutes ago'. */
export function formatRelative(ms: number | null | undefined, now: number = clockNow()): string {
  return ms === null || ms === undefined ? '–' : day(ms).from(now);
}

// Both languages write numbers alike (see decimal-format.ts): no Intl, so no ICU load at start-up.
export function formatNumber(value: number | null | undefined, maximumFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return decimalText(value, maximumFractionDigits);
}

/** A person or a group with its id, alike in both languages: "王芳 (wangfang)"; the id alone when the name is not known. */
export const nameWithId = (name: string | null | undefined, id: string | number): string => (name ? `${name} (${id})` : String(id));

/** A chart axis's tick: grouped by thousands like the figures beside the chart (1,800, not 1800). */
export const axisNumber = (value: number): string => formatNumber(value, 2);

/** 0.853 → '85.3%'. */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return percentText(ratio, fractionDigits);
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '–';
  return i18n.t('common:hours', { value: formatNumber(hours, 1) });
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const liveStatusLabel = (status: number): string => i18n.t(`common:liveStatus.${status}`);
export const liveTypeLabel = (type: number): string => i18n.t(`common:liveType.${type}`);
export const userStatusLabel = (status: number): string => i18n.t(`common:userStatus.${status}`);
export const viewerKindLabel = (kind: 'internal' | 'external'): string => i18n.t(`common:viewerKind.${kind}`);
export const externalTypeLabel = (type: number | null): string =>
  type === null ? '–' : i18n.t(`common:externalType.${type}`);

/**
 * Replay state in words; null means the live has replay switched off. With the live's status: a
 * replay exists only once a live has ended (WeCom reports 0 "ready" for lives still to come).
 */
export const replayStatusLabel = (status: number | null, openReplay = true, liveStatus?: number): string => {
  if (!openReplay || status === null) return i18n.t('common:replayStatus.off');
  if (liveStatus === 0 || liveStatus === 1) return i18n.t('common:replayStatus.notYet');
  if (liveStatus === 3 || liveStatus === 4) return i18n.t('common:replayStatus.notHeld');
  return i18n.t(`common:replayStatus.${status}`);
};

export const yesNo = (value: boolean): string => i18n.t(value ? 'common:yes' : 'common:no');

/** antd Tag colours per live status. */
export const LIVE_STATUS_COLORS: Record<number, string> = {
  0: 'blue',
  1: 'red',
  2: 'default',
  3: 'orange',
  4: 'default',
};

