// Temporary media over the long connection: aibot_upload_media_init → _chunk × N (≤ 512 KB each,
// base64) → _finish, which answers the media_id for aibot_send_msg / replies.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { WeComResponseValidationError } from '../errors/errors.ts';
import type { Language } from '../http/types.ts';
import type { BotAck } from './frames.ts';
import { BOT_CMD, UPLOAD_CHUNK_MAX_BYTES } from './commands.ts';
import { newReqId } from './req-id.ts';

export interface BotMediaUpload {
  type: 'file' | 'image' | 'voice' | 'video';
  filename: string;
  data: Uint8Array;
}

export interface BotUploadedMedia {
  mediaId: string;
  type: string;
}

type Request = (cmd: string, reqId: string, body: unknown) => Promise<BotAck>;

const initAnswer = z.looseObject({ upload_id: z.string().min(1) });
const finishAnswer = z.looseObject({ media_id: z.string().min(1), type: z.string().optional() });

function parse<T>(schema: z.ZodType<T>, ack: BotAck, cmd: string, language: Language): T {
  const parsed = schema.safeParse(ack.body);
  if (parsed.success) return parsed.data;
  throw new WeComResponseValidationError({
    kind: 'shape',
    endpoint: `ws:${cmd}`,
    issues: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    bodySnippet: JSON.stringify(ack.body ?? null).slice(0, 300),
    status: 0,
    language,
  });
}

export async function uploadBotMedia(
  request: Request,
  upload: BotMediaUpload,
  now: () => number,
  language: Language,
): Promise<BotUploadedMedia> {
  const total = upload.data.byteLength;
  const chunks = Math.max(1, Math.ceil(total / UPLOAD_CHUNK_MAX_BYTES));
  const md5 = createHash('md5').update(upload.data).digest('hex');
  const initCmd = BOT_CMD.uploadInit;
  const init = parse(
    initAnswer,
    await request(initCmd, newReqId(initCmd, now()), {
      type: upload.type,
      filename: upload.filename,
      total_size: total,
      total_chunks: chunks,
      md5,
    }),
    initCmd,
    language,
  );
  for (let index = 0; index < chunks; index++) {
    const part = upload.data.subarray(index * UPLOAD_CHUNK_MAX_BYTES, (index + 1) * UPLOAD_CHUNK_MAX_BYTES);
    await request(BOT_CMD.uploadChunk, newReqId(BOT_CMD.uploadChunk, now()), {
      upload_id: init.upload_id,
      chunk_index: index,
      base64_data: Buffer.from(part).toString('base64'),
    });
  }
  const finishCmd = BOT_CMD.uploadFinish;
  const done = parse(
    finishAnswer,
    await request(finishCmd, newReqId(finishCmd, now()), { upload_id: init.upload_id }),
    finishCmd,
    language,
  );
  return { mediaId: done.media_id, type: done.type ?? upload.type };
}
