// aibot_upload_media_init / _chunk / _finish: chunks ≤ 512 KB, all present, md5 checked at the end.
import { createHash } from 'node:crypto';
import type { Rng } from '../random.ts';
import { randomString } from '../random.ts';
import {
  ack,
  BOT_ERRCODE,
  CHUNK_MAX_BYTES,
  uploadChunkSchema,
  uploadFinishSchema,
  uploadInitSchema,
  zodProblem,
} from './wire.ts';
import type { AckFrame } from './wire.ts';

interface Upload {
  type: string;
  filename: string;
  totalSize: number;
  chunks: (Buffer | undefined)[];
  md5: string | undefined;
}

export interface SimBotMedia {
  mediaId: string;
  type: string;
  filename: string;
  bytes: number;
}

export class BotUploads {
  private readonly open = new Map<string, Upload>();
  readonly media = new Map<string, SimBotMedia>();
  private readonly rng: Rng;
  private readonly now: () => number;

  constructor(rng: Rng, now: () => number) {
    this.rng = rng;
    this.now = now;
  }

  handle(cmd: string, reqId: string, body: unknown): AckFrame {
    if (cmd === 'aibot_upload_media_init') {
      const init = uploadInitSchema.safeParse(body);
      if (!init.success) return ack(reqId, BOT_ERRCODE.badParam, zodProblem(init.error));
      const { type, filename, total_size, total_chunks, md5 } = init.data;
      if (total_chunks !== Math.max(1, Math.ceil(total_size / CHUNK_MAX_BYTES)))
        return ack(reqId, BOT_ERRCODE.badParam, 'total_chunks does not match total_size in 512 KB chunks');
      const uploadId = randomString(this.rng, 32);
      this.open.set(uploadId, {
        type,
        filename,
        totalSize: total_size,
        chunks: new Array(total_chunks),
        md5,
      });
      return ack(reqId, 0, 'ok', { upload_id: uploadId });
    }
    if (cmd === 'aibot_upload_media_chunk') {
      const chunk = uploadChunkSchema.safeParse(body);
      if (!chunk.success) return ack(reqId, BOT_ERRCODE.badParam, zodProblem(chunk.error));
      const upload = this.open.get(chunk.data.upload_id);
      if (!upload) return ack(reqId, BOT_ERRCODE.badParam, 'unknown upload_id');
      if (chunk.data.chunk_index >= upload.chunks.length)
        return ack(reqId, BOT_ERRCODE.badParam, 'chunk_index out of range');
      const data = Buffer.from(chunk.data.base64_data, 'base64');
      if (data.length > CHUNK_MAX_BYTES) return ack(reqId, BOT_ERRCODE.badParam, 'chunk over 512 KB');
      upload.chunks[chunk.data.chunk_index] = data;
      return ack(reqId);
    }
    const finish = uploadFinishSchema.safeParse(body);
    if (!finish.success) return ack(reqId, BOT_ERRCODE.badParam, zodProblem(finish.error));
    const upload = this.open.get(finish.data.upload_id);
    if (!upload) return ack(reqId, BOT_ERRCODE.badParam, 'unknown upload_id');
    if (upload.chunks.some((c) => c === undefined)) return ack(reqId, BOT_ERRCODE.badParam, 'chunks missing');
    const data = Buffer.concat(upload.chunks as Buffer[]);
    if (data.length !== upload.totalSize) return ack(reqId, BOT_ERRCODE.badParam, 'total_size mismatch');
    if (upload.md5 && createHash('md5').update(data).digest('hex') !== upload.md5)
      return ack(reqId, BOT_ERRCODE.badParam, 'md5 mismatch');
    this.open.delete(finish.data.upload_id);
    const mediaId = `3${randomString(this.rng, 40)}`;
    this.media.set(mediaId, { mediaId, type: upload.type, filename: upload.filename, bytes: data.length });
    return ack(reqId, 0, 'ok', {
      media_id: mediaId,
      type: upload.type,
      created_at: String(Math.floor(this.now() / 1000)),
    });
  }
}
