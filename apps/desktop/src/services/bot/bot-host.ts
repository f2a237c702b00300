// The AI bot on this PC: keeps the long connection when the profile's bot is configured and "this PC
// hosts the bot" is on (WeCom keeps one connection per bot, so two admins' PCs must not both host it),
// answers trainees from the cache, records sign-ups / sign-ins from card clicks, logs everything in
// bot.sqlite (browsable offline), and reports its status to the windows.
import { dirname, join } from 'node:path';
import {
  BOT_STATE_TEXT,
  BotConnection,
  cardEventKey,
  DEFAULT_BOT_WS_URL,
  type BotEvent,
  type BotMessage,
  type BotStatus,
  type InboundContext,
} from '@wld/wecom-core';
import { botsFor } from '@wld/wecom-sim';
import type { BotStatusView } from '../../shared/bot-contract.ts';
import type { ServicesContext } from '../context.ts';
import { onePerContext } from '../one-per-context.ts';
import { DEMO_SEED } from '../init/demo-simulator.ts';
import { answer, intentOf } from './answers.ts';
import { BotStore, type BotConfig, type BotLogEntry } from './bot-store.ts';
import { liveCard, parseCardKey } from './live-card.ts';
import { cacheTraineeData, toTraineeLive, type TraineeData } from './trainee-data.ts';

/** Overrides WeCom's long-connection address for corp profiles (tests, a relay in front of WeCom). */
export const BOT_URL_ENV = 'WLD_AIBOT_URL';

/** The keychain account (per profile) of the bot's Secret. */
export const BOT_SECRET_ACCOUNT = 'aibot';

interface Target {
  url: string;
  botId: string;
  secret: string;
}

export class BotHost {
  private readonly ctx: ServicesContext;
  private readonly data: TraineeData;
  private connection: BotConnection | null = null;
  private target: Target | null = null;
  private store: BotStore | null = null;
  private answered = 0;
  private applying: Promise<void> = Promise.resolve();
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private logTimer: ReturnType<typeof setTimeout> | null = null;
  private loggedSinceEmit = 0;

  constructor(ctx: ServicesContext, data?: TraineeData) {
    this.ctx = ctx;
    this.data =
      data ??
      cacheTraineeData(
        () => ctx.cache(),
        () => ctx.now(),
      );
  }

  /** Starts, restarts or stops the connection to match the profile's bot settings (serialised). */
  apply(): Promise<void> {
    this.applying = this.applying.then(
      () => this.applyNow(),
      () => this.applyNow(),
    );
    return this.applying;
  }

  async status(): Promise<BotStatusView> {
    const profile = this.ctx.profile();
    const config = profile ? this.config(profile.id) : null;
    const hasSecret = profile ? (await this.secretOf(profile.id)) !== null : false;
    const s: BotStatus | null = this.connection?.status ?? null;
    return {
      state: s ? s.state : 'disabled',
      botId: config?.botId ?? '',
      hostHere: config?.hostHere ?? false,
      hasSecret,
      since: s?.since ?? this.ctx.now(),
      nextRetryAt: s?.nextRetryAt ?? null,
      message: s && s.state !== 'online' ? { ...(s.lastError?.messages ?? BOT_STATE_TEXT[s.state]) } : null,
      answered: this.answered,
    };
  }

  async configure(input: {
    botId: string;
    hostHere: boolean;
    secret?: string | undefined;
  }): Promise<BotStatusView> {
    const profile = this.ctx.profile();
    if (profile) {
      if (input.secret) await this.ctx.vault.set(profile.id, BOT_SECRET_ACCOUNT, input.secret);
      this.openStore()?.setConfig(profile.id, { botId: input.botId, hostHere: input.hostHere });
    }
    await this.apply();
    return this.status();
  }

  /** Takes the bot back after another PC took it (start() subscribes again). */
  async reconnect(): Promise<BotStatusView> {
    if (this.connection) this.connection.start();
    else await this.apply();
    return this.status();
  }

  storeOrNull(): BotStore | null {
    return this.openStore();
  }

  connectionOrNull(): BotConnection | null {
    return this.connection;
  }

  async stop(): Promise<void> {
    await this.applying.catch(() => {});
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = null;
    this.connection?.stop();
    this.connection = null;
    this.target = null;
    this.store?.close();
    this.store = null;
  }

  /** Writes a log row for the active profile and tells the windows. */
  record(entry: BotLogEntry): void {
    const profile = this.ctx.profile();
    const store = this.openStore();
    if (!profile || !store) return;
    store.log(profile.id, entry);
    this.loggedSinceEmit++;
    if (this.logTimer) return;
    // Pages showing the log reload on this event: at most a few times a second.
    this.logTimer = setTimeout(() => {
      this.logTimer = null;
      const rows = this.loggedSinceEmit;
      this.loggedSinceEmit = 0;
      this.ctx.emit('bot.log', { rows });
    }, 200);
    this.logTimer.unref?.();
  }

  private async applyNow(): Promise<void> {
    const next = await this.wantedTarget();
    const same =
      next !== null &&
      this.target !== null &&
      next.url === this.target.url &&
      next.botId === this.target.botId &&
      next.secret === this.target.secret;
    if (same) return;
    this.connection?.stop();
    this.connection = null;
    this.target = next;
    if (next) {
      const connection = new BotConnection({ ...next, language: this.ctx.language() });
      this.wire(connection);
      this.connection = connection;
      connection.start();
    }
    void this.publish();
  }

  private async wantedTarget(): Promise<Target | null> {
    const profile = this.ctx.profile();
    if (!profile) return null;
    const config = this.config(profile.id);
    if (!config?.hostHere || !config.botId) return null;
    const secret = await this.secretOf(profile.id);
    if (!secret) return null;
    const url = profile.kind === 'demo' ? this.demoUrl() : (process.env[BOT_URL_ENV] ?? DEFAULT_BOT_WS_URL);
    return url ? { url, botId: config.botId, secret } : null;
  }

  /** The Demo's bot is the embedded simulator's first bot. */
  private demoBot(): { botId: string; secret: string } {
    return botsFor(DEMO_SEED)[0]!;
  }

  private demoUrl(): string | null {
    const base = this.ctx.simulatorUrl();
    return base ? `${base.replace(/^http/, 'ws')}/aibot` : null;
  }

  private config(profileId: string): BotConfig | null {
    const stored = this.openStore()?.config(profileId) ?? null;
    if (stored) return stored;
    return this.ctx.profile()?.kind === 'demo' && this.ctx.profile()?.id === profileId
      ? { botId: this.demoBot().botId, hostHere: false }
      : null;
  }

  private async secretOf(profileId: string): Promise<string | null> {
    if (this.ctx.profile()?.kind === 'demo' && this.ctx.profile()?.id === profileId)
      return this.demoBot().secret;
    return this.ctx.vault.get(profileId, BOT_SECRET_ACCOUNT);
  }

  private openStore(): BotStore | null {
    if (this.store) return this.store;
    try {
      this.store = new BotStore(join(dirname(this.ctx.cache().path), 'bot.sqlite'));
    } catch (error) {
      this.ctx.log('warn', `bot store unavailable: ${String(error)}`);
      return null;
    }
    return this.store;
  }

  /** The answered count moves with every reply: tell the windows at most a few times a second. */
  private publishSoon(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      void this.publish();
    }, 300);
    this.publishTimer.unref?.();
  }

  private async publish(): Promise<void> {
    this.ctx.emit('bot.status', await this.status());
  }

  private wire(connection: BotConnection): void {
    connection.on('state', (s) => {
      if (connection !== this.connection) return;
      if (s.state === 'online' || s.state === 'taken_over' || s.state === 'auth_failed') {
        this.record({
          at: s.since,
          kind: 'state',
          direction: 'sys',
          userid: null,
          chatid: null,
          text: s.state,
        });
      }
      void this.publish();
    });
    connection.on('message', (message, ctx) => {
      void this.onMessage(connection, message, ctx).catch((e: unknown) =>
        this.ctx.log('warn', `bot reply failed: ${String(e)}`),
      );
    });
    connection.on('event', (event, ctx) => {
      void this.onEvent(connection, event, ctx).catch((e: unknown) =>
        this.ctx.log('warn', `bot event failed: ${String(e)}`),
      );
    });
    connection.on('error', (error) => this.ctx.log('debug', `bot: ${error.message}`));
  }

  private async onMessage(
    connection: BotConnection,
    message: BotMessage,
    ctx: InboundContext,
  ): Promise<void> {
    const text =
      message.msgtype === 'text'
        ? message.text.content
        : message.msgtype === 'voice'
          ? message.voice.content
          : `[${message.msgtype}]`;
    const chatid = message.chatid ?? null;
    this.record({
      at: this.ctx.now(),
      kind: 'message',
      direction: 'in',
      userid: message.from.userid,
      chatid,
      text,
    });
    const reply = await answer(
      intentOf(text),
      message.from.userid,
      this.data,
      this.ctx.now(),
      this.ctx.language(),
    );
    await connection.replyStream(ctx.reqId, { id: `ans-${ctx.reqId}`, content: reply, finish: true });
    this.answered++;
    this.publishSoon();
    this.record({
      at: this.ctx.now(),
      kind: 'reply',
      direction: 'out',
      userid: message.from.userid,
      chatid,
      text: reply,
    });
  }

  private async onEvent(connection: BotConnection, event: BotEvent, ctx: InboundContext): Promise<void> {
    const userid = event.from?.userid ?? null;
    const chatid = event.chatid ?? null;
    const type = event.event.eventtype;
    if (type === 'template_card_event') {
      const { eventKey, taskId } = cardEventKey(event);
      this.record({
        at: this.ctx.now(),
        kind: 'card',
        direction: 'in',
        userid,
        chatid,
        text: eventKey ?? '',
      });
      const click = parseCardKey(eventKey);
      const profile = this.ctx.profile();
      if (!click || !userid || !profile) return;
      this.openStore()?.sign(profile.id, click.livingid, userid, click.action, this.ctx.now());
      this.ctx.changed('watch');
      const live = this.ctx.cache().getLive(click.livingid)?.live;
      if (!live) return;
      await connection.updateCard(ctx.reqId, {
        response_type: 'update_template_card',
        userids: [userid],
        template_card: liveCard(
          toTraineeLive(live),
          taskId ?? `live_${click.livingid}`,
          this.ctx.language(),
          click.action,
        ),
      });
      return;
    }
    this.record({ at: this.ctx.now(), kind: 'event', direction: 'in', userid, chatid, text: type });
    if (type === 'enter_chat') {
      const welcome = await answer('help', userid ?? '', this.data, this.ctx.now(), this.ctx.language());
      await connection.replyWelcome(ctx.reqId, { msgtype: 'text', text: { content: welcome } });
    }
  }
}

/** The one BotHost of a services context. */
export const botHostOf = onePerContext((ctx) => new BotHost(ctx));
