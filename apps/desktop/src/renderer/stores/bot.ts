// The AI bot's status for the header badge and the settings: fetched once, then kept by 'bot.status'.
import { create } from 'zustand';
import type { BotStatusView } from '../../shared/bot-contract.ts';
import { api } from '../api/client.ts';

export interface BotStore {
  status: BotStatusView | null;
  load(): Promise<void>;
  receive(status: BotStatusView): void;
}

export const useBotStore = create<BotStore>()((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await api.call('bot.status', {}) });
    } catch {
      // The badge stays hidden until the services answer.
    }
  },
  receive: (status) => set({ status }),
}));

let listening = false;

/** Starts following the bot's status (once per window). */
export function followBotStatus(): void {
  if (listening) return;
  listening = true;
  api.on('bot.status', (status) => useBotStore.getState().receive(status));
  void useBotStore.getState().load();
}
