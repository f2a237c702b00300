// The client's configuration: one zod schema with WeCom's documented defaults, and parseConfig,
// which names the offending field when something is wrong.
import { z } from 'zod';
import { WeComConfigError } from './errors/errors.ts';

const DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an http:// or https:// URL',
  });

const appSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((name) => name !== 'contacts', { message: '"contacts" is reserved for the contacts-sync secret' }),
  agentId: z.number().int().positive(),
  secret: z.string().trim().min(1, 'must not be empty'),
});

const positiveInt = z.number().int().positive();

/** Budgets of one rate-limit bucket; any field left out falls back to the per-API defaults. */
export const bucketQuotaSchema = z.object({
  perMinute: positiveInt.optional(),
  perHour: positiveInt.optional(),
  perDay: positiveInt.optional(),
  /** 30 days, as WeCom counts monthly limits. */
  perMonth: positiveInt.optional(),
  maxConcurrent: positiveInt.optional(),
});
export type BucketQuota = z.infer<typeof bucketQuotaSchema>;

/**
 * Specific budgets from WeCom's frequency-limit page. Calls are counted, not person-times, so the
 * message/send budget is a call budget; tighten it in the config when the licence count is known.
 */
export const DEFAULT_BUCKET_QUOTAS: Readonly<Record<string, BucketQuota>> = {
  '/cgi-bin/gettoken': { perHour: 300 },
  '/cgi-bin/message/send': { perDay: 200_000 },
  '/cgi-bin/media/uploadimg': { perDay: 1000, perMonth: 3000 },
  '/cgi-bin/appchat/create': { perDay: 1000 },
  '/cgi-bin/appchat/update': { perHour: 1000 },
  '/cgi-bin/get_jsapi_ticket': { perHour: 400 },
  '/cgi-bin/ticket/get': { perHour: 100 },
};

const quotasSchema = z
  .object({
    perApiPerMinute: positiveInt.default(10_000),
    perApiPerHour: positiveInt.default(150_000),
    maxConcurrentPerApi: positiveInt.default(32),
    /** Added to every local window so that network jitter cannot push a send into a full window. */
    windowSafetyMs: z.number().int().min(0).default(1000),
    /** Longest rate-limit wait a call accepts before failing with WeComRateLimitError. */
    maxWindowWaitSeconds: z
      .object({
        interactive: z.number().min(0).default(60),
        background: z.number().min(0).default(3600),
      })
      .prefault({}),
    /** Per-bucket overrides, merged over DEFAULT_BUCKET_QUOTAS bucket by bucket. */
    buckets: z.record(z.string().min(1), bucketQuotaSchema).default({}),
  })
  .prefault({})
  .transform((quotas) => ({ ...quotas, buckets: mergeBuckets(quotas.buckets) }));

function mergeBuckets(overrides: Record<string, BucketQuota>): Record<string, BucketQuota> {
  const merged: Record<string, BucketQuota> = {};
  for (const [bucket, quota] of Object.entries(DEFAULT_BUCKET_QUOTAS)) merged[bucket] = { ...quota };
  for (const [bucket, quota] of Object.entries(overrides)) merged[bucket] = { ...merged[bucket], ...quota };
  return merged;
}

export const weComConfigSchema = z
  .object({
    corpId: z.string().trim().min(1, 'must not be empty'),
    apps: z.array(appSchema).min(1, 'needs at least one app'),
    /** The contacts-sync (通讯录同步) secret: only it may call user/list_id and contact writes. */
    contactsSecret: z.string().trim().min(1, 'must not be empty').optional(),
    /** WeCom's host or an API-gateway root: request paths are appended to it. */
    baseUrl: httpUrl.default(DEFAULT_BASE_URL).transform((url) => url.replace(/\/+$/, '')),
    gatewayHeaders: z.record(z.string().min(1), z.string()).default({}),
    proxyUrl: httpUrl.optional(),
    /**
     * Trusted root certificates (PEM) for HTTPS to WeCom and to an HTTPS proxy, in place of Node's
     * default list: e.g. the bundled roots plus the OS store, so a TLS-inspecting proxy's CA works.
     */
    ca: z.array(z.string().min(1)).min(1).optional(),
    timeoutMs: positiveInt.default(30_000),
    maxRetries: z.number().int().min(0).max(10).default(3),
    /** Base of the exponential backoff. */
    retryDelayMs: z.number().int().min(0).default(2000),
    /** Upper bound of one backoff delay. */
    maxRetryDelayMs: positiveInt.default(30_000),
    cache: z
      .object({
        enabled: z.boolean().default(true),
        ttlSeconds: z.number().min(0).default(3600),
        maxEntries: positiveInt.default(5000),
      })
      .prefault({}),
    tokenMarginSeconds: z.number().int().min(0).default(300),
    language: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
    quotas: quotasSchema,
    userAgent: z.string().min(1).default('WeComLiveDesk/0.1 wecom-core'),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.apps.forEach((app, index) => {
      if (seen.has(app.name)) {
        context.addIssue({ code: 'custom', path: ['apps', index, 'name'], message: `duplicate app name "${app.name}"` });
      }
      seen.add(app.name);
    });
  });

export type WeComConfigInput = z.input<typeof weComConfigSchema>;
export type WeComConfig = z.output<typeof weComConfigSchema>;
export type WeComAppConfig = WeComConfig['apps'][number];
export type QuotaConfig = WeComConfig['quotas'];

/** Formats a zod path as `apps[1].secret`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function parseConfig(input: unknown): WeComConfig {
  const result = weComConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: formatFieldPath(issue.path),
    problem: issue.message,
  }));
  throw new WeComConfigError(problems);
}
