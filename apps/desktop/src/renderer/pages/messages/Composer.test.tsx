import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { useConnectionStore } from '../../stores/connection.ts';
import { RECIPIENT_CAPS, emptyDraft, emptyRecipients, useMessagesStore } from '../../stores/messages.ts';
import type { Tag } from '../../../shared/models.ts';
import { Composer } from './Composer.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const tags: Tag[] = Array.from({ length: 150 }, (_, i) => ({ tagid: i + 1, tagname: `标签${i + 1}`, memberCount: 3 }));

function renderComposer() {
  renderWithQueries(
    <AntApp>
      <Composer departments={[]} tags={tags} />
    </AntApp>,
  );
  return { text: screen.getByTestId('content-text') as HTMLTextAreaElement };
}

async function paste(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.handle('users.search', () => ({ asOf: 1, stale: false, total: 0, rows: [] }));
  useMessagesStore.setState({ draft: emptyDraft(), recipients: emptyRecipients(), labels: {}, lastResult: null });
  useConnectionStore.setState({ state: 'online', servicesState: null });
});

describe('byte counter', () => {
  it('counts UTF-8 bytes as the user types: a Chinese character is 3 bytes', async () => {
    const user = userEvent.setup();
    const { text } = renderComposer();
    expect(screen.getByTestId('counter-text')).toHaveTextContent('0 / 2,048 字节');
    await user.type(text, '你好a');
    expect(screen.getByTestId('counter-text')).toHaveTextContent('7 / 2,048 字节');
    expect(screen.getByTestId('counter-text')).toHaveAttribute('data-over', 'false');
  });

  it('flags text over 2048 bytes at once and will not send it', async () => {
    const user = userEvent.setup();
    act(() => {
      useMessagesStore.getState().setRecipients('userids', ['zhangsan']);
    });
    const { text } = renderComposer();
    // 682 × 3 = 2046 bytes fit; two more ASCII letters make 2048; one more is over.
    await paste(user, text, '汉'.repeat(682) + 'ab');
    expect(screen.getByTestId('counter-text')).toHaveTextContent('2,048 / 2,048 字节');
    expect(screen.getByTestId('message-send')).toBeEnabled();
    await user.type(text, 'c');
    expect(screen.getByTestId('counter-text')).toHaveTextContent('2,049 / 2,048 字节');
    expect(screen.getByTestId('counter-text')).toHaveAttribute('data-over', 'true');
    expect(await screen.findByText(/超过 2,048 字节（现在 2,049 字节）/)).toBeInTheDocument();
    expect(screen.getByTestId('message-send')).toBeDisabled();
    expect(fakeApi.callsOf('messages.send')).toHaveLength(0);
  });
});

describe('recipient caps', () => {
  it('keeps at most 1000 users, 100 departments and 100 tags, first picked first kept', () => {
    const store = useMessagesStore.getState();
    const users = Array.from({ length: 1200 }, (_, i) => `user${i}`);
    expect(store.setRecipients('userids', users)).toEqual({ kept: 1000, dropped: 200 });
    expect(useMessagesStore.getState().recipients.userids).toHaveLength(RECIPIENT_CAPS.userids);
    expect(useMessagesStore.getState().recipients.userids.at(-1)).toBe('user999');

    expect(store.setRecipients('departmentIds', Array.from({ length: 101 }, (_, i) => i + 1))).toEqual({ kept: 100, dropped: 1 });
    // Adding to a full list adds nothing; duplicates never count twice.
    expect(store.addRecipients('departmentIds', [500])).toEqual({ kept: 0, dropped: 1 });
    expect(store.setRecipients('tagIds', [1, 1, 2, 2, 3])).toEqual({ kept: 3, dropped: 0 });
    expect(useMessagesStore.getState().recipients.tagIds).toEqual([1, 2, 3]);
  });

  it('shows the count against the cap and says when the cap is reached', () => {
    renderComposer();
    expect(screen.getByTestId('cap-tagIds')).toHaveTextContent('已选 0 / 100');
    act(() => {
      useMessagesStore.getState().setRecipients('tagIds', tags.map((t) => t.tagid));
    });
    expect(screen.getByTestId('cap-tagIds')).toHaveTextContent('已选 100 / 100 · 已达上限');
    expect(screen.getByTestId('cap-userids')).toHaveTextContent('已选 0 / 1,000');
  });
});

describe('sending', () => {
  it('asks for recipients before sending', async () => {
    const user = userEvent.setup();
    const { text } = renderComposer();
    await paste(user, text, '通知');
    await user.click(screen.getByTestId('message-send'));
    expect(await screen.findByText('请至少选择一个接收人、部门或标签')).toBeInTheDocument();
    expect(fakeApi.callsOf('messages.send')).toHaveLength(0);
  });

  it('sends after confirmation and lists invalid and unlicensed recipients by name', async () => {
    const user = userEvent.setup();
    fakeApi.handle('messages.send', () => ({
      id: 7,
      msgid: 'msg-7',
      invalidUsers: ['lisi'],
      invalidParties: [],
      invalidTags: ['2'],
      unlicensedUsers: ['wangwu'],
    }));
    act(() => {
      const s = useMessagesStore.getState();
      s.setRecipients('userids', ['zhangsan', 'lisi', 'wangwu']);
      s.setRecipients('tagIds', [1, 2]);
      s.rememberUserNames([
        { userid: 'lisi', name: '李四' },
        { userid: 'wangwu', name: '王五' },
      ]);
    });
    const { text } = renderComposer();
    await paste(user, text, '明天 9 点培训');
    await user.click(screen.getByTestId('message-send'));
    await user.click(await screen.findByRole('button', { name: /^发\s?送$/ }));

    const result = await screen.findByTestId('send-result');
    expect(fakeApi.callsOf('messages.send')[0]?.input).toEqual({
      recipients: { userids: ['zhangsan', 'lisi', 'wangwu'], departmentIds: [], tagIds: [1, 2] },
      body: { msgtype: 'text', content: '明天 9 点培训' },
    });
    expect(result).toHaveTextContent('有 3 个接收人未收到');
    expect(screen.getByTestId('invalid-users')).toHaveTextContent('李四 (lisi)');
    expect(screen.getByTestId('invalid-tags')).toHaveTextContent('标签2 (2)');
    expect(screen.getByTestId('unlicensed-users')).toHaveTextContent('王五 (wangwu)');
    // The content is cleared for the next message; the recipients stay.
    await waitFor(() => expect(text.value).toBe(''));
    expect(useMessagesStore.getState().recipients.userids).toHaveLength(3);
  });

  it('says how many people a department send reaches, and that it is an estimate when the cache is old', async () => {
    const user = userEvent.setup();
    fakeApi.handle('messages.reach', () => ({ count: 1234, asOf: Date.UTC(2026, 10, 30, 2, 0), stale: true }));
    act(() => {
      useMessagesStore.getState().setRecipients('departmentIds', [2, 5]);
    });
    const { text } = renderComposer();
    await paste(user, text, '安全培训通知');
    await user.click(screen.getByTestId('message-send'));
    expect(await screen.findByTestId('send-reach')).toHaveTextContent('预计送达 1,234 人');
    expect(screen.getByTestId('send-reach-stale')).toHaveTextContent(/人数按 2026-11-30 \d\d:00 的本地缓存估算/);
    expect(fakeApi.callsOf('messages.reach')[0]?.input).toEqual({ recipients: { userids: [], departmentIds: [2, 5], tagIds: [] } });
    expect(fakeApi.callsOf('messages.send')).toHaveLength(0);
  });

  it('disables sending offline and says why', () => {
    useConnectionStore.setState({ state: 'offline' });
    renderComposer();
    expect(screen.getByTestId('message-send')).toBeDisabled();
    expect(screen.getByTestId('send-disabled-reason')).toHaveTextContent('离线时无法操作');
  });
});
