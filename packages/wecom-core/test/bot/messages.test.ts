// Message round trips over a real socket: a trainee writes, the bot answers in a stream (stream.id +
// finish), the simulator checks every part against the req_id it came with.
import { describe, expect, it } from 'vitest';
import { WeComApiError, WeComInputError } from '../../src/errors/errors.ts';
import { STREAM_CONTENT_MAX_BYTES } from '../../src/bot/commands.ts';
import { nextError, nextMessage, online, useBotFixture } from './helpers.ts';

describe('bot long connection: messages and streamed replies', () => {
  const f = useBotFixture();

  it('delivers a text message with its sender and req_id, and the reply reaches that conversation', async () => {
    const bot = await online(f.bot());
    const userid = f.sim.state.userList[3]!.userid;
    const arriving = nextMessage(bot);
    const conversation = f.sim.aibot.userSays('下一场培训什么时候', { userid });
    const [message, ctx] = await arriving;
    expect(message.msgtype).toBe('text');
    expect(message.msgtype === 'text' && message.text.content).toBe('下一场培训什么时候');
    expect(message.from.userid).toBe(userid);
    expect(message.chattype).toBe('single');
    expect(ctx.reqId).toBe(conversation.reqId);

    const ack = await bot.replyStream(ctx.reqId, { id: 's1', content: '周五 14:00', finish: true });
    expect(ack.errcode).toBe(0);
    const replies = await conversation.finished();
    expect(replies).toHaveLength(1);
    expect(conversation.text).toBe('周五 14:00');
  });

  it('streams an answer in parts with one stream id; parts arrive in order and finish ends it', async () => {
    const bot = await online(f.bot());
    const arriving = nextMessage(bot);
    const conversation = f.sim.aibot.userSays('我的学习记录');
    const [, ctx] = await arriving;
    // Sent without awaiting each other: the client sends parts of one req_id one at a time.
    const acks = await Promise.all([
      bot.replyStream(ctx.reqId, { id: 'rec', content: '正在查询' }),
      bot.replyStream(ctx.reqId, { id: 'rec', content: '正在查询…已完成 3 场' }),
      bot.replyStream(ctx.reqId, { id: 'rec', content: '已完成 3 场，共 2 小时', finish: true }),
    ]);
    expect(acks.map((a) => a.errcode)).toEqual([0, 0, 0]);
    await conversation.finished();
    expect(conversation.replies.map((r) => (r.body.stream as { content: string }).content)).toEqual([
      '正在查询',
      '正在查询…已完成 3 场',
      '已完成 3 场，共 2 小时',
    ]);
    const stats = bot.stats().commands.find((c) => c.cmd === 'aibot_respond_msg');
    expect(stats).toMatchObject({ sent: 3, acked: 3, errors: 0 });
    expect(stats?.latency.samples).toBe(3);
  });

  it('a part after finish is refused by WeCom and surfaces as a WeComApiError on that call', async () => {
    const bot = await online(f.bot());
    const arriving = nextMessage(bot);
    f.sim.aibot.userSays('我还有哪些没完成');
    const [, ctx] = await arriving;
    await bot.replyStream(ctx.reqId, { id: 'x', content: '都完成了', finish: true });
    const late = await bot.replyStream(ctx.reqId, { id: 'x', content: 'late' }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(WeComApiError);
    expect((late as WeComApiError).errcode).toBe(40058);
    expect((late as WeComApiError).endpoint).toBe('ws:aibot_respond_msg');
    expect(bot.stats().commands.find((c) => c.cmd === 'aibot_respond_msg')?.errorsByCode).toEqual({
      WECOM_40058: 1,
    });
  });

  it('a reply to a req_id WeCom never sent is refused', async () => {
    const bot = await online(f.bot());
    await expect(
      bot.replyStream('no-such-req', { id: 'a', content: 'x', finish: true }),
    ).rejects.toMatchObject({
      errcode: 40058,
    });
  });

  it('checks the stream size before sending', async () => {
    const bot = await online(f.bot());
    expect(() =>
      bot.replyStream('r', { id: 'big', content: 'x'.repeat(STREAM_CONTENT_MAX_BYTES + 1) }),
    ).toThrow(WeComInputError);
    expect(f.sim.aibot.frames.filter((fr) => fr.cmd === 'aibot_respond_msg')).toHaveLength(0);
  });

  it('group messages carry the chat id, and the bot can push into that group', async () => {
    const bot = await online(f.bot());
    const arriving = nextMessage(bot);
    f.sim.aibot.userSays('@bot 下一场培训什么时候', { chatid: 'wrGroupTraining01' });
    const [message] = await arriving;
    expect(message.chattype).toBe('group');
    expect(message.chatid).toBe('wrGroupTraining01');
    await bot.send('wrGroupTraining01', {
      msgtype: 'markdown',
      markdown: { content: '**提醒**：明天 9:00 培训' },
    });
    expect(f.sim.aibot.pushes).toMatchObject([
      {
        chatid: 'wrGroupTraining01',
        body: { msgtype: 'markdown', markdown: { content: '**提醒**：明天 9:00 培训' } },
      },
    ]);
    await expect(
      bot.send('wrNoSuchGroup', { msgtype: 'markdown', markdown: { content: 'x' } }),
    ).rejects.toBeInstanceOf(WeComApiError);
  });

  it('a frame that fails validation is reported, counted, and never reaches the handlers', async () => {
    const bot = await online(f.bot());
    let handled = 0;
    bot.on('message', () => handled++);
    const reported = nextError(bot);
    f.sim.aibot.sendRaw(
      JSON.stringify({ cmd: 'aibot_msg_callback', headers: { req_id: 'r1' }, body: { msgtype: 'text' } }),
    );
    const error = await reported;
    expect(error).toMatchObject({ code: 'RESPONSE_INVALID', endpoint: 'ws:aibot_msg_callback' });
    const reportedMalformed = nextError(bot);
    f.sim.aibot.sendRaw('{not json');
    expect(await reportedMalformed).toMatchObject({ code: 'RESPONSE_MALFORMED' });
    expect(handled).toBe(0);
    expect(bot.stats().invalidFrames).toBe(2);
    expect(bot.status.state).toBe('online');
  });

  it('uploads media in 512 KB chunks and gets a media_id', async () => {
    const bot = await online(f.bot());
    const data = new Uint8Array(1_200_000).map((_, i) => i % 251);
    const media = await bot.uploadMedia({ type: 'file', filename: '课件.pdf', data });
    const stored = f.sim.aibot.uploads.media.get(media.mediaId);
    expect(stored).toMatchObject({ filename: '课件.pdf', bytes: 1_200_000, type: 'file' });
    expect(f.sim.aibot.frames.filter((fr) => fr.cmd === 'aibot_upload_media_chunk')).toHaveLength(3);
  });
});
