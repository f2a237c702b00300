// Messages between the main process and the services utility process (and its Node twin in tests).
// Handshake after VS Code's utilityProcess: services post `ready` (ipcReady), main posts `init`,
// services post `progress` per step and then `initDone` (or `initFailed`).
// Window ports travel as `connect` messages with the MessagePort attached (transfer list).
import { z } from 'zod';
import { serviceErrorSchema, syncNoteSchema } from './models.ts';
import { settingsSchema, profileSchema } from './settings.ts';

export const initMessageSchema = z.object({
  type: z.literal('init'),
  paths: z.object({
    userData: z.string().min(1),
    cacheDb: z.string().min(1),
    logs: z.string().min(1),
  }),
  /** null: no profile yet, services start without WeCom (first-run setup). */
  profile: profileSchema.nullable(),
  settings: settingsSchema,
  appVersion: z.string(),
  /**
   * Session-only secrets (no keychain) by account `${profileId}/${app}`. Main keeps them for the
   * app's run so a services restart or a profile switch does not lose them.
   */
  sessionSecrets: z.record(z.string(), z.string()).default({}),
  /** The OS proxy for WeCom's host as main resolved it (http(s)://host:port); null or absent: direct. */
  systemProxy: z.string().nullable().optional(),
});

export const mainToServicesSchema = z.discriminatedUnion('type', [
  initMessageSchema,
  /** Retry init after a failed step; `offline: true` skips the connection test and opens on the cache. */
  z.object({ type: z.literal('retry'), offline: z.boolean() }),
  /** A window's port: one end of a MessageChannelMain; the other end went to the window. */
  z.object({ type: z.literal('connect'), windowId: z.number().int() }),
  z.object({ type: z.literal('disconnect'), windowId: z.number().int() }),
  z.object({ type: z.literal('settings'), settings: settingsSchema, profile: profileSchema.nullable() }),
  z.object({ type: z.literal('shutdown') }),
  /** The OS proxy changed (resolved again after start-up or for another base URL). */
  z.object({ type: z.literal('systemProxy'), url: z.string().nullable() }),
  /** Main's answer to a `crypt` request (safeStorage runs in main only). */
  z.object({
    type: z.literal('cryptResult'),
    id: z.number().int(),
    ok: z.boolean(),
    data: z.string().optional(),
    error: z.string().optional(),
  }),
]);
export type MainToServices = z.infer<typeof mainToServicesSchema>;
export type InitMessage = z.infer<typeof initMessageSchema>;

export const initStepSchema = z.enum(['cache', 'credentials', 'simulator', 'connection', 'refresh']);
export type InitStep = z.infer<typeof initStepSchema>;

export const servicesToMainSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('progress'),
    step: z.number().int().min(1),
    total: z.number().int().min(1),
    id: initStepSchema,
    /** The step's label key (launcher.json step.*), e.g. 'cache', 'refresh.org', 'refresh.background'. */
    label: z.string(),
    /** The first sync's count in the current phase, when known. */
    counts: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
    /** Why the first sync waits or retries. */
    note: syncNoteSchema.optional(),
  }),
  z.object({
    type: z.literal('initDone'),
    mode: z.enum(['online', 'offline']),
    /** Time of the newest cached data (ms since epoch), null when the cache is empty. */
    asOf: z.number().nullable(),
    /** Set when the app opened offline: why WeCom could not be reached. */
    reason: z.string().optional(),
  }),
  z.object({
    type: z.literal('initFailed'),
    id: initStepSchema,
    /** Plain English, for the log. */
    message: z.string(),
    /** What the launcher words (errors namespace). */
    error: serviceErrorSchema,
    /** True when the cache holds data, so "Continue offline" makes sense. */
    canContinueOffline: z.boolean(),
  }),
  /**
   * Network credentials an older version left in the settings file are now in the keychain (or the
   * encrypted file): main strips these accounts' values from the file (see network-secrets.ts).
   */
  z.object({
    type: z.literal('networkSecretsMoved'),
    accounts: z.array(z.union([z.literal('proxy-auth'), z.string().regex(/^header:[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/)])).max(21),
  }),
  /** A session-only secret was set (`secret`) or removed (null): main keeps it for this run. */
  z.object({ type: z.literal('sessionSecret'), account: z.string().min(1), secret: z.string().nullable() }),
  /** Asks main to encrypt (plain → base64) or decrypt (base64 → plain) with safeStorage. */
  z.object({
    type: z.literal('crypt'),
    id: z.number().int(),
    op: z.enum(['encrypt', 'decrypt']),
    data: z.string().max(64 * 1024),
  }),
  z.object({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string(),
  }),
]);
export type ServicesToMain = z.infer<typeof servicesToMainSchema>;
