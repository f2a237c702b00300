// The envelope every WeCom JSON answer shares. Success is judged by errcode alone (errmsg text may change).
import { z } from 'zod';

export const envelopeShape = {
  errcode: z.number().int(),
  errmsg: z.string().optional(),
};

/** Answers that carry nothing but the envelope (modify, cancel, update, send to a chat…). */
export const okResponseSchema = z.object(envelopeShape);
export type OkResponse = z.infer<typeof okResponseSchema>;

/** WeCom sometimes sends numbers as strings (e.g. media created_at); accept both, keep a number. */
export const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** 0/1 flags as WeCom sends them. */
export const flag = z.number().int();
