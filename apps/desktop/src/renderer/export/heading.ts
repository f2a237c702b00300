// Times as written in a file's heading lines: with their zone, so a file read elsewhere is not misread.
import dayjs from 'dayjs';
import { utcOffsetLabel } from '../../shared/dates.ts';

/** "2026-12-06 23:50 (UTC+08:00)" */
export function headingTime(ms: number): string {
  return `${dayjs(ms).format('YYYY-MM-DD HH:mm')} (${utcOffsetLabel(ms)})`;
}
