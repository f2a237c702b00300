// The AI bot's status for the header badge and the settings: asked once, then kept current by the
// 'bot.status' events (the query cache takes them, see followChangedTopics).
import type { BotStatusView } from '../../shared/bot-contract.ts';
import { useServiceQuery } from './useServiceQuery.ts';

export function useBotStatus(): BotStatusView | null {
  // Until the services answer, the badge stays hidden.
  return useServiceQuery('bot.status', {}).data ?? null;
}
