import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import type { NoticeRecord } from '../../../shared/notice-models.ts';
import { RpcError } from '../../../shared/rpc-wire.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { useConnectionStore } from '../../stores/connection.ts';
import { useNoticeStore } from '../../stores/notices.ts';
import { NoticeDialog } from './NoticeDialog.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const body = {
  msgtype: 'textcard' as const,
  title: '直播变更：安全培训',
  description: '<div class="gray">2026/12/8 周二 14:00–15:00</div><div class="normal">安全培训</div>',
  url: 'https://work.weixin.qq.com/',
  btntxt: '详情',
};
const notice = (patch: Partial<NoticeRecord>): NoticeRecord => ({
  id: 9,
  livingid: 'lv1',
  kind: 'changed',
  status: 'sent',
  offsetSeconds: 0,
  note: '',
  dueAt: null,
  recipientCount: 4,
  body,
  error: null,
  messageIds: [1],
  sentAt: 1,
  createdAt: 1,
  retry: { allowed: false, reason: null },
  ...patch,
});

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState({ state: 'online', servicesState: null });
  useNoticeStore.setState({ request: null });
});

function renderDialog() {
  renderWithQueries(
    <AntApp>
      <NoticeDialog />
    </AntApp>,
  );
}

describe('NoticeDialog', () => {
  it('previews the exact text as lines, and after a lost answer says the live was saved and retries', async () => {
    const user = userEvent.setup();
    fakeApi.handle('notices.preview', () => ({ body, recipientCount: 4, calendar: null }));
    fakeApi.handle('notices.send', () => ({
      notice: notice({ status: 'unknown', messageIds: [], error: { kind: 'network', code: 'NOTICE_UNKNOWN_OUTCOME', message: 'WeCom did not answer' }, retry: { allowed: true, reason: null } }),
      calendar: null,
    }));
    fakeApi.handle('notices.retry', () => ({ notice: notice({}) }));
    renderDialog();
    act(() => useNoticeStore.getState().ask('lv1', 'changed'));

    expect(await screen.findByTestId('notice-recipients')).toHaveTextContent('4 人');
    const preview = screen.getByTestId('message-preview');
    expect(preview).toHaveTextContent('直播变更：安全培训');
    expect(preview).toHaveTextContent('2026/12/8 周二 14:00–15:00');
    expect(preview.textContent).not.toContain('<div');

    await user.click(screen.getByTestId('notice-calendar'));
    await user.click(screen.getByTestId('notice-send'));
    expect(fakeApi.callsOf('notices.send')[0]?.input).toEqual({ livingid: 'lv1', kind: 'changed', addToCalendar: true });
    expect(await screen.findByTestId('notice-failed')).toHaveTextContent('直播已保存，但不确定通知是否送达');
    // why, worded by the renderer from the code the services stored
    expect(screen.getByTestId('notice-failed')).toHaveTextContent('企业微信没有答复，消息可能已经送达');

    await user.click(screen.getByTestId('notice-retry'));
    await waitFor(() => expect(useNoticeStore.getState().request).toBeNull());
    expect(fakeApi.callsOf('notices.retry')[0]?.input).toEqual({ id: 9 });
  });

  it('does not ask after an edit when the live has no audience', async () => {
    fakeApi.handle('notices.preview', () => ({ body, recipientCount: 0, calendar: null }));
    renderDialog();
    act(() => useNoticeStore.getState().ask('lv1', 'changed'));
    await waitFor(() => expect(useNoticeStore.getState().request).toBeNull());
    expect(fakeApi.callsOf('notices.send')).toHaveLength(0);
  });

  it('opens with the reason when the preview cannot be composed, instead of never asking', async () => {
    fakeApi.handle('notices.preview', () => {
      throw new RpcError({ kind: 'validation', code: 'LIVE_NOT_FOUND', message: 'No live lv1 in the cache' });
    });
    renderDialog();
    act(() => useNoticeStore.getState().ask('lv1', 'cancelled'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.querySelector('.ant-alert-error')).not.toBeNull());
    expect(screen.getByTestId('notice-send')).toBeDisabled();
    expect(useNoticeStore.getState().request).not.toBeNull();
    expect(fakeApi.callsOf('notices.send')).toHaveLength(0);
  });
});
