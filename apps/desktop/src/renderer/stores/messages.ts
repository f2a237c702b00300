// Messages screen state: the composer draft (kept while the user moves between screens), the picked
// recipients with WeCom's caps enforced as they are picked, and the result of the last send.
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract.ts';
import type { Recipients } from '../../shared/models.ts';

export type Msgtype = 'text' | 'markdown' | 'textcard' | 'image' | 'file';
export type RecipientKind = keyof Recipients;

/** message/send: touser ≤ 1000, toparty ≤ 100, totag ≤ 100. */
export const RECIPIENT_CAPS: Record<RecipientKind, number> = { userids: 1000, departmentIds: 100, tagIds: 100 };

export interface MediaDraft {
  mediaId: string;
  filename: string;
  size: number;
  /** ms; WeCom keeps a media_id for 3 days */
  uploadedAt: number;
}

export interface TextcardDraft {
  title: string;
  description: string;
  url: string;
  btntxt: string;
}

export interface ComposerDraft {
  msgtype: Msgtype;
  text: string;
  markdown: string;
  card: TextcardDraft;
  image: MediaDraft | null;
  file: MediaDraft | null;
}

export type SendOutcome = MethodOutput<'messages.send'>;

export interface MessagesState {
  tab: 'compose' | 'history' | 'appchat';
  draft: ComposerDraft;
  recipients: Recipients;
  /** Display names of picked users and tags, so chips read as names, not ids. */
  labels: Record<string, string>;
  lastResult: SendOutcome | null;
}

export interface PickResult {
  /** How many of the requested ids were kept. */
  kept: number;
  /** How many were dropped because the cap was reached. */
  dropped: number;
}

export interface MessagesActions {
  setTab(tab: MessagesState['tab']): void;
  patchDraft(patch: Partial<ComposerDraft>): void;
  setMsgtype(msgtype: Msgtype): void;
  setText(text: string): void;
  setMarkdown(markdown: string): void;
  setCard(patch: Partial<TextcardDraft>): void;
  setMedia(kind: 'image' | 'file', media: MediaDraft | null): void;
  /** Replaces one kind of recipients, keeping at most its cap (first picked first kept). */
  setRecipients(kind: RecipientKind, ids: readonly (string | number)[]): PickResult;
  addRecipients(kind: RecipientKind, ids: readonly (string | number)[]): PickResult;
  removeRecipient(kind: RecipientKind, id: string | number): void;
  clearRecipients(): void;
  /** The names of people a picker found, for the lists that show a picked id (owner, sent-to). */
  rememberUserNames(users: ReadonlyArray<{ userid: string; name: string }>): void;
  setLastResult(result: SendOutcome | null): void;
  /** After a successful send: empty the content, keep the type and the recipients. */
  clearContent(): void;
}

export const emptyDraft = (): ComposerDraft => ({
  msgtype: 'text',
  text: '',
  markdown: '',
  card: { title: '', description: '', url: '', btntxt: '' },
  image: null,
  file: null,
});

export const emptyRecipients = (): Recipients => ({ userids: [], departmentIds: [], tagIds: [] });

/** Keeps distinct ids in pick order up to the kind's cap. */
export function capRecipients(kind: RecipientKind, ids: readonly (string | number)[]): { ids: (string | number)[] } & PickResult {
  const distinct = [...new Set(ids)];
  const cap = RECIPIENT_CAPS[kind];
  const kept = distinct.slice(0, cap);
  return { ids: kept, kept: kept.length, dropped: distinct.length - kept.length };
}

function withIds(recipients: Recipients, kind: RecipientKind, ids: (string | number)[]): Recipients {
  if (kind === 'userids') return { ...recipients, userids: ids.map(String) };
  return { ...recipients, [kind]: ids.map(Number) };
}

export const useMessagesStore = create<MessagesState & MessagesActions>()((set, get) => ({
  tab: 'compose',
  draft: emptyDraft(),
  recipients: emptyRecipients(),
  labels: {},
  lastResult: null,
  setTab: (tab) => set({ tab }),
  patchDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  setMsgtype: (msgtype) => set((s) => ({ draft: { ...s.draft, msgtype } })),
  setText: (text) => set((s) => ({ draft: { ...s.draft, text } })),
  setMarkdown: (markdown) => set((s) => ({ draft: { ...s.draft, markdown } })),
  setCard: (patch) => set((s) => ({ draft: { ...s.draft, card: { ...s.draft.card, ...patch } } })),
  setMedia: (kind, media) => set((s) => ({ draft: { ...s.draft, [kind]: media } })),
  setRecipients: (kind, ids) => {
    const capped = capRecipients(kind, ids);
    set((s) => ({ recipients: withIds(s.recipients, kind, capped.ids) }));
    return { kept: capped.kept, dropped: capped.dropped };
  },
  addRecipients: (kind, ids) => {
    const current: (string | number)[] = get().recipients[kind];
    const before = current.length;
    const capped = capRecipients(kind, [...current, ...ids]);
    set((s) => ({ recipients: withIds(s.recipients, kind, capped.ids) }));
    return { kept: capped.kept - before, dropped: capped.dropped };
  },
  removeRecipient: (kind, id) =>
    set((s) => {
      const rest = (s.recipients[kind] as (string | number)[]).filter((x) => String(x) !== String(id));
      return { recipients: withIds(s.recipients, kind, rest) };
    }),
  clearRecipients: () => set({ recipients: emptyRecipients() }),
  // the labels change only when a name is new: every search answer comes here, and a new object
  // would render every picker and table that reads them again
  rememberUserNames: (users) =>
    set((s) => {
      const fresh = users.filter((u) => s.labels[`user:${u.userid}`] !== u.name);
      return fresh.length === 0 ? s : { labels: { ...s.labels, ...Object.fromEntries(fresh.map((u) => [`user:${u.userid}`, u.name])) } };
    }),
  setLastResult: (lastResult) => set({ lastResult }),
  clearContent: () =>
    set((s) => ({ draft: { ...emptyDraft(), msgtype: s.draft.msgtype } })),
}));
