// The typed contract between the renderer and the services process (over a MessagePort) and the
// few calls main answers itself (over ipcRenderer.invoke through the preload).
// One entry per method: a zod input and output schema. Every input is validated on arrival.
import { z } from 'zod';
import { LIVE_LIMITS } from './live-limits.ts';
import { APPCHAT_LIMITS, CHATID_PATTERN, LIVING_LIMITS, MEDIA_LIMITS } from '@wld/wecom-core/rules';
import {
  appChatSchema,
  audienceSchema,
  connectionStateSchema,
  departmentGroupFields,
  departmentLevelSchema,
  departmentSchema,
  freshness,
  liveSchema,
  liveStatusSchema,
  liveTypeSchema,
  messageBodySchema,
  recipientsSchema,
  sendResultSchema,
  sentMessageSchema,
  serviceErrorSchema,
  syncNoteSchema,
  syncProgressSchema,
  syncScopeSchema,
  tagSchema,
  unixSeconds,
  userSchema,
  userStatusSchema,
  watchRowSchema,
} from './models.ts';
import { botContract, botEvents } from './bot-contract.ts';
import {
  MAX_LEARNER_ENTRY_CHARS,
  MAX_REQUIRED_USERIDS,
  importMatchSchema,
  learnerReportQuerySchema,
  learnerReportSchema,
  liveTrainingSchema,
  repeatResultSchema,
  requiredLearnersSchema,
  seriesDetailSchema,
  seriesSuggestionSchema,
  seriesSummarySchema,
  thresholdSchema,
} from './training.ts';
import { calendarStateSchema, noticeKindSchema, noticeRecordSchema, reminderKindSchema } from './notice-models.ts';
import { appNameSchema, CONTACTS_SECRET_NAME, profileSchema, settingsSchema } from './settings.ts';
import {
  corpIdSchema,
  httpUrlSchema,
  mimeTypeSchema,
  multiLine,
  opaqueId,
  profileIdSchema,
  singleLine,
  useridSchema,
  utf8Bytes,
} from './text-rules.ts';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const rowCounts = z.record(z.string(), z.number().int());
const clearReportSchema = z.object({ cleared: rowCounts, kept: rowCounts });
const livingid = opaqueId(128);
const chatid = z.string().regex(CHATID_PATTERN, 'chatid: 1–32 letters and digits');
/** A secret's keychain name: one of the profile's apps, or the contacts-sync secret. */
const secretName = z.union([z.literal(CONTACTS_SECRET_NAME), appNameSchema()]);
/** Ranges read from `from` to `to`: the other way round is a mistake, said so. */
const orderedRange = (range: { from: number | null; to: number | null }) => range.from === null || range.to === null || range.to >= range.from;
const RANGE_MESSAGE = { message: '"to" is before "from"', path: ['to'] };
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };


export { LIVE_LIMITS } from './live-limits.ts';

/** A live's fields as create and modify take them, without defaults. */
const liveFields = {
  anchorUserid: useridSchema,
  theme: singleLine(LIVING_LIMITS.themeChars)
    .trim()
    .min(1, 'theme is required')
    .refine((text) => utf8Bytes(text) <= LIVING_LIMITS.themeBytes, `theme: at most ${LIVING_LIMITS.themeBytes} bytes`),
  livingStart: unixSeconds,
  livingDuration: z.number().int().min(LIVE_LIMITS.minDurationSeconds).max(LIVE_LIMITS.maxDurationSeconds),
  type: liveTypeSchema,
  description: multiLine(LIVING_LIMITS.descriptionChars).refine(
    (text) => utf8Bytes(text) <= LIVING_LIMITS.descriptionBytes,
    `description: at most ${LIVING_LIMITS.descriptionBytes} bytes`,
  ),
  /** Seconds before the start when WeCom reminds subscribers; 0 = none. */
  remindTime: z.number().int().min(0).max(7 * 86_400),
};

export const liveDraftSchema = z.object({
  ...liveFields,
  type: liveFields.type.default(0),
  description: liveFields.description.default(''),
  remindTime: liveFields.remindTime.default(0),
});
/**
 * A modify names only what it changes: a field left out keeps WeCom's value. No defaults here (a
 * default would send, e.g., "no reminder" for a live whose reminder WeCom never told us).
 */
const liveChangesSchema = z.object(liveFields).partial();
export type LiveDraft = z.infer<typeof liveDraftSchema>;

const mediaId = opaqueId(256);
/**
 * An activity live's (活动直播, type 4) page: cover and share images and a detail text with up to five
 * images, all as media ids from `media.upload` (WeCom keeps them 3 days: upload, then create).
 * WeCom accepts them at creation only.
 */
export const liveActivitySchema = z.object({
  coverMediaId: mediaId.nullable().default(null),
  shareMediaId: mediaId.nullable().default(null),
  /** WeCom documents no limit; kept to a page. */
  description: multiLine(1000).default(''),
  imageMediaIds: z.array(mediaId).max(LIVING_LIMITS.activityImages, `at most ${LIVING_LIMITS.activityImages} images`).default([]),
});
export type LiveActivity = z.infer<typeof liveActivitySchema>;

/** A page of the lives list: its rows sorted by start, length or viewers (newest, longest, most first when desc). */
export const livesPageSchema = z.object({
  offset: z.number().int().min(0).max(1_000_000),
  limit: z.number().int().min(1).max(200),
  sort: z.enum(['start', 'duration', 'viewers']),
  desc: z.boolean(),
});
export type LivesPage = z.infer<typeof livesPageSchema>;

/** A reminder by hand after a live: absent, required learners with no watch time; incomplete, also those
 * short of the completion rule (the after-end reminder's people and words). */
const handReminderInput = z.object({
  livingid,
  message: multiLine(500).optional(),
  who: z.enum(['absent', 'incomplete']).default('absent'),
});

export const servicesContract = {
  // ─── connection, sync, app ─────────────────────────────────────────────
  'connection.state': method(empty, connectionStateSchema),
  /** Try WeCom again now (after offline); resolves with the new state. */
  'connection.reconnect': method(empty, connectionStateSchema),
  /** Test credentials without saving them (settings screen). The secret is used once, never stored. */
  'connection.test': method(
    z.object({
      corpId: corpIdSchema,
      agentId: z.number().int().positive().max(2 ** 31 - 1),
      secret: singleLine(256).min(1),
      baseUrl: z.union([z.literal(''), httpUrlSchema]).optional(),
    }),
    z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.optional(serviceErrorSchema), errcode: z.number().int().optional() }),
  ),
  'sync.start': method(z.object({ scope: syncScopeSchema }), z.object({ jobId: z.string() })),
  'sync.cancel': method(z.object({ jobId: opaqueId(128) }), ok),
  'sync.status': method(
    empty,
    z.object({
      jobs: z.array(syncProgressSchema),
      lastSync: z.record(z.string(), z.number().nullable()),
    }),
  ),

  // ─── secrets (keychain; write-only from the renderer's side) ───────────
  'secrets.set': method(
    z.object({ profileId: profileIdSchema, app: secretName, secret: singleLine(256).min(1) }),
    z.object({ ok: z.literal(true), storage: z.enum(['keychain', 'encrypted-file', 'session']) }),
  ),
  /** A network credential (a gateway header's value, the proxy's user:password) into the keychain. */
  'secrets.setNetwork': method(
    z.object({
      account: z.union([z.literal('proxy-auth'), z.string().regex(/^header:[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, 'header: a token')]),
      secret: singleLine(1024).min(1),
    }),
    z.object({ ok: z.literal(true), storage: z.enum(['keychain', 'encrypted-file', 'session']) }),
  ),
  'secrets.status': method(
    z.object({ profileId: profileIdSchema }),
    z.object({
      /** Secrets survive a restart (the keychain, or the encrypted file). */
      keychainAvailable: z.boolean(),
      /** Why the system keychain is not used; null when it is. */
      reason: z.string().nullable(),
      /** Where secrets are kept: the keychain, an encrypted file (safeStorage), or memory only. */
      store: z.enum(['keychain', 'encrypted-file', 'memory']),
      /** The encrypted file's path, when that is the store. */
      location: z.string().nullable(),
      apps: z.record(z.string(), z.boolean()),
      /** Where each secret is kept: system keychain, this session only (lost when the app quits), the Demo's simulator, or missing. */
      storage: z.record(z.string(), z.enum(['keychain', 'encrypted-file', 'session', 'simulator', 'missing'])),
      /**
       * Network credentials found in plain text in the settings file at this start (an older
       * version's): moved to the keychain, or kept in the file (with why). Absent: there were none.
       */
      network: z.object({ state: z.enum(['moved', 'kept']), count: z.number().int(), reason: z.string().nullable() }).optional(),
    }),
  ),
  'secrets.delete': method(z.object({ profileId: profileIdSchema, app: secretName }), ok),

  // ─── organisation ───────────────────────────────────────────────────────
  'org.departments': method(empty, z.object({ ...freshness, departments: z.array(departmentSchema) })),
  'users.search': method(
    z.object({
      query: z.string().max(100).default(''),
      departmentId: z.number().int().nullable().default(null),
      /** include users of sub-departments too */
      recursive: z.boolean().default(true),
      status: userStatusSchema.nullable().default(null),
      sort: z.enum(['name', 'userid', 'position', 'status']).default('name'),
      desc: z.boolean().default(false),
      ...page,
    }),
    z.object({ ...freshness, total: z.number().int(), rows: z.array(userSchema) }),
  ),
  'users.get': method(
    z.object({ userid: useridSchema }),
    z.object({
      ...freshness,
      user: userSchema,
      departmentNames: z.array(z.string()),
      tags: z.array(tagSchema),
      watched: z.array(
        z.object({ livingid: z.string(), theme: z.string(), livingStart: unixSeconds, watchTime: z.number().int() }),
      ),
    }),
  ),
  /** The cached users among `userids`, in that order (the names of people already picked). */
  'users.byIds': method(z.object({ userids: z.array(useridSchema).max(1000) }), z.object({ users: z.array(userSchema) })),
  'tags.list': method(empty, z.object({ ...freshness, tags: z.array(tagSchema) })),
  'tags.members': method(
    z.object({ tagid: z.number().int() }),
    z.object({ ...freshness, users: z.array(userSchema), departmentIds: z.array(z.number().int()) }),
  ),

  // ─── lives ──────────────────────────────────────────────────────────────
  'lives.list': method(
    z.object({
      from: unixSeconds.nullable().default(null),
      to: unixSeconds.nullable().default(null),
      status: z.array(liveStatusSchema).default([]),
      anchorUserid: useridSchema.nullable().default(null),
      type: liveTypeSchema.nullable().default(null),
      query: z.string().max(100).default(''),
      /** one page of the list, sorted (the list view); none: every live that matches (calendars, pickers) */
      page: livesPageSchema.optional(),
    }).refine(orderedRange, RANGE_MESSAGE),
    /** total: every live that matches; `lives` holds the page when one was asked for */
    z.object({ ...freshness, total: z.number().int(), lives: z.array(liveSchema) }),
  ),
  'lives.get': method(
    z.object({ livingid }),
    z.object({
      ...freshness,
      live: liveSchema,
      audience: audienceSchema.nullable(),
      /** The host department's full path ("总公司 / 研发中心"); null when unknown. */
      mainDepartmentPath: z.string().nullable(),
    }),
  ),
  'lives.create': method(
    liveDraftSchema.extend({
      audience: audienceSchema.nullable().default(null),
      /** activity lives (type 4) only */
      activity: liveActivitySchema.nullable().default(null),
    }).refine((draft) => draft.activity === null || draft.type === 4, {
      message: 'activity fields (cover, share image, detail) are for activity lives (type 4) only',
      path: ['activity'],
    }),
    z.object({ livingid: z.string() }),
  ),
  'lives.modify': method(
    liveChangesSchema.extend({ livingid, audience: audienceSchema.nullable().optional() }),
    z.object({ live: liveSchema }),
  ),
  'lives.cancel': method(z.object({ livingid }), ok),
  'lives.deleteReplay': method(z.object({ livingid }), ok),
  /**
   * How far the sweep that finds lives member by member has come (WeCom lists lives per member):
   * members 0 before the first lives sync; rounds 0 until every active member was asked once.
   */
  'lives.discovery': method(
    empty,
    z.object({
      members: z.number().int().min(0),
      asked: z.number().int().min(0),
      rounds: z.number().int().min(0),
      /** members the sweep may ask per hour */
      perHour: z.number().int().min(0),
      lastSweepAt: z.number().nullable(),
    }),
  ),
  /** Lives that are live now or start within the next hours, with their online counts. */
  'lives.now': method(
    z.object({ horizonHours: z.number().int().min(1).max(72).default(24) }),
    z.object({ ...freshness, live: z.array(liveSchema), upcoming: z.array(liveSchema) }),
  ),
  'lives.watchStats': method(
    z.object({
      livingid,
      kind: z.enum(['all', 'internal', 'external']).default('all'),
      sort: z.enum(['watchTime', 'name', 'department']).default('watchTime'),
      desc: z.boolean().default(true),
      ...page,
    }),
    z.object({ ...freshness, total: z.number().int(), complete: z.boolean(), rows: z.array(watchRowSchema) }),
  ),
  /** Aggregates for one live's charts: distribution, completion, by department, attendance. */
  'lives.analytics': method(
    z.object({ livingid, level: departmentLevelSchema.default(null) }),
    z.object({
      ...freshness,
      viewers: z.object({ internal: z.number().int(), external: z.number().int() }),
      totalWatchSeconds: z.number().int(),
      averageWatchSeconds: z.number(),
      /** watch-time buckets: label like '0–5 min', count */
      distribution: z.array(z.object({ label: z.string(), fromSeconds: z.number(), count: z.number().int() })),
      /** completion = watch_time / living_duration, in 10% buckets */
      completion: z.array(z.object({ label: z.string(), fromRatio: z.number(), count: z.number().int() })),
      byDepartment: z.array(
        z.object({
          departmentId: z.number().int(),
          name: z.string(),
          ...departmentGroupFields,
          viewers: z.number().int(),
          watchSeconds: z.number().int(),
          averageCompletion: z.number(),
        }),
      ),
      attendance: z
        .object({ audience: z.number().int(), attended: z.number().int(), absent: z.number().int() })
        .nullable(),
      commenters: z.number().int(),
      micUsers: z.number().int(),
    }),
  ),
  'lives.absentees': method(
    z.object({ livingid, level: departmentLevelSchema.default(null) }),
    z.object({
      ...freshness,
      byDepartment: z.array(
        z.object({ departmentId: z.number().int(), name: z.string(), ...departmentGroupFields, users: z.array(userSchema) }),
      ),
      total: z.number().int(),
    }),
  ),
  /** What a reminder by hand would send and to how many people; nothing is sent. */
  'lives.remindPreview': method(
    handReminderInput,
    /** repeatOf: this very message went to every one of them at sentAt, within WeCom's duplicate window (sending it before `until` would reach nobody) */
    z.object({ body: messageBodySchema, recipientCount: z.number().int(), repeatOf: z.object({ sentAt: z.number(), until: z.number() }).nullable() }),
  ),
  'lives.remindAbsentees': method(
    handReminderInput,
    /** recipients: the absentees it reached (WeCom names the others: invalid, unlicensed) */
    sendResultSchema.extend({ recipients: z.number().int() }),
  ),

  // ─── statistics across lives ────────────────────────────────────────────
  'stats.home': method(
    empty,
    z.object({
      ...freshness,
      liveNow: z.array(liveSchema),
      next: z.array(liveSchema),
      last30Days: z.object({
        lives: z.number().int(),
        viewers: z.number().int(),
        watchHours: z.number(),
        /** null while no held live's watch statistics are synced (unknown, not 0%) */
        averageCompletion: z.number().nullable(),
      }),
      lastSync: z.record(z.string(), z.number().nullable()),
    }),
  ),
  'stats.overview': method(
    z.object({
      from: unixSeconds,
      to: unixSeconds,
      anchorUserid: useridSchema.nullable().default(null),
      type: liveTypeSchema.nullable().default(null),
      departmentId: z.number().int().nullable().default(null),
      /** Whose department `departmentId` is: the live's host (main_department) or its viewers'. */
      departmentBy: z.enum(['host', 'audience']).default('host'),
      /** The level completion by department is grouped at. */
      level: departmentLevelSchema.default(1),
    }).refine(orderedRange, RANGE_MESSAGE),
    z.object({
      ...freshness,
      /** Per local day (each day of the range while it spans at most three years; else the days with lives). */
      trend: z.array(z.object({ day: unixSeconds, lives: z.number().int(), viewers: z.number().int(), watchHours: z.number() })),
      completionByDepartment: z.array(
        z.object({
          departmentId: z.number().int(),
          name: z.string(),
          ...departmentGroupFields,
          averageCompletion: z.number(),
          viewers: z.number().int(),
        }),
      ),
      share: z.object({ internal: z.number().int(), external: z.number().int() }),
      topLives: z.array(
        z.object({
          livingid: z.string(),
          theme: z.string(),
          livingStart: unixSeconds,
          viewers: z.number().int(),
          /** null while the live's watch statistics are not synced */
          watchHours: z.number().nullable(),
        }),
      ),
      totals: z.object({ lives: z.number().int(), viewers: z.number().int(), watchHours: z.number() }),
      /**
       * Lives of the range whose watch statistics are not synced yet. By host (`counted`), they count
       * with living_info's viewer number (`viewers` of them, in the totals, the trend and the top
       * lives; not in the share or the completion); by audience they cannot count (their viewers'
       * departments are unknown) and `viewers` is 0.
       */
      unsynced: z.object({ lives: z.number().int(), viewers: z.number().int(), counted: z.boolean() }),
    }),
  ),

  // ─── training: required learners, completion rules, series, learner reports ─────
  /** A live's required learners with their status (完成 / 部分观看 / 未参加) under its completion rule. */
  'training.live': method(z.object({ livingid, level: departmentLevelSchema.default(null) }), liveTrainingSchema),
  /** Sets (null: removes) the required learners of a live, synced, created here or ended. */
  'training.setRequired': method(z.object({ livingid, required: requiredLearnersSchema.nullable() }), ok),
  /** Sets (null: removes) a live's own completion threshold. */
  'training.setLiveRule': method(z.object({ livingid, threshold: thresholdSchema.nullable() }), ok),
  /** Matches an imported list (userids or names) against the organisation; says what did not match. */
  'training.matchLearners': method(z.object({ entries: z.array(z.string().max(MAX_LEARNER_ENTRY_CHARS)).max(MAX_REQUIRED_USERIDS) }), importMatchSchema),
  'training.seriesList': method(empty, z.object({ series: z.array(seriesSummarySchema) })),
  /** A series with its lives and each required learner's completion across them (optionally in a period). */
  'training.seriesGet': method(
    z.object({ id: z.number().int(), from: unixSeconds.nullable().default(null), to: unixSeconds.nullable().default(null) }).refine(orderedRange, RANGE_MESSAGE),
    seriesDetailSchema,
  ),
  /** Creates (no id) or updates a series. */
  'training.seriesSave': method(
    z.object({
      id: z.number().int().nullable().default(null),
      name: singleLine(100).trim().min(1),
      threshold: thresholdSchema.nullable().default(null),
      required: requiredLearnersSchema.nullable().default(null),
      livingids: z.array(livingid).max(500).optional(),
    }),
    z.object({ id: z.number().int() }),
  ),
  /** Removes a series record (its lives stay as they are). */
  'training.seriesDelete': method(z.object({ id: z.number().int() }), ok),
  'training.seriesSetLives': method(
    z.object({ id: z.number().int(), add: z.array(livingid).max(500).default([]), remove: z.array(livingid).max(500).default([]) }),
    ok,
  ),
  /** Lives that look like one series (themes such as 新员工入职培训（第N期）) and are in none yet. */
  'training.seriesSuggestions': method(empty, z.object({ suggestions: z.array(seriesSuggestionSchema) })),
  /** Creates the next lives of a live, weekly or monthly: each create is sent once, in order; stops at the first failure. */
  'training.repeatLive': method(
    z.object({ livingid, every: z.enum(['week', 'month']), count: z.number().int().min(1).max(12), seriesId: z.number().int().nullable().default(null) }),
    repeatResultSchema,
  ),
  /** Who was required, attended and completed, for a period, a series, a department or a person. */
  'training.report': method(learnerReportQuerySchema.refine((q) => q.to >= q.from, RANGE_MESSAGE), learnerReportSchema),

  // ─── messages, media, app group chats ──────────────────────────────────
  'media.upload': method(
    z.object({
      type: z.enum(['image', 'file']),
      filename: singleLine(200)
        .min(1)
        .refine((name) => !/[/\\]/.test(name), 'a file name may not contain / or \\'),
      contentType: mimeTypeSchema,
      data: z.instanceof(Uint8Array),
    }).refine((upload) => upload.data.byteLength <= MEDIA_LIMITS[upload.type], {
      message: `too large: images up to ${MEDIA_LIMITS.image / 1024 / 1024} MB, files up to ${MEDIA_LIMITS.file / 1024 / 1024} MB`,
      path: ['data'],
    }),
    z.object({ mediaId: z.string(), createdAt: unixSeconds }),
  ),
  'messages.send': method(
    z.object({ recipients: recipientsSchema, body: messageBodySchema }),
    sendResultSchema.extend({ id: z.number().int() }),
  ),
  /** How many people a send reaches (departments with sub-departments, tags, people), from the cache. */
  'messages.reach': method(z.object({ recipients: recipientsSchema }), z.object({ ...freshness, count: z.number().int() })),
  'messages.history': method(
    z.object({ ...page }),
    z.object({ total: z.number().int(), rows: z.array(sentMessageSchema) }),
  ),
  'messages.recall': method(z.object({ msgid: opaqueId(256) }), ok),
  'messages.statistics': method(
    z.object({ timeType: z.union([z.literal(0), z.literal(1)]) }),
    z.object({ rows: z.array(z.object({ agentid: z.number().int(), appName: z.string(), count: z.number().int() })) }),
  ),
  'appchat.list': method(empty, z.object({ chats: z.array(appChatSchema) })),
  'appchat.create': method(
    z.object({
      name: singleLine(APPCHAT_LIMITS.nameChars).trim().min(1),
      owner: useridSchema.optional(),
      userlist: z.array(useridSchema).min(APPCHAT_LIMITS.minMembers).max(APPCHAT_LIMITS.maxMembers),
      chatid: chatid.optional(),
    }),
    z.object({ chat: appChatSchema }),
  ),
  'appchat.update': method(
    z.object({
      chatid,
      name: singleLine(APPCHAT_LIMITS.nameChars).trim().min(1).optional(),
      owner: useridSchema.optional(),
      addUsers: z.array(useridSchema).max(APPCHAT_LIMITS.maxMembers).default([]),
      removeUsers: z.array(useridSchema).max(APPCHAT_LIMITS.maxMembers).default([]),
    }),
    z.object({ chat: appChatSchema }),
  ),
  'appchat.send': method(
    z.object({ chatid, body: messageBodySchema }),
    ok,
  ),

  // ─── API usage, cache ────────────────────────────────────────────────
  'apiUsage.stats': method(
    empty,
    z.object({
      /**
       * What the figures cover: 'session', the calls of the WeCom connection running since `since`
       * (ms); 'day', before its first call, the call log of the 24 hours since `since`
       */
      period: z.enum(['session', 'day']),
      since: z.number(),
      total: z.number().int(),
      success: z.number().int(),
      errors: z.number().int(),
      successRate: z.number(),
      tokenFetches: z.number().int(),
      tokenRefreshes: z.number().int(),
      endpoints: z.array(
        z.object({
          endpoint: z.string(),
          calls: z.number().int(),
          errors: z.number().int(),
          p50: z.number(),
          p95: z.number(),
          p99: z.number(),
        }),
      ),
      /** per rate-limit bucket: used in the current window against its budget */
      budgets: z.array(z.object({ bucket: z.string(), used: z.number().int(), limit: z.number().int(), windowSeconds: z.number() })),
      lastErrors: z.array(
        z.object({
          at: z.number(),
          endpoint: z.string(),
          errcode: z.number().int().nullable(),
          message: z.string(),
          hint: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Rows per table; `localOnly` names the tables only this PC has (kept by "Clear the cache", removed only by "Remove local records"). */
  'cache.info': method(
    empty,
    z.object({ path: z.string(), bytes: z.number().int(), rows: z.record(z.string(), z.number().int()), localOnly: z.array(z.string()) }),
  ),
  // "Clear cache" deletes what a sync gives back and says what it removed and what it kept.
  'cache.clear': method(empty, clearReportSchema),
  /** Whose data the open cache holds: the renderer shows data only when it is the active profile's. */
  'cache.scope': method(empty, z.object({ profileId: z.string().nullable(), corpId: z.string() })),
  /** Writes the local-only records (message history, app chats, audiences, notices and reminders, training records, call log) to a JSON file. */
  'cache.exportLocal': method(empty, z.object({ path: z.string(), rows: rowCounts })),
  /** Exports the local-only records first, then deletes them; `confirm` must name the active profile. */
  'cache.clearLocal': method(z.object({ confirmProfileId: profileIdSchema }), z.object({ exportPath: z.string(), removed: rowCounts })),
  /** A copy of the active profile's whole cache file. */
  'profileData.export': method(empty, z.object({ path: z.string(), bytes: z.number().int() })),
  /** Deletes the data of a profile that is not active (its own file: nothing of other corps is touched). */
  'profileData.delete': method(z.object({ profileId: profileIdSchema }), z.object({ removedBytes: z.number().int() })),

  // ─── notices and reminders about a live, its WeCom calendar schedule ────
  /** The exact notice that would be sent (in the admin's language) and how many people it reaches. */
  'notices.preview': method(
    z.object({ livingid, kind: noticeKindSchema }),
    z.object({ body: messageBodySchema, recipientCount: z.number().int(), calendar: calendarStateSchema.nullable() }),
  ),
  /** Sends the notice once (a failure is recorded on the notice, not thrown); optionally adds the live to the attendees' calendars. */
  'notices.send': method(
    z.object({ livingid, kind: noticeKindSchema, addToCalendar: z.boolean().default(false) }),
    z.object({ notice: noticeRecordSchema, calendar: calendarStateSchema.nullable() }),
  ),
  /** Sends again what was not sent, only when that cannot deliver twice (refused with the reason otherwise). */
  'notices.retry': method(z.object({ id: z.number().int().positive() }), z.object({ notice: noticeRecordSchema })),
  /** A live's notices and reminders, newest first, and its calendar schedule. */
  'notices.list': method(
    z.object({ livingid }),
    z.object({ notices: z.array(noticeRecordSchema), calendar: calendarStateSchema.nullable() }),
  ),
  /** Schedules a reminder: minutes before the start (to the audience) or after the end (to absentees). */
  'reminders.schedule': method(
    z.object({
      livingid,
      kind: reminderKindSchema,
      offsetMinutes: z.number().int().min(1).max(30 * 24 * 60),
      note: multiLine(200).default(''),
    }),
    z.object({ notice: noticeRecordSchema }),
  ),
  /** Cancels a reminder that has not been sent. */
  'reminders.cancel': method(z.object({ id: z.number().int().positive() }), z.object({ notice: noticeRecordSchema })),

  // ─── AI bot (long connection) ──────────────────────────────────────────
  ...botContract,
} as const;

/** A method's input and output types, for the services' contract and main's alike. */
type MethodSpecs = Record<string, { input: z.ZodType; output: z.ZodType }>;
type InputOf<C extends MethodSpecs, M extends keyof C> = z.input<C[M]['input']>;
type OutputOf<C extends MethodSpecs, M extends keyof C> = z.output<C[M]['output']>;

export type ServicesContract = typeof servicesContract;
export type ServicesMethod = keyof ServicesContract;
export type MethodInput<M extends ServicesMethod> = InputOf<ServicesContract, M>;
export type MethodOutput<M extends ServicesMethod> = OutputOf<ServicesContract, M>;

/** Events the services push to every connected window. */
export const servicesEvents = {
  changed: z.object({ topics: z.array(z.enum(['org', 'users', 'tags', 'lives', 'watch', 'messages', 'appchat', 'stats', 'training', 'notices'])) }),
  'sync.progress': syncProgressSchema,
  'live.status': z.object({
    livingid: z.string(),
    status: liveStatusSchema,
    previousStatus: liveStatusSchema.nullable(),
    onlineCount: z.number().int(),
  }),
  connection: connectionStateSchema,
  ...botEvents,
} as const;
export type ServicesEvents = typeof servicesEvents;
export type ServicesEvent = keyof ServicesEvents;
export type EventPayload<E extends ServicesEvent> = z.infer<ServicesEvents[E]>;

/** Calls main answers itself (settings, shell, launcher), via the preload's `invoke`. */
export const mainContract = {
  'app.info': method(
    empty,
    z.object({ version: z.string(), platform: z.string(), electron: z.string().nullable(), logFolder: z.string() }),
  ),
  'app.openLogFolder': method(empty, ok),
  'app.openExternal': method(z.object({ url: httpUrlSchema }), ok),
  /** Quits the app (the frameless launcher has no close button of its own). */
  'app.quit': method(empty, ok),
  'settings.get': method(empty, settingsSchema),
  'settings.update': method(settingsSchema.partial().omit({ version: true, profiles: true }), settingsSchema),
  'profiles.save': method(
    // only the Demo profile goes without a corpId (the simulator invents one)
    profileSchema.refine((p) => p.kind === 'demo' || p.corpId !== '', { message: 'a corp profile needs its corpId', path: ['corpId'] }),
    settingsSchema,
  ),
  'profiles.remove': method(z.object({ id: profileIdSchema }), settingsSchema),
  /** Switches the active profile: the services restart on it. */
  'profiles.activate': method(z.object({ id: profileIdSchema }), settingsSchema),
  // launcher window
  'launcher.retry': method(empty, ok),
  'launcher.continueOffline': method(empty, ok),
  'launcher.chooseDemo': method(empty, ok),
  /** The main window's renderer has painted: main shows it and closes the launcher. */
  'window.ready': method(empty, ok),
} as const;
export type MainContract = typeof mainContract;
export type MainMethod = keyof MainContract;
export type MainInput<M extends MainMethod> = InputOf<MainContract, M>;
export type MainOutput<M extends MainMethod> = OutputOf<MainContract, M>;

/** Events main pushes to windows through the preload's `subscribe`. */
export const mainEvents = {
  /** `label` is a step key the launcher words (launcher.json step.*); counts and note come from the first sync. */
  'launcher.progress': z.object({
    step: z.number().int(),
    total: z.number().int(),
    label: z.string(),
    counts: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
    note: syncNoteSchema.optional(),
  }),
  /** `error` is worded by the launcher; `message` is main's own sentence (crashes) or the error's English. */
  'launcher.error': z.object({ message: z.string(), error: z.optional(serviceErrorSchema), canContinueOffline: z.boolean() }),
  'launcher.firstRun': z.object({}),
  'services.state': z.object({
    state: z.enum(['running', 'restarting', 'failed']),
    /**
     * Why they restart: they stopped unexpectedly, or the person switched corps (they restart on the
     * new profile's cache). Only a crash is announced as one.
     */
    cause: z.optional(z.enum(['crash', 'profileSwitch'])),
    restarts: z.number().int(),
    /** Plain English, for the log. */
    message: z.string().nullable(),
    /** Why the services failed, for the renderer to word. */
    error: z.optional(serviceErrorSchema),
  }),
  'settings.changed': settingsSchema,
} as const;
export type MainEvents = typeof mainEvents;
export type MainEvent = keyof MainEvents;

/**
 * What the preload exposes on `window.wld` (contextBridge). The browser test harness provides the
 * same object over a WebSocket.
 */
export interface DesktopBridge {
  version: string;
  invoke<M extends MainMethod>(method: M, input: MainInput<M>): Promise<MainOutput<M>>;
  subscribe<E extends MainEvent>(event: E, listener: (payload: z.infer<MainEvents[E]>) => void): () => void;
  /** Resolves with the nonce the port message will carry; the page then listens for
   *  window 'message' events with `data.type === 'wld:port' && data.nonce === nonce` and takes `ports[0]`. */
  requestServicesPort(): Promise<string>;
}
