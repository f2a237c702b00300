// The one shape of an error crossing the services boundary. Alone in its module, and built with
// zod/mini (the same checks; only what it uses is bundled), so the renderer's start-up path, which
// reads errors before anything else, loads a small part of zod instead of all of it. Schemas built
// with zod's full API take it as a part: z.object({ error: serviceErrorSchema }), z.nullable(…).
import * as z from 'zod/mini';

export const serviceErrorSchema = z.object({
  kind: z.enum(['validation', 'forbidden', 'wecom', 'network', 'offline', 'cancelled', 'not_found', 'internal']),
  /** Stable machine code, e.g. 'WECOM_60020', 'OFFLINE', 'INVALID_INPUT'. */
  code: z.string(),
  errcode: z.optional(z.int()),
  /** What the sentence for `code` needs (ids, counts, WeCom's endpoint…); the renderer words it (errors namespace). */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  /** Plain English, for logs and tests; people read the renderer's sentence for code + params. */
  message: z.string(),
  /** WeCom's errmsg / hint, field issues, or a stack for internal errors. */
  details: z.optional(z.string()),
});
export type ServiceError = z.infer<typeof serviceErrorSchema>;
