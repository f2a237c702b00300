// App group chats (应用群聊): appchat/create and appchat/get answers.
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export const appchatCreateResponseSchema = z.object({ ...envelopeShape, chatid: z.string() });

export const appchatInfoSchema = z.object({
  chatid: z.string(),
  name: z.string().optional(),
  owner: z.string().optional(),
  userlist: z.array(z.string()).default([]),
  chat_type: z.number().int().optional(),
});
export type AppchatInfo = z.infer<typeof appchatInfoSchema>;

export const appchatGetResponseSchema = z.object({ ...envelopeShape, chat_info: appchatInfoSchema });
