// The notices tables of migration 7: a notice keeps its exact message and recipients, moves between
// statuses only from the one it is in, and is a local-only record (clear cache keeps it).
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../src/services/cache/index.ts';
import { LOCAL_ONLY_TABLES } from '../../src/services/cache/data-classes.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('notices in the cache', () => {
  it('stores a notice with its message and recipients, claims it once, and keeps it through a clear', () => {
    const cache = openCache(tmp.file());
    const body = { msgtype: 'text' as const, content: '【直播提醒】' };
    const recipients = { userids: Array.from({ length: 1500 }, (_, i) => `u${i}`), departmentIds: [], tagIds: [] };
    const added = cache.addNotice({ livingid: 'lv1', kind: 'before-start', status: 'scheduled', language: 'zh-CN', offsetSeconds: 1800, dueAt: 1000 });
    expect(added).toMatchObject({ status: 'scheduled', offsetSeconds: 1800, body: null, recipients: null, partsDone: 0, messageIds: [] });

    expect(cache.claimNotice(added.id, 'scheduled', 'sending')).toBe(true);
    expect(cache.claimNotice(added.id, 'scheduled', 'sending')).toBe(false);
    const updated = cache.updateNotice(added.id, { body, recipients, recipientCount: 1500, partsDone: 1, messageIds: [7] });
    expect(updated).toMatchObject({ status: 'sending', body, recipientCount: 1500, partsDone: 1, messageIds: [7] });
    expect(updated.recipients?.userids).toHaveLength(1500);
    expect(cache.noticesWithStatus('sending').map((n) => n.id)).toEqual([added.id]);

    cache.setCalendar('lv1', { state: 'added', scheduleId: 'sch1', error: null });
    expect(cache.calendarOf('lv1')).toMatchObject({ state: 'added', scheduleId: 'sch1' });

    expect(LOCAL_ONLY_TABLES).toEqual(expect.arrayContaining(['live_notices', 'live_calendar']));
    expect(cache.clearSyncable().kept).toMatchObject({ live_notices: 1, live_calendar: 1 });
    expect(cache.liveNotices('lv1')).toHaveLength(1);
    expect(cache.calendarOf('lv1')?.scheduleId).toBe('sch1');
    cache.close();
  });
});
