// Settings and profiles: stored by main (electron-store), sent to the services and the renderer.
// Secrets never appear here: they live in the OS keychain, keyed by profile id and app name.
import { z } from 'zod';
import { headerNameSchema, headerValueSchema, httpUrlSchema, profileIdSchema, singleLine } from './text-rules.ts';

export const SETTINGS_VERSION = 3;

/** At most this many lives anchors per profile. */
export const MAX_LIVE_ANCHORS = 500;

/** The keychain account of the contacts-sync secret: no app may take its name. */
export const CONTACTS_SECRET_NAME = 'contacts';

/**
 * An app's name, also the second part of its keychain account (`profileId/app`): one line, no / or \
 * (accounts never collide), not the contacts account's name.
 */
export function appNameSchema() {
  return singleLine(64)
    .trim()
    .min(1, 'app name is required')
    .refine((name) => !/[/\\:]/.test(name), 'an app name may not contain / \\ or :')
    .refine((name) => name !== CONTACTS_SECRET_NAME, `"${CONTACTS_SECRET_NAME}" is kept for the contacts-sync secret`);
}

export const appCredentialSchema = z.object({
  /** Name of the self-built app, also the keychain account suffix. */
  name: appNameSchema(),
  agentId: z.number().int().positive('agentid must be a positive integer'),
  /**
   * What the app is used for: each call is made with the credentials of the app holding its role
   * (the first that lists it; a role nobody lists falls to the first app).
   */
  roles: z.array(z.enum(['lives', 'messages', 'contacts'])).max(3).optional(),
});

export const profileSchema = z.object({
  id: profileIdSchema,
  name: singleLine(60).trim().min(1),
  kind: z.enum(['demo', 'corp']),
  /** Empty for the Demo profile (the embedded simulator invents one). */
  corpId: z.string().regex(/^[A-Za-z0-9]{0,64}$/, 'corpId: letters and digits'),
  apps: z.array(appCredentialSchema).max(10),
  /** True when a contacts-sync (通讯录同步) secret is stored for this profile. */
  hasContactsSecret: z.boolean().default(false),
  /**
   * This corp's WeCom host or API gateway; empty: the one in the network settings. Dev, test and
   * prod of one corp are separate profiles, each with its own address and apps. (Files before
   * v3 also held an `environment` label that selected nothing: dropped on load.)
   */
  baseUrl: z.union([z.literal(''), z.url()]).optional(),
  /** Members who usually host lives: asked for their lives on every lives sync (beyond known anchors). */
  liveAnchors: z.array(z.string().trim().min(1).max(64)).max(MAX_LIVE_ANCHORS).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const networkSettingsSchema = z.object({
  /** WeCom host, or an API-gateway root that fronts it. Empty: https://qyapi.weixin.qq.com */
  baseUrl: z.union([z.literal(''), httpUrlSchema]).default(''),
  /** Sent with every call to the base URL (an API gateway's key): names and values without line breaks. */
  gatewayHeaders: z
    .record(headerNameSchema, headerValueSchema)
    .refine((headers) => Object.keys(headers).length <= 20, 'at most 20 gateway headers')
    .default({}),
  proxyUrl: z.union([z.literal(''), httpUrlSchema]).default(''),
  timeoutMs: z.number().int().min(1000).max(300_000).default(30_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
  retryDelayMs: z.number().int().min(0).max(60_000).default(2_000),
  cacheEnabled: z.boolean().default(true),
  cacheTtlSeconds: z.number().int().min(0).max(86_400 * 7).default(3_600),
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  profiles: z.array(profileSchema).default([]),
  activeProfileId: profileIdSchema.nullable().default(null),
  network: networkSettingsSchema.default(networkSettingsSchema.parse({})),
  language: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

export const DEMO_PROFILE: Profile = {
  id: 'demo',
  name: 'Demo',
  kind: 'demo',
  corpId: '',
  apps: [{ name: 'live-desk', agentId: 1000002 }],
  hasContactsSecret: true,
};

export const defaultSettings = (): Settings => settingsSchema.parse({});
