// The one shape of an error crossing the services boundary. Alone in its module (zod and nothing
// else) so the renderer's start-up path reads errors without evaluating every data schema.
import { z } from 'zod';

export const serviceErrorSchema = z.object({
  kind: z.enum(['validation', 'forbidden', 'wecom', 'network', 'offline', 'cancelled', 'not_found', 'internal']),
  /** Stable machine code, e.g. 'WECOM_60020', 'OFFLINE', 'INVALID_INPUT'. */
  code: z.string(),
  errcode: z.number().int().optional(),
  /** What the sentence for `code` needs (ids, counts, WeCom's endpoint…); the renderer words it (errors namespace). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Plain English, for logs and tests; people read the renderer's sentence for code + params. */
  message: z.string(),
  /** WeCom's errmsg / hint, field issues, or a stack for internal errors. */
  details: z.string().optional(),
});
export type ServiceError = z.infer<typeof serviceErrorSchema>;
