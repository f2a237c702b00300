import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import i18n from '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { useConnectionStore } from '../../stores/connection.ts';
import { RemindAbsentees } from './RemindAbsentees.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState({ state: 'online', servicesState: null });
});

describe('RemindAbsentees', () => {
  it('confirms, sends the note, and lists who was not reached', async () => {
    const user = userEvent.setup();
    fakeApi.handle('lives.remindAbsentees', () => ({
      msgid: 'm1',
      recipients: 41,
      invalidUsers: ['ghost'],
      invalidParties: [],
      invalidTags: [],
      unlicensedUsers: ['wangwu', 'zhaoliu'],
    }));
    renderWithQueries(
      <AntApp>
        <RemindAbsentees livingid="lv1" absent={43} partial={0} />
      </AntApp>,
    );
    await user.click(screen.getByTestId('remind-absentees'));
    expect(await screen.findByText('向 43 位未观看的成员发送提醒？')).toBeInTheDocument();
    await user.type(screen.getByTestId('remind-message'), '请本周内看回放');
    await user.click(screen.getByTestId('remind-confirm'));

    const result = await screen.findByTestId('remind-result');
    expect(fakeApi.callsOf('lives.remindAbsentees')[0]?.input).toEqual({ livingid: 'lv1', who: 'absent', message: '请本周内看回放' });
    expect(result).toHaveTextContent('提醒已发送给 41 人');
    expect(screen.getByTestId('send-result-unlicensedUsers')).toHaveTextContent('wangwu, zhaoliu');
    expect(screen.getByTestId('send-result-invalidUsers')).toHaveTextContent('ghost');
  });

  it('is disabled offline, with the reason', async () => {
    useConnectionStore.setState({ state: 'offline' });
    renderWithQueries(
      <AntApp>
        <RemindAbsentees livingid="lv1" absent={3} partial={0} />
      </AntApp>,
    );
    await waitFor(() => expect(screen.getByTestId('remind-absentees')).toBeDisabled());
    expect(screen.getByTestId('remind-absentees')).toHaveAttribute('aria-description', '离线时无法操作，需要连接企业微信');
  });

  it('counts in English with singular and plural', async () => {
    await i18n.changeLanguage('en-US');
    try {
      const user = userEvent.setup();
      fakeApi.handle('lives.remindAbsentees', () => ({ msgid: 'm1', recipients: 1, invalidUsers: [], invalidParties: [], invalidTags: [], unlicensedUsers: [] }));
      renderWithQueries(
        <AntApp>
          <RemindAbsentees livingid="lv1" absent={1} partial={0} />
        </AntApp>,
      );
      await user.click(screen.getByTestId('remind-absentees'));
      expect(await screen.findByText('Send a reminder to the 1 member who did not watch?')).toBeInTheDocument();
      await user.click(screen.getByTestId('remind-confirm'));
      expect(await screen.findByTestId('remind-result')).toHaveTextContent('Reminder sent to 1 person');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('reaches everyone who has not completed when chosen, and only then when nobody is absent', async () => {
    const user = userEvent.setup();
    fakeApi.handle('lives.remindAbsentees', () => ({ msgid: 'm1', recipients: 50, invalidUsers: [], invalidParties: [], invalidTags: [], unlicensedUsers: [] }));
    fakeApi.handle('lives.remindPreview', ({ who, message }) => ({
      body: { msgtype: 'text', content: `${who === 'absent' ? '您尚未观看直播' : '你尚未完成观看'}${message ? `\n${message}` : ''}` },
      recipientCount: who === 'absent' ? 43 : 50,
      repeatOf: null,
    }));
    const { unmount } = renderWithQueries(
      <AntApp>
        <RemindAbsentees livingid="lv1" absent={43} partial={7} />
      </AntApp>,
    );
    await user.click(screen.getByTestId('remind-absentees'));
    expect(await screen.findByText('向 43 位未观看的成员发送提醒？')).toBeInTheDocument();
    await user.click(screen.getByLabelText('所有未完成的人（50）：也包括观看时长未达到完成标准的人'));
    expect(await screen.findByText('向 50 位未完成的学员发送提醒？')).toBeInTheDocument();
    // the message as they will receive it, composed by the services for the chosen people, with the note
    await waitFor(() => expect(screen.getByTestId('remind-preview')).toHaveTextContent('你尚未完成观看'));
    await user.type(screen.getByTestId('remind-message'), '周五前看完');
    await waitFor(() => expect(screen.getByTestId('remind-preview')).toHaveTextContent('你尚未完成观看 周五前看完'));
    expect(fakeApi.callsOf('lives.remindAbsentees')).toHaveLength(0);
    await user.click(screen.getByTestId('remind-confirm'));
    await screen.findByTestId('remind-result');
    expect(fakeApi.callsOf('lives.remindAbsentees')[0]?.input).toEqual({ livingid: 'lv1', who: 'incomplete', message: '周五前看完' });
    unmount();

    // everyone watched something: the button still reaches those short of the rule
    renderWithQueries(
      <AntApp>
        <RemindAbsentees livingid="lv2" absent={0} partial={5} />
      </AntApp>,
    );
    expect(screen.getByTestId('remind-absentees')).toBeEnabled();
    await user.click(screen.getByTestId('remind-absentees'));
    expect(await screen.findByText('向 5 位未完成的学员发送提醒？')).toBeInTheDocument();
    expect(screen.getByLabelText('未观看的人（0）')).toBeDisabled();
  });

  it('says when the same reminder went to them and waits for a note before sending it again', async () => {
    const user = userEvent.setup();
    const sentAt = Date.parse('2026-12-07T20:15:00+08:00');
    // WeCom drops the same words to the same people within 4 hours: a note makes the message new
    fakeApi.handle('lives.remindPreview', ({ message }) => ({
      body: { msgtype: 'text', content: `你尚未完成观看${message ? `\n${message}` : ''}` },
      recipientCount: 50,
      repeatOf: message ? null : { sentAt, until: sentAt + 4 * 3600_000 },
    }));
    renderWithQueries(
      <AntApp>
        <RemindAbsentees livingid="lv1" absent={0} partial={50} />
      </AntApp>,
    );
    await user.click(screen.getByTestId('remind-absentees'));
    const warning = await screen.findByTestId('remind-repeated');
    // in the machine's time zone, as every time in the app
    const at = (ms: number) => dayjs(ms).format('M/D HH:mm');
    expect(warning).toHaveTextContent(`同样的提醒已于 ${at(sentAt)} 发给这些人`);
    expect(warning).toHaveTextContent(`加一句备注即可立即发送，或在 ${at(sentAt + 4 * 3600_000)} 之后再发`);
    expect(screen.getByTestId('remind-confirm')).toBeDisabled();
    await user.type(screen.getByTestId('remind-message'), '周五前看完');
    await waitFor(() => expect(screen.queryByTestId('remind-repeated')).not.toBeInTheDocument());
    expect(screen.getByTestId('remind-confirm')).toBeEnabled();
  });
});
