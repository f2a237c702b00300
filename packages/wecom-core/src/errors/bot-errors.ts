// Errors of the AI-bot long connection (智能机器人长连接), in the same family as the HTTP errors:
// a stable code, a sentence in 中文 and English, and a toJSON() without the secret.
// An ack with errcode != 0 is not here: it becomes the usual WeComApiError subclass (classify.ts).
import type { Language } from '../http/types.ts';
import { WeComError } from './errors.ts';

/** aibot_subscribe was refused: the BotID or the Secret is wrong, or the bot is not in 长连接 mode. */
export class WeComBotAuthError extends WeComError {
  override name = 'WeComBotAuthError';
  readonly errcode: number;
  readonly errmsg: string;

  constructor(errcode: number, errmsg: string, language: Language) {
    super(
      'BOT_AUTH_FAILED',
      {
        zh: `智能机器人订阅失败（errcode ${errcode}）：请检查 BotID 与 Secret，并确认机器人的 API 模式为“长连接”。`,
        en: `The AI bot subscription was refused (errcode ${errcode}): check the BotID and Secret, and that the bot's API mode is "long connection".`,
      },
      language,
    );
    this.errcode = errcode;
    this.errmsg = errmsg;
  }

  protected override details(): Record<string, unknown> {
    return { errcode: this.errcode, errmsg: this.errmsg };
  }
}

/** No ack for a frame within its deadline (queue time included). */
export class WeComBotTimeoutError extends WeComError {
  override name = 'WeComBotTimeoutError';
  readonly cmd: string;
  readonly reqId: string;
  readonly timeoutMs: number;

  constructor(cmd: string, reqId: string, timeoutMs: number, language: Language) {
    super(
      'BOT_TIMEOUT',
      {
        zh: `企业微信未在 ${timeoutMs} 毫秒内确认机器人消息（${cmd}），请检查网络后重试。`,
        en: `WeCom did not acknowledge the bot frame (${cmd}) within ${timeoutMs} ms. Check the network and try again.`,
      },
      language,
    );
    this.cmd = cmd;
    this.reqId = reqId;
    this.timeoutMs = timeoutMs;
  }

  protected override details(): Record<string, unknown> {
    return { cmd: this.cmd, reqId: this.reqId, timeoutMs: this.timeoutMs };
  }
}

/**
 * The connection dropped while a frame waited for its ack ('lost': it may or may not have arrived),
 * or the client was stopped ('stopped').
 */
export class WeComBotConnectionError extends WeComError {
  override name = 'WeComBotConnectionError';
  readonly cmd: string;
  readonly reason: 'lost' | 'stopped';

  constructor(cmd: string, reason: 'lost' | 'stopped', language: Language) {
    super(
      reason === 'lost' ? 'BOT_CONNECTION_LOST' : 'BOT_STOPPED',
      reason === 'lost'
        ? {
            zh: `与企业微信的机器人长连接已断开，消息（${cmd}）可能未送达。`,
            en: `The bot's long connection to WeCom dropped; the frame (${cmd}) may not have been delivered.`,
          }
        : {
            zh: `机器人长连接已停止，消息（${cmd}）未发送。`,
            en: `The bot's long connection was stopped; the frame (${cmd}) was not sent.`,
          },
      language,
    );
    this.cmd = cmd;
    this.reason = reason;
  }

  protected override details(): Record<string, unknown> {
    return { cmd: this.cmd, reason: this.reason };
  }
}

/** WeCom keeps one connection per bot: another connection (another PC) took this one over. */
export class WeComBotTakenOverError extends WeComError {
  override name = 'WeComBotTakenOverError';

  constructor(language: Language) {
    super(
      'BOT_TAKEN_OVER',
      {
        zh: '另一台电脑接管了此机器人（企业微信每个机器人只保留一个长连接），本机已停止接收消息。',
        en: 'Another PC took over this bot (WeCom keeps one long connection per bot); this PC stopped receiving messages.',
      },
      language,
    );
  }
}

/** Too many frames waiting: the caller must slow down. */
export class WeComBotBackpressureError extends WeComError {
  override name = 'WeComBotBackpressureError';
  readonly queued: number;

  constructor(queued: number, language: Language) {
    super(
      'BOT_BACKPRESSURE',
      {
        zh: `待发送的机器人消息过多（${queued} 条排队中），请稍后再试。`,
        en: `Too many bot frames are waiting (${queued} queued). Try again in a moment.`,
      },
      language,
    );
    this.queued = queued;
  }

  protected override details(): Record<string, unknown> {
    return { queued: this.queued };
  }
}
