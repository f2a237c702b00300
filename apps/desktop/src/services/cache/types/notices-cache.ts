// The cache's notices part: notices and reminders about lives, and each live's calendar schedule.
import type { ServiceError } from '../../../shared/models.ts';
import type { MessageBody, Recipients } from '../../../shared/models.ts';
import type { CalendarState, NoticeStatus } from '../../../shared/notice-models.ts';

export interface StoredNotice {
  id: number;
  livingid: string;
  kind: string;
  status: NoticeStatus;
  offsetSeconds: number;
  note: string;
  language: string;
  body: MessageBody | null;
  recipients: Recipients | null;
  recipientCount: number;
  partsDone: number;
  messageIds: number[];
  error: ServiceError | null;
  dueAt: number | null;
  partStartedAt: number | null;
  sentAt: number | null;
  createdAt: number;
}

export type NewNotice = Pick<StoredNotice, 'livingid' | 'kind' | 'status' | 'language'> &
  Partial<Pick<StoredNotice, 'offsetSeconds' | 'note' | 'body' | 'recipients' | 'recipientCount' | 'dueAt'>>;

export type NoticeChange = Partial<
  Pick<StoredNotice, 'status' | 'body' | 'recipients' | 'recipientCount' | 'partsDone' | 'messageIds' | 'error' | 'dueAt' | 'partStartedAt' | 'sentAt'>
>;

export interface NoticesCache {
  addNotice(notice: NewNotice): StoredNotice;
  getNotice(id: number): StoredNotice | null;
  updateNotice(id: number, change: NoticeChange): StoredNotice;
  /** Moves a notice from one status to another only if it is still in `from`; false otherwise. */
  claimNotice(id: number, from: NoticeStatus, to: NoticeStatus): boolean;
  /** A live's notices and reminders, newest first. */
  liveNotices(livingid: string): StoredNotice[];
  noticesWithStatus(status: NoticeStatus): StoredNotice[];
  /** The live's stored audience expanded to userids (not disabled or departed); [] without one. */
  audienceUserids(livingid: string): string[];
  /** Userids with a watch row for the live (live or replay). */
  watcherUserids(livingid: string): string[];
  calendarOf(livingid: string): CalendarState | null;
  setCalendar(livingid: string, state: Omit<CalendarState, 'updatedAt'>): void;
}
