// The reminder a live can still take: before the start while it has not begun, after the end once it has.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { systemClock } from '@wld/clock';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { liveFixture } from '../../test-support/live.ts';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { useConnectionStore } from '../../stores/connection.ts';
import { RemindersTab } from './RemindersTab.tsx';

vi.mock('../../api/client.ts', async () =>
  (await import('../../test-support/fakeApi.ts')).fakeClientModule(),
);

const nowSeconds = Math.floor(systemClock.now() / 1000);

/** What the services answer for a reminder kept for its time. */
const scheduledNotice = (input: { livingid: string; kind: 'before-start' | 'after-end'; offsetMinutes: number; note?: string }) => ({
  id: 1,
  livingid: input.livingid,
  kind: input.kind,
  status: 'scheduled' as const,
  offsetSeconds: input.offsetMinutes * 60,
  note: input.note ?? '',
  dueAt: systemClock.now(),
  recipientCount: 0,
  body: null,
  error: null,
  messageIds: [],
  sentAt: null,
  createdAt: systemClock.now(),
  retry: { allowed: false, reason: 'waiting' as const },
});

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState({ state: 'online', servicesState: null });
  fakeApi.handle('notices.list', () => ({ notices: [], calendar: null }));
  fakeApi.handle('reminders.schedule', (input) => ({ notice: scheduledNotice(input) }));
});

const renderTab = (live: ReturnType<typeof liveFixture>) =>
  renderWithQueries(
    <AntApp>
      <RemindersTab live={live} />
    </AntApp>,
  );

describe('RemindersTab', () => {
  it('offers a reminder before the start while the live has not begun', async () => {
    const user = userEvent.setup();
    renderTab(liveFixture('lv_soon'));
    const kind = await screen.findByTestId('reminder-kind');
    expect(kind).toHaveTextContent('开播前提醒');
    await user.click(within(kind).getByRole('combobox'));
    expect(await screen.findByRole('option', { name: '开播前提醒' })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
  });

  it('schedules a reminder after the end for a live that has ended, the one before the start not offered', async () => {
    const user = userEvent.setup();
    renderTab(liveFixture('lv_done', { status: 2, livingStart: nowSeconds - 7200 }));
    const kind = await screen.findByTestId('reminder-kind');
    expect(kind).toHaveTextContent('结束后提醒未完成者');
    await user.click(within(kind).getByRole('combobox'));
    const before = await screen.findByRole('option', { name: '开播前提醒' });
    expect(before).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Escape}');
    await user.click(screen.getByTestId('reminder-schedule'));
    await vi.waitFor(() => expect(fakeApi.callsOf('reminders.schedule')).toHaveLength(1));
    expect(fakeApi.callsOf('reminders.schedule')[0]?.input).toMatchObject({
      livingid: 'lv_done',
      kind: 'after-end',
    });
  });

  it('treats a reserved live whose start has passed as begun', async () => {
    renderTab(liveFixture('lv_late', { status: 0, livingStart: nowSeconds - 60 }));
    expect(await screen.findByTestId('reminder-kind')).toHaveTextContent('结束后提醒未完成者');
  });

  it("says a refusal in the app's language, not the services' English", async () => {
    const user = userEvent.setup();
    fakeApi.handle('reminders.schedule', () => {
      throw { kind: 'validation', code: 'REMINDER_TOO_LATE', message: 'That reminder time has already passed' };
    });
    renderTab(liveFixture('lv_soon'));
    await user.click(await screen.findByTestId('reminder-schedule'));
    expect(await screen.findByText('这个提醒时间已经过去：请选择更短的提前时间，或直接发送通知')).toBeInTheDocument();
    expect(screen.queryByText('That reminder time has already passed')).toBeNull();
  });

  it('a retry refused again says why, never "sent again"; a retry that goes out says so', async () => {
    const user = userEvent.setup();
    const sentAt = systemClock.now() - 600_000;
    const failed = {
      ...scheduledNotice({ livingid: 'lv_done', kind: 'after-end', offsetMinutes: 30 }),
      status: 'failed' as const,
      recipientCount: 50,
      error: { kind: 'validation' as const, code: 'MESSAGE_REPEATED', params: { sentAt, until: sentAt + 4 * 3600_000, context: 'reminder' }, message: 'repeated' },
      retry: { allowed: true, reason: null },
    };
    fakeApi.handle('notices.list', () => ({ notices: [failed], calendar: null }));
    let outcome: 'failed' | 'sent' = 'failed';
    fakeApi.handle('notices.retry', () => ({ notice: outcome === 'failed' ? failed : { ...failed, status: 'sent' as const, error: null, sentAt: systemClock.now() } }));
    renderTab(liveFixture('lv_done', { status: 2, livingStart: nowSeconds - 7200 }));
    // by its text: a role query over the whole tab outlasts findBy's wait here
    const retryButton = async () => (await screen.findByText(/^重\s*试$/)).closest('button')!;
    await user.click(await retryButton());
    expect(await screen.findByText(/^未发送：同样的提醒已于 .* 发给同样的人/, { selector: '.ant-message *' })).toBeInTheDocument();
    expect(screen.queryByText('已重新发送')).toBeNull();
    outcome = 'sent';
    await user.click(await retryButton());
    expect(await screen.findByText('已重新发送')).toBeInTheDocument();
  });

  it('for a live that ended before the chosen time, says the reminder goes out now and how many it reached', async () => {
    const user = userEvent.setup();
    // the answer waits until both clicks are in, as a send to WeCom would
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    fakeApi.handle('reminders.schedule', async (input) => {
      await answered;
      return { notice: { ...scheduledNotice(input), status: 'sent' as const, recipientCount: 3, sentAt: systemClock.now() } };
    });
    // ended an hour ago: 30 min after the end has passed
    renderTab(liveFixture('lv_done', { status: 2, livingStart: nowSeconds - 7200 }));
    expect(await screen.findByTestId('reminder-hint')).toHaveTextContent(/^直播已于 .* 结束，这个时间已经过去：提醒会立即发出/);
    // a double click sends once
    await user.dblClick(screen.getByRole('button', { name: '立即提醒' }));
    answer();
    expect(await screen.findByText('已提醒 3 位尚未完成的学员')).toBeInTheDocument();
    expect(fakeApi.callsOf('reminders.schedule')).toHaveLength(1);
    expect(screen.queryByText('提醒已安排')).toBeNull();
  });

  it('a tab left open turns "schedule" into "remind now" when the chosen time passes', async () => {
    // 30 min after the end (the default) comes 3 s from now: the button changes then, with no other render
    const endSeconds = systemClock.now() / 1000 - 30 * 60 + 3;
    renderTab(liveFixture('lv_almost', { status: 2, livingStart: Math.ceil(endSeconds) - 3600 }));
    expect(await screen.findByRole('button', { name: /安\s*排/ })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '立即提醒' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByTestId('reminder-hint')).toHaveTextContent(/^直播已于 .* 结束，这个时间已经过去/);
  });

  it('for a live that ended moments ago, a time still to come is scheduled as before', async () => {
    renderTab(liveFixture('lv_just_done', { status: 2, livingStart: nowSeconds - 3600 - 60 }));
    expect(await screen.findByRole('button', { name: /安\s*排/ })).toBeInTheDocument();
    expect(screen.getByTestId('reminder-hint')).toHaveTextContent('只发送给尚未完成的应参加学员');
  });
});
