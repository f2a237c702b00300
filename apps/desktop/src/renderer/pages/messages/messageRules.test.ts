import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../stores/messages.ts';
import type { ComposerDraft, SendOutcome } from '../../stores/messages.ts';
import { MEDIA_ID_LIFETIME_MS, MESSAGE_LIMITS } from '@wld/wecom-core/rules';
import { draftIssues, draftToBody, mediaSizeIssue, recipientIssues } from './messageLimits.ts';
import { recallBlockedKey } from './recall.ts';
import { appChatIssues, memberDiff } from './appChatForm.ts';
import type { SentMessage } from '../../../shared/models.ts';

const draft = (patch: Partial<ComposerDraft>): ComposerDraft => ({ ...emptyDraft(), ...patch });
const keys = (d: ComposerDraft, now?: number) => draftIssues(d, now).map((i) => `${i.field}:${i.key}`);

describe('message drafts', () => {
  it('turns each type into the body the contract expects', () => {
    expect(draftToBody(draft({ text: '你好' }))).toEqual({ msgtype: 'text', content: '你好' });
    expect(draftToBody(draft({ msgtype: 'markdown', markdown: '**x**' }))).toEqual({ msgtype: 'markdown', content: '**x**' });
    expect(
      draftToBody(draft({ msgtype: 'textcard', card: { title: '培训', description: '明天', url: ' https://example.com/a ', btntxt: '' } })),
    ).toEqual({ msgtype: 'textcard', title: '培训', description: '明天', url: 'https://example.com/a' });
    const media = { mediaId: 'm1', filename: 'a.png', size: 100, uploadedAt: 1_000 };
    expect(draftToBody(draft({ msgtype: 'image', image: media }), 2_000)).toEqual({ msgtype: 'image', mediaId: 'm1' });
  });

  it('checks the byte limits of text, markdown and textcard fields', () => {
    expect(keys(draft({ text: 'x'.repeat(MESSAGE_LIMITS.textBytes) }))).toEqual([]);
    expect(keys(draft({ text: '汉'.repeat(683) }))).toEqual(['text:issues.tooManyBytes']);
    expect(keys(draft({ msgtype: 'markdown', markdown: '   ' }))).toEqual(['markdown:issues.contentRequired']);
    const card = { title: '标'.repeat(43), description: 'd', url: 'ftp://x', btntxt: '查看详情啊' };
    expect(keys(draft({ msgtype: 'textcard', card }))).toEqual([
      'title:issues.tooManyBytes',
      'url:issues.urlInvalid',
      'btntxt:issues.tooManyChars',
    ]);
    expect(draftToBody(draft({ msgtype: 'textcard', card }))).toBeNull();
  });

  it('refuses media that is missing or older than its 3-day media_id', () => {
    expect(keys(draft({ msgtype: 'file' }))).toEqual(['file:issues.mediaRequired']);
    const media = { mediaId: 'm', filename: 'f.pdf', size: 10, uploadedAt: 0 };
    expect(keys(draft({ msgtype: 'file', file: media }), MEDIA_ID_LIFETIME_MS)).toEqual(['file:issues.mediaExpired']);
  });

  it('checks sizes before uploading: > 5 bytes, image ≤ 10 MB, file ≤ 20 MB', () => {
    expect(mediaSizeIssue('image', 5)?.key).toBe('issues.mediaTooSmall');
    expect(mediaSizeIssue('image', 10 * 1024 * 1024)).toBeNull();
    expect(mediaSizeIssue('image', 10 * 1024 * 1024 + 1)).toMatchObject({ key: 'issues.mediaTooLarge', values: { maxMb: 10 } });
    expect(mediaSizeIssue('file', 20 * 1024 * 1024)).toBeNull();
    expect(mediaSizeIssue('file', 20 * 1024 * 1024 + 1)).toMatchObject({ values: { maxMb: 20 } });
  });

  it('needs at least one recipient of any kind', () => {
    expect(recipientIssues({ userids: [], departmentIds: [], tagIds: [] })).toHaveLength(1);
    expect(recipientIssues({ userids: [], departmentIds: [], tagIds: [3] })).toHaveLength(0);
  });
});

describe('recall window', () => {
  const result: SendOutcome = { id: 1, msgid: 'm', invalidUsers: [], invalidParties: [], invalidTags: [], unlicensedUsers: [] };
  const sent = (patch: Partial<SentMessage>): SentMessage => ({
    id: 1,
    msgid: 'm1',
    msgtype: 'text',
    summary: 's',
    recipients: { userids: ['a'], departmentIds: [], tagIds: [] },
    sentAt: 0,
    recalledAt: null,
    result,
    origin: 'manual',
    ...patch,
  });
  it('allows recall within 24 hours only, once, and only with a msgid', () => {
    const day = 24 * 3600 * 1000;
    expect(recallBlockedKey(sent({}), day - 1)).toBeNull();
    expect(recallBlockedKey(sent({}), day)).toBe('history.recallExpired');
    expect(recallBlockedKey(sent({ recalledAt: 5 }), 10)).toBe('history.recallDone');
    expect(recallBlockedKey(sent({ msgid: null }), 10)).toBe('history.recallNoMsgid');
  });
});

describe('app group chats', () => {
  const ok = { name: '项目群', members: ['a', 'b'], owner: 'a', chatid: '' };
  it('accepts 2..2000 members, a name of ≤ 50 characters and an owner among the members', () => {
    expect(appChatIssues(ok, 'create')).toEqual([]);
    expect(appChatIssues({ ...ok, members: ['a'] }, 'create').map((i) => i.field)).toEqual(['members']);
    expect(appChatIssues({ ...ok, name: '群'.repeat(51) }, 'create')[0]?.key).toBe('appchat.issues.nameTooLong');
    expect(appChatIssues({ ...ok, owner: 'z' }, 'create')[0]?.key).toBe('appchat.issues.ownerNotMember');
    expect(appChatIssues({ ...ok, chatid: 'bad-id' }, 'create')[0]?.key).toBe('appchat.issues.chatid');
    expect(appChatIssues({ ...ok, members: Array.from({ length: 2001 }, (_, i) => `u${i}`), owner: null }, 'create')[0]?.field).toBe('members');
  });
  it('sends only the members that changed', () => {
    expect(memberDiff(['a', 'b', 'c'], ['b', 'c', 'd', 'e'])).toEqual({ addUsers: ['d', 'e'], removeUsers: ['a'] });
    expect(memberDiff(['a'], ['a'])).toEqual({ addUsers: [], removeUsers: [] });
  });
});
