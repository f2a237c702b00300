// Fixtures for the bot long-connection tests: the simulator (real sockets), a BotConnection on manual
// timers, and promises for the next state / message / event, so tests wait on what happens, not on time.
import { startSimulator } from '@wld/wecom-sim';
import type { SimServer } from '@wld/wecom-sim';
import { afterEach, beforeEach } from 'vitest';
import { BotConnection } from '../../src/bot/bot-connection.ts';
import type { BotConnectionOptions, InboundContext } from '../../src/bot/bot-connection.ts';
import type { BotConnectionState } from '../../src/bot/bot-state.ts';
import type { BotEvent, BotMessage } from '../../src/bot/frames.ts';
import { ManualTimers } from '../../src/bot/manual-timers.ts';

export interface BotFixture {
  sim: SimServer;
  timers: ManualTimers;
  /** A connection to the simulator's first bot; closed after the test. */
  bot(overrides?: Partial<BotConnectionOptions>): BotConnection;
}

/** One simulator per test; every bot made through fixture.bot() is stopped afterwards. */
export function useBotFixture(): BotFixture {
  const made: BotConnection[] = [];
  const fixture = {} as BotFixture;
  beforeEach(async () => {
    const sim = await startSimulator({ seed: 7, size: { users: 30, departments: 4, lives: 6 } });
    const timers = new ManualTimers();
    fixture.sim = sim;
    fixture.timers = timers;
    fixture.bot = (overrides = {}) => {
      const bot = new BotConnection({
        botId: sim.bots[0]!.botId,
        secret: sim.bots[0]!.secret,
        url: sim.aibotUrl,
        timers,
        random: () => 0,
        language: 'en-US',
        ...overrides,
      });
      made.push(bot);
      return bot;
    };
  });
  afterEach(async () => {
    for (const bot of made.splice(0)) bot.stop();
    await fixture.sim.close();
  });
  return fixture;
}

export function nextState(bot: BotConnection, state: BotConnectionState): Promise<void> {
  if (bot.status.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const off = bot.on('state', (status) => {
      if (status.state !== state) return;
      off();
      resolve();
    });
  });
}

export function nextMessage(bot: BotConnection): Promise<[BotMessage, InboundContext]> {
  return new Promise((resolve) => {
    const off = bot.on('message', (message, ctx) => {
      off();
      resolve([message, ctx]);
    });
  });
}

export function nextEvent(
  bot: BotConnection,
  type: BotEvent['event']['eventtype'],
): Promise<[BotEvent, InboundContext]> {
  return new Promise((resolve) => {
    const off = bot.on('event', (event, ctx) => {
      if (event.event.eventtype !== type) return;
      off();
      resolve([event, ctx]);
    });
  });
}

export function nextError(bot: BotConnection): Promise<Error> {
  return new Promise((resolve) => {
    const off = bot.on('error', (error) => {
      off();
      resolve(error);
    });
  });
}

/** Starts the bot and waits until it is subscribed. */
export async function online(bot: BotConnection): Promise<BotConnection> {
  bot.start();
  await bot.whenOnline();
  return bot;
}
