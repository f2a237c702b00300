// Template cards and events over a real socket: the bot pushes a sign-up card, a trainee clicks a
// button, the bot updates the card; enter_chat gets a welcome.
import { describe, expect, it } from 'vitest';
import { cardEventKey } from '../../src/bot/frames.ts';
import { nextEvent, online, useBotFixture } from './helpers.ts';

const SIGNUP_CARD = {
  card_type: 'button_interaction',
  main_title: { title: '安全生产培训', desc: '周五 14:00' },
  task_id: 'live_abc',
  button_list: [
    { text: '报名', key: 'signup:live_abc' },
    { text: '签到', key: 'signin:live_abc' },
  ],
};

describe('bot long connection: template cards and events', () => {
  const f = useBotFixture();

  it('a card click arrives with its button key and task id; the bot replaces the card', async () => {
    const bot = await online(f.bot());
    const userid = f.sim.state.userList[5]!.userid;
    await bot.send(userid, { msgtype: 'template_card', template_card: SIGNUP_CARD });
    expect(f.sim.aibot.pushes[0]).toMatchObject({
      chatid: userid,
      body: { template_card: { task_id: 'live_abc' } },
    });

    const clicked = nextEvent(bot, 'template_card_event');
    const conversation = f.sim.aibot.clickCard('signup:live_abc', 'live_abc', { userid });
    const [event, ctx] = await clicked;
    expect(event.from?.userid).toBe(userid);
    expect(cardEventKey(event)).toEqual({ eventKey: 'signup:live_abc', taskId: 'live_abc' });

    await bot.updateCard(ctx.reqId, {
      response_type: 'update_template_card',
      userids: [userid],
      template_card: { ...SIGNUP_CARD, button_list: [{ text: '已报名', key: 'done', style: 2 }] },
    });
    const [reply] = await conversation.finished();
    expect(reply?.cmd).toBe('aibot_respond_update_msg');
    expect(reply?.body).toMatchObject({ template_card: { button_list: [{ text: '已报名' }] } });
  });

  it('enter_chat gets one welcome; a second welcome to the same event is refused', async () => {
    const bot = await online(f.bot());
    const entered = nextEvent(bot, 'enter_chat');
    const conversation = f.sim.aibot.enterChat();
    const [, ctx] = await entered;
    await bot.replyWelcome(ctx.reqId, { msgtype: 'text', text: { content: '你好，我是培训助手' } });
    const [reply] = await conversation.finished();
    expect(reply?.body).toEqual({ msgtype: 'text', text: { content: '你好，我是培训助手' } });
    await expect(
      bot.replyWelcome(ctx.reqId, { msgtype: 'text', text: { content: 'again' } }),
    ).rejects.toMatchObject({
      errcode: 40058,
    });
  });

  it('a welcome is not an answer to a message', async () => {
    const bot = await online(f.bot());
    const clicked = nextEvent(bot, 'template_card_event');
    f.sim.aibot.clickCard('signin:live_abc', 'live_abc');
    const [, ctx] = await clicked;
    await expect(
      bot.replyWelcome(ctx.reqId, { msgtype: 'text', text: { content: 'x' } }),
    ).rejects.toMatchObject({
      errcode: 40058,
    });
  });
});
