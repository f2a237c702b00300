import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComClientError, WeComInputError } from '../../src/errors/errors.ts';
import type { TemplateCard } from '../../src/models/template-card.ts';
import { hasPartialFailure, type MessageSendRequest } from '../../src/services/messages.ts';
import { pngBytes } from './media-fixtures.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;
let active: string[];

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 300, departments: 12, tags: 6, lives: 3, maxViewers: 10 } });
  active = env.sim.state.userList
    .filter((u) => u.status === 1 && !env.sim.state.unlicensedUserIds.has(u.userid))
    .map((u) => u.userid);
});
afterAll(() => env?.close());

describe('message/send', () => {
  it('sends text and reports unknown users, departments and tags as arrays', async () => {
    const result = await env.client.messages.send({
      touser: [active[0]!, active[1]!, 'Ghost.User'],
      toparty: [999_999],
      totag: [88_888],
      msgtype: 'text',
      text: { content: '明天 10:00 直播培训，请准时参加。' },
    });
    expect(result.msgid).toBeTruthy();
    expect(result.invaliduser).toEqual(['ghost.user']);
    expect(result.invalidparty).toEqual(['999999']);
    expect(result.invalidtag).toEqual(['88888']);
    expect(hasPartialFailure(result)).toBe(true);
    const sent = env.sim.state.messages.at(-1)!;
    expect(sent.msgid).toBe(result.msgid);
    expect(sent.body.agentid).toBe(env.sim.apps[0]!.agentId);
    expect(sent.recipients).toEqual(
      expect.arrayContaining([active[0]!.toLowerCase(), active[1]!.toLowerCase()]),
    );
  });

  it('surfaces users without a licence', async () => {
    const unlicensed = [...env.sim.state.unlicensedUserIds][0]!;
    const result = await env.client.messages.send({
      touser: [active[2]!, unlicensed],
      msgtype: 'markdown',
      markdown: { content: '**提醒**' },
    });
    expect(result.unlicenseduser.map((id) => id.toLowerCase())).toEqual([unlicensed.toLowerCase()]);
    expect(result.invaliduser).toEqual([]);
  });

  it('fails with 81013 when every recipient is invalid', async () => {
    const error = await rejectionOf(
      env.client.messages.send({ touser: ['nobody1', 'nobody2'], msgtype: 'text', text: { content: 'x' } }),
    );
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(81013);
    expect((error as WeComClientError).userMessage).toMatch(/visibility range/);
  });

  it('sends every message type, with media uploaded first', async () => {
    const image = await env.client.media.upload('image', { filename: 'cover.png', data: pngBytes() });
    const voice = await env.client.media.upload('voice', {
      filename: 'note.amr',
      data: new TextEncoder().encode('#!AMR\n' + 'a'.repeat(200)),
    });
    const video = await env.client.media.upload('video', {
      filename: 'clip.mp4',
      data: new Uint8Array(4096).fill(7),
    });
    const file = await env.client.media.upload('file', {
      filename: '议程.pdf',
      data: new Uint8Array(1000).fill(1),
    });
    const cardAction = { type: 1 as const, url: 'https://example.com/live' };
    const cards: TemplateCard[] = [
      {
        card_type: 'text_notice',
        main_title: { title: '直播提醒', desc: '产品培训' },
        card_action: cardAction,
      },
      { card_type: 'news_notice', card_image: { url: 'https://example.com/a.png' }, card_action: cardAction },
      {
        card_type: 'button_interaction',
        task_id: 'task-btn-1',
        button_list: [{ text: '报名', key: 'signup' }],
      },
      {
        card_type: 'vote_interaction',
        task_id: 'task-vote-1',
        checkbox: {
          question_key: 'q1',
          option_list: [
            { id: 'a', text: '周二' },
            { id: 'b', text: '周四' },
          ],
        },
        submit_button: { text: '提交', key: 'submit' },
      },
      {
        card_type: 'multiple_interaction',
        task_id: 'task-multi-1',
        select_list: [{ question_key: 'q1', option_list: [{ id: 'a', text: 'A' }] }],
        submit_button: { text: '提交', key: 'submit' },
      },
    ];
    const contents: MessageSendRequest[] = [
      { msgtype: 'text', text: { content: 'hi' } },
      { msgtype: 'markdown', markdown: { content: '# 标题' } },
      { msgtype: 'image', image: { media_id: image.media_id } },
      { msgtype: 'voice', voice: { media_id: voice.media_id } },
      { msgtype: 'video', video: { media_id: video.media_id, title: '回放' } },
      { msgtype: 'file', file: { media_id: file.media_id } },
      {
        msgtype: 'textcard',
        textcard: {
          title: '直播预告',
          description: '周四 15:00',
          url: 'https://example.com',
          btntxt: '详情',
        },
      },
      {
        msgtype: 'news',
        news: {
          articles: [
            { title: '直播回放', url: 'https://example.com/r', picurl: 'https://example.com/p.png' },
          ],
        },
      },
      {
        msgtype: 'mpnews',
        mpnews: { articles: [{ title: '纪要', thumb_media_id: image.media_id, content: '<p>内容</p>' }] },
      },
      {
        msgtype: 'miniprogram_notice',
        miniprogram_notice: {
          appid: 'wx123',
          title: '会议提醒',
          content_item: [{ key: '时间', value: '10:00' }],
        },
      },
      ...cards.map((card) => ({ msgtype: 'template_card' as const, template_card: card })),
    ].map((content) => ({ touser: [active[3]!], ...content }) as MessageSendRequest);
    for (const request of contents) {
      const result = await env.client.messages.send(request);
      expect(result.msgid, request.msgtype).toBeTruthy();
      expect(env.sim.state.messages.at(-1)!.msgtype).toBe(request.msgtype);
    }
    const interactive = await env.client.messages.send({
      touser: [active[3]!],
      msgtype: 'template_card',
      template_card: cards[2]!,
    });
    expect(interactive.response_code).toBeTruthy();
  });

  it('sends to everyone with @all', async () => {
    const result = await env.client.messages.send({
      touser: '@all',
      msgtype: 'text',
      text: { content: '全员通知' },
    });
    expect(result.msgid).toBeTruthy();
    expect(env.sim.state.messages.at(-1)!.body.touser).toBe('@all');
  });

  it('recalls a message once; the second recall fails with 42052', async () => {
    const { msgid } = await env.client.messages.send({
      touser: [active[4]!],
      msgtype: 'text',
      text: { content: '发错了' },
    });
    await env.client.messages.recall(msgid!);
    expect(env.sim.state.messages.find((m) => m.msgid === msgid)!.recalledAt).not.toBeNull();
    const error = await rejectionOf(env.client.messages.recall(msgid!));
    expect((error as WeComClientError).errcode).toBe(42052);
  });

  it("reports today's person-times per app", async () => {
    const statistics = await env.client.messages.getStatistics(0);
    const mine = statistics.find((s) => s.agentid === env.sim.apps[0]!.agentId)!;
    const delivered = env.sim.state.messages
      .filter((m) => m.agentid === env.sim.apps[0]!.agentId)
      .reduce((sum, m) => sum + m.recipients.length, 0);
    expect(mine.count).toBe(delivered);
  });

  it('sends as another app with its own agentid', async () => {
    const other = env.client.forApp(env.sim.apps[1]!.name);
    await other.messages.send({ touser: [active[5]!], msgtype: 'text', text: { content: '培训通知' } });
    expect(env.sim.state.messages.at(-1)!.agentid).toBe(env.sim.apps[1]!.agentId);
  });

  it('checks limits before sending', async () => {
    const cases: [MessageSendRequest, string][] = [
      [{ touser: [active[0]!], msgtype: 'text', text: { content: '长'.repeat(683) } }, 'text.content'], // 2049 bytes
      [{ touser: [active[0]!], msgtype: 'markdown', markdown: { content: '' } }, 'markdown.content'],
      [
        { touser: Array.from({ length: 1001 }, (_, i) => `u${i}`), msgtype: 'text', text: { content: 'x' } },
        'touser',
      ],
      [
        { toparty: Array.from({ length: 101 }, (_, i) => i + 1), msgtype: 'text', text: { content: 'x' } },
        'toparty',
      ],
      [
        { totag: Array.from({ length: 101 }, (_, i) => i + 1), msgtype: 'text', text: { content: 'x' } },
        'totag',
      ],
      [{ msgtype: 'text', text: { content: 'x' } }, 'touser'],
      [{ touser: ['bad user'], msgtype: 'text', text: { content: 'x' } }, 'touser[0]'],
      [
        {
          touser: [active[0]!],
          msgtype: 'textcard',
          textcard: { title: 't'.repeat(129), description: 'd', url: 'https://a' },
        },
        'textcard.title',
      ],
      [
        {
          touser: [active[0]!],
          msgtype: 'textcard',
          textcard: { title: 't', description: '述'.repeat(171), url: 'https://a' },
        },
        'textcard.description',
      ],
      [
        {
          touser: [active[0]!],
          msgtype: 'textcard',
          textcard: { title: 't', description: 'd', url: 'https://a', btntxt: '查看详情呀' },
        },
        'textcard.btntxt',
      ],
      [
        {
          touser: [active[0]!],
          msgtype: 'news',
          news: { articles: Array.from({ length: 9 }, () => ({ title: 'a', url: 'https://a' })) },
        },
        'news.articles',
      ],
      [
        {
          touser: [active[0]!],
          msgtype: 'template_card',
          template_card: {
            card_type: 'button_interaction',
            task_id: '',
            button_list: [{ text: 'a', key: 'k' }],
          },
        },
        'template_card.task_id',
      ],
      [
        { touser: [active[0]!], msgtype: 'text', text: { content: 'x' }, duplicate_check_interval: 20_000 },
        'duplicate_check_interval',
      ],
    ];
    for (const [request, field] of cases) {
      const { value: error, calls } = await countCalls(env.sim, () =>
        rejectionOf(env.client.messages.send(request)),
      );
      expect(error, field).toBeInstanceOf(WeComInputError);
      expect((error as WeComInputError).field).toBe(field);
      expect(calls).toBe(0);
    }
  });
});
