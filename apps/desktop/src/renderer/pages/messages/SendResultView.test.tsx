// A send WeCom accepted but answered in a shape the app could not read is shown as sent (never as
// a failure that invites a second send), with the msgid and the fields that could not be read.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import i18n from '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { SendResultView } from './SendResultView.tsx';

const base = { msgid: 'msg-1', invalidUsers: [], invalidParties: [], invalidTags: [], unlicensedUsers: [] };

describe('SendResultView', () => {
  it('says "sent; the answer could not be read" with the msgid and the unreadable fields', async () => {
    await i18n.changeLanguage('en-US');
    render(<SendResultView result={{ ...base, unreadable: ['invaliduser'] }} names={() => undefined} />);
    const view = screen.getByTestId('send-result');
    expect(view).toHaveTextContent("Sent; WeCom's answer could not be read");
    expect(view).toHaveTextContent('msgid: msg-1');
    expect(screen.getByTestId('send-result-unreadable')).toHaveTextContent('invaliduser');
    expect(view).not.toHaveTextContent(/fail/i);
  });

  it('in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<SendResultView result={{ ...base, unreadable: ['invaliduser'] }} names={() => undefined} />);
    expect(screen.getByTestId('send-result')).toHaveTextContent('已发送；企业微信的应答无法读取');
    expect(screen.getByTestId('send-result-unreadable')).toHaveTextContent('请勿重复发送');
  });

  it('a fully read answer has no such note', async () => {
    await i18n.changeLanguage('en-US');
    render(<SendResultView result={base} names={() => undefined} />);
    expect(screen.queryByTestId('send-result-unreadable')).toBeNull();
    expect(screen.getByTestId('send-result')).toHaveTextContent('Sent to every recipient');
  });

  it('lists invalid recipients in the language shown: English punctuation in English, Chinese in Chinese', async () => {
    const result = { ...base, invalidUsers: ['lisi', 'ghost'], invalidTags: ['2'] };
    const known: Record<string, string> = { 'user:lisi': '李四', 'tag:2': '新员工' };
    const names = (kind: 'user' | 'dept' | 'tag', id: string) => known[`${kind}:${id}`];
    await i18n.changeLanguage('en-US');
    const { unmount } = render(<SendResultView result={result} names={names} />);
    expect(screen.getByTestId('invalid-users')).toHaveTextContent('Invalid users (2):李四 (lisi)ghost');
    expect(screen.getByTestId('invalid-tags')).toHaveTextContent('Invalid tags (1):新员工 (2)');
    expect(screen.getByTestId('send-result')).not.toHaveTextContent(/[（）：]/);
    unmount();
    await i18n.changeLanguage('zh-CN');
    render(<SendResultView result={result} names={names} />);
    expect(screen.getByTestId('invalid-users')).toHaveTextContent('无效的成员（2）：李四 (lisi)ghost');
  });
});
