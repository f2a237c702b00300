// JS-SDK tickets: get_jsapi_ticket (corp, wx.config) and ticket/get?type=agent_config (app, wx.agentConfig).
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export const ticketResponseSchema = z.object({
  ...envelopeShape,
  ticket: z.string(),
  expires_in: z.number().int(),
});
export type TicketResponse = z.infer<typeof ticketResponseSchema>;
