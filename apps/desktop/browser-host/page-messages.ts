// What a page may send over the browser host's socket, checked before anything acts on it, and the
// caps on what one socket may hold. Each refusal is a sentence for the page (中文 / English).
import { z } from 'zod';
import { describeIssues } from '../src/shared/input-issues.ts';

/** A 20 MB upload (WeCom's file limit) is about 26.7 MB once base64-encoded in a frame. */
export const MAX_FRAME_BYTES = 28 * 1024 * 1024;
/** Services ports one page may hold open at once (the renderer needs one; reconnects close the old). */
export const MAX_PORTS_PER_SOCKET = 4;

const portId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'a port id is 8–128 of A-Z, a-z, 0-9, _ and -');

export const pageMessageSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('invoke'), id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), method: z.string().min(1).max(64), input: z.unknown() }).strict(),
  z.object({ k: z.literal('port-open'), portId }).strict(),
  z.object({ k: z.literal('port-msg'), portId, data: z.unknown() }).strict(),
  z.object({ k: z.literal('port-close'), portId }).strict(),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

export interface PageRefusal {
  code: string;
  message: string;
}

const refusal = (code: string, zh: string, en: string): PageRefusal => ({ code, message: `${zh} / ${en}` });

export const PAGE_REFUSALS = {
  malformed: (detail: string) => refusal('INVALID_REQUEST', `拒绝：消息格式不正确（${detail}）`, `Refused: a malformed message (${detail})`),
  notJson: refusal('INVALID_REQUEST', '拒绝：消息不是有效的 JSON', 'Refused: the message is not valid JSON'),
  portForbidden: (kind: string) =>
    refusal('FORBIDDEN', `拒绝：${kind} 窗口不能连接服务`, `Refused: the ${kind} window may not connect to the services`),
  tooManyPorts: refusal(
    'TOO_MANY_PORTS',
    `拒绝：一个页面最多同时打开 ${MAX_PORTS_PER_SOCKET} 个服务连接`,
    `Refused: a page may hold at most ${MAX_PORTS_PER_SOCKET} services connections at once`,
  ),
  portInUse: refusal('INVALID_REQUEST', '拒绝：该连接编号已在使用', 'Refused: this port id is already in use'),
  unknownPort: refusal('INVALID_REQUEST', '拒绝：没有这个服务连接', 'Refused: there is no such services connection'),
  servicesDown: refusal('SERVICES_DOWN', '服务正在重启，请稍后重试', 'The services are restarting; try again in a moment'),
  frameTooBig: `拒绝：消息超过 ${MAX_FRAME_BYTES / 1024 / 1024} MB / Refused: a message over ${MAX_FRAME_BYTES / 1024 / 1024} MB`,
} as const;

export type ParsedPageMessage = { ok: true; message: PageMessage } | { ok: false; refusal: PageRefusal };

export function parsePageMessage(decoded: unknown): ParsedPageMessage {
  const parsed = pageMessageSchema.safeParse(decoded);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, refusal: PAGE_REFUSALS.malformed(describeIssues(parsed.error, 3)) };
}
