// Tags (标签). tag/get members are filtered by the app's visibility range.
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export const tagSchema = z.object({ tagid: z.number().int(), tagname: z.string() });
export type Tag = z.infer<typeof tagSchema>;

export const tagListResponseSchema = z.object({ ...envelopeShape, taglist: z.array(tagSchema) });

export const tagMemberSchema = z.object({ userid: z.string(), name: z.string().optional() });
export type TagMember = z.infer<typeof tagMemberSchema>;

export const tagGetResponseSchema = z.object({
  ...envelopeShape,
  tagname: z.string(),
  userlist: z.array(tagMemberSchema).default([]),
  partylist: z.array(z.number().int()).default([]),
});
export type TagDetail = z.infer<typeof tagGetResponseSchema>;
