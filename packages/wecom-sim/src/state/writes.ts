// What the API's writes made of a simulator's state: the lives created or changed, the messages, the
// app group chats and their messages, the schedules. A simulator started again over the same seed
// regenerates everything else, so these are what a long-lived simulator (the app's Demo) keeps from
// one start to the next: exportWrites() → a file → parseSimWrites() → startSimulator({ writes }).
import { z } from 'zod';
import type { SimStore } from './store.ts';

const WRITES_VERSION = 1;

const int = z.number().int();
const strings = z.array(z.string());

const live = z.object({
  livingid: z.string().min(1),
  theme: z.string(),
  description: z.string(),
  anchor_userid: z.string().min(1),
  type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  living_start: int,
  living_duration: int,
  reserve_start: int,
  reserve_living_duration: int,
  remind_time: int,
  open_replay: z.union([z.literal(0), z.literal(1)]),
  replay: z.enum(['ready', 'deleted', 'failed']),
  cancelled: z.boolean(),
  neverStarted: z.boolean(),
  creatorAgentId: int,
  subscribe_count: int,
  viewerTarget: int,
  internalShare: z.number().min(0).max(1),
  activity_cover_mediaid: z.string(),
  activity_share_mediaid: z.string(),
  activity_detail: z.object({ description: z.string().optional(), image_list: strings.optional() }).nullable(),
  createdAt: z.number(),
});

const message = z.object({
  msgid: z.string().min(1),
  agentid: int,
  msgtype: z.string(),
  body: z.record(z.string(), z.unknown()),
  recipients: strings,
  invaliduser: strings,
  invalidparty: strings,
  invalidtag: strings,
  unlicenseduser: strings,
  sentAt: z.number(),
  recalledAt: z.number().nullable(),
});

const appchat = z.object({
  chatid: z.string().min(1),
  name: z.string(),
  owner: z.string(),
  userlist: strings,
  creatorAgentId: int,
  createdAt: z.number(),
});

const appchatMessage = z.object({
  chatid: z.string().min(1),
  agentid: int,
  msgtype: z.string(),
  body: z.record(z.string(), z.unknown()),
  sentAt: z.number(),
});

const schedule = z.object({
  schedule_id: z.string().min(1),
  creatorAgentId: int,
  calId: z.string(),
  summary: z.string(),
  description: z.string(),
  location: z.string(),
  admins: strings,
  attendees: strings,
  startTime: int,
  endTime: int,
  isWholeDay: int,
  reminders: z.object({ is_remind: int.optional(), remind_before_event_secs: int.optional(), is_repeat: int.optional() }),
  status: z.union([z.literal(0), z.literal(1)]),
  createdAt: z.number(),
});

const writesSchema = z.object({
  version: z.literal(WRITES_VERSION),
  /** the seed of the simulator that made them: another seed's corp has other people */
  seed: int,
  lives: z.array(live),
  messages: z.array(message),
  appchats: z.array(appchat),
  appchatMessages: z.array(appchatMessage),
  schedules: z.array(schedule),
});

export type SimWrites = z.infer<typeof writesSchema>;

/** A saved SimWrites checked field by field; `error` says what is wrong with it, in a sentence. */
export function parseSimWrites(data: unknown): { writes: SimWrites } | { error: string } {
  const parsed = writesSchema.safeParse(data);
  if (parsed.success) return { writes: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the file';
  return { error: `not a simulator's saved writes (version ${WRITES_VERSION}): ${where}: ${issue?.message ?? 'invalid'}` };
}

export function exportWrites(store: SimStore): SimWrites {
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    version: WRITES_VERSION,
    seed: store.seed,
    lives: [...store.writtenLives].flatMap((id) => {
      const found = store.lives.get(id);
      return found ? [copy(found)] : [];
    }),
    messages: store.messages.map(copy),
    appchats: [...store.appchats.values()].map(copy),
    appchatMessages: store.appchatMessages.map(copy),
    schedules: [...store.schedules.values()].map(copy),
  };
}

/**
 * Puts saved writes back over a freshly generated state: a changed generated live takes its saved
 * record, a created one is added. Refuses writes of another seed (another corp's people).
 */
export function importWrites(store: SimStore, writes: SimWrites): void {
  if (writes.seed !== store.seed)
    throw new Error(`the saved writes are of the simulator with seed ${writes.seed}, not ${store.seed}`);
  for (const saved of writes.lives) {
    const generated = store.lives.get(saved.livingid);
    if (generated && generated.anchor_userid.toLowerCase() === saved.anchor_userid.toLowerCase()) {
      Object.assign(generated, saved);
      store.resortLives(generated.anchor_userid);
    } else if (!generated) store.addLive({ ...saved });
    else continue;
    store.writtenLives.add(saved.livingid);
  }
  for (const saved of writes.messages) if (!store.findMessage(saved.msgid)) store.addMessage({ ...saved });
  for (const saved of writes.appchats) store.appchats.set(saved.chatid, { ...saved });
  // one by one: a spread of a long list would pass it as that many call arguments (a RangeError past ~100k)
  for (const saved of writes.appchatMessages) store.appchatMessages.push({ ...saved });
  for (const saved of writes.schedules) store.schedules.set(saved.schedule_id, { ...saved });
}
