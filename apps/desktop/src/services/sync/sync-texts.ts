// What a sync job says while it works (why it waits, why it retries) and when it gives up: a note
// code with params the renderer words (common: sync.note.*; errors: RESPONSE_SHAPE,
// SYNC_RETRIES_SPENT), and plain English for logs and tests.
export interface NoteText {
  params: Record<string, string | number>;
  en: string;
}

/** The end of a wait in local time (HH:MM:SS), with the local date when it is not on `now`'s day. */
const clock = (at: number, now: number): string => {
  const date = new Date(at);
  const time = date.toTimeString().slice(0, 8);
  if (date.toDateString() === new Date(now).toDateString()) return time;
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${day} ${time}`;
};

export const syncTexts = {
  waitRateLimit: (until: number, now: number, errcode: number | null, endpoint?: string): NoteText => ({
    params: { ...(errcode ? { errcode } : {}), ...(endpoint ? { endpoint } : {}) },
    en: `WeCom rate limit${errcode ? ` (${errcode})` : ''}${endpoint ? ` on ${endpoint}` : ''}: waiting until ${clock(until, now)}, then continuing`,
  }),
  waitTokenStorm: (until: number, now: number, errcode: number): NoteText => ({
    params: { errcode },
    en: `WeCom keeps refusing the access token (${errcode}): waiting until ${clock(until, now)}, then retrying`,
  }),
  retrying: (unit: string, code: string): NoteText => ({
    params: { unit, code },
    en: `${unit} failed for now (${code}); retrying`,
  }),
  badShape: (endpoint: string, field: string, attempts: number): string =>
    `WeCom's answer from ${endpoint} has an unexpected shape (field ${field}), still after ${attempts} attempts`,
  budgetSpent: (unit: string, retries: number): string => `${unit} did not complete within this sync's ${retries} retries`,
} as const;
