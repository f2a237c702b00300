// media/upload and media/uploadimg answers.
import { z } from 'zod';
import { envelopeShape, numberish } from './common.ts';

export const MEDIA_TYPES = ['image', 'voice', 'video', 'file'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const mediaUploadResponseSchema = z.object({
  ...envelopeShape,
  type: z.string(),
  /** Valid for 3 days, shareable across the corp's apps. */
  media_id: z.string(),
  /** Unix seconds; WeCom sends it as a string. */
  created_at: numberish,
});
export type MediaUploadResult = z.infer<typeof mediaUploadResponseSchema>;

export const uploadImgResponseSchema = z.object({ ...envelopeShape, url: z.string() });
