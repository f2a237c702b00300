// The states of the bot's long connection, with what to tell a person about each.
import type { LocalizedText } from '../errors/errors.ts';

export type BotConnectionState =
  | 'idle'
  | 'connecting'
  | 'subscribing'
  | 'online'
  | 'reconnecting'
  /** WeCom's one-connection rule: another connection (another PC) took the bot; no reconnect. */
  | 'taken_over'
  /** The BotID or Secret was refused; no reconnect until the settings change. */
  | 'auth_failed'
  | 'stopped';

export interface BotStatus {
  state: BotConnectionState;
  since: number;
  /** Reconnect attempts since the last successful subscribe. */
  attempt: number;
  /** When the next reconnect is due (state 'reconnecting'). */
  nextRetryAt: number | null;
  /** The error that led here, as JSON (code, messages), or null. */
  lastError: { code: string; messages: LocalizedText } | null;
}

export const BOT_STATE_TEXT: Record<BotConnectionState, LocalizedText> = {
  idle: { zh: '未连接', en: 'Not connected' },
  connecting: { zh: '正在连接', en: 'Connecting' },
  subscribing: { zh: '正在订阅', en: 'Subscribing' },
  online: { zh: '在线', en: 'Online' },
  reconnecting: { zh: '正在重连', en: 'Reconnecting' },
  taken_over: { zh: '另一台电脑接管了此机器人', en: 'Another PC took over this bot' },
  auth_failed: { zh: 'BotID 或 Secret 不正确', en: 'BotID or Secret refused' },
  stopped: { zh: '已停止', en: 'Stopped' },
};

/** States the connection does not leave by itself. */
export function isTerminal(state: BotConnectionState): boolean {
  return state === 'taken_over' || state === 'auth_failed' || state === 'stopped' || state === 'idle';
}
