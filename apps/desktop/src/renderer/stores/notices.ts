// Which notice the app is asking about: after a live is changed or cancelled (or from its page), the
// notice dialog previews the message and asks before anything is sent.
import { create } from 'zustand';
import type { NoticeKind } from '../../shared/notice-models.ts';

export interface NoticeRequest {
  livingid: string;
  kind: NoticeKind;
  /** true when the admin opened it on purpose: shown even when nobody would get it */
  explicit: boolean;
}

export interface NoticeState {
  request: NoticeRequest | null;
}

export interface NoticeActions {
  ask(livingid: string, kind: NoticeKind, explicit?: boolean): void;
  close(): void;
}

export const useNoticeStore = create<NoticeState & NoticeActions>()((set) => ({
  request: null,
  ask: (livingid, kind, explicit = false) => set({ request: { livingid, kind, explicit } }),
  close: () => set({ request: null }),
}));
