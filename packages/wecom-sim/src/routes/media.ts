// Media: temporary uploads (3 days, per-type size and format rules), permanent images for
// mpnews bodies, and downloads with HTTP Range support.
import { fail } from '../errors.ts';
import { BinaryReply } from '../http/respond.ts';
import { isGenericType, sniffContentType } from '../http/sniff.ts';
import { ID_CHARS, randomString } from '../random.ts';
import type { MediaType, SimImage } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { queryString } from './validate.ts';

const MB = 1024 * 1024;
const MIN_BYTES = 5;
const MEDIA_TTL_MS = 3 * 86_400_000;
const LIMITS: Record<MediaType, { maxBytes: number; extensions: readonly string[] | null; label: string }> = {
  image: { maxBytes: 10 * MB, extensions: ['jpg', 'jpeg', 'png'], label: 'JPG or PNG' },
  voice: { maxBytes: 2 * MB, extensions: ['amr'], label: 'AMR' },
  video: { maxBytes: 10 * MB, extensions: ['mp4'], label: 'MP4' },
  file: { maxBytes: 20 * MB, extensions: null, label: 'any' },
};
const UPLOADIMG_MAX_BYTES = 2 * MB;
const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  amr: 'audio/amr',
  mp4: 'video/mp4',
};

function isMediaType(value: string | null): value is MediaType {
  return value === 'image' || value === 'voice' || value === 'video' || value === 'file';
}

function extension(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

async function uploadedFile(
  ctx: RouteContext,
): Promise<{ filename: string; contentType: string; data: Uint8Array }> {
  const entry = ctx.form?.get('media');
  if (!entry || typeof entry === 'string') fail(44001, 'multipart field "media" with a file is required');
  const data = new Uint8Array(await entry.arrayBuffer());
  const filename = entry.name || 'media';
  // by the file, as WeCom does: its bytes, then its extension, then what the client declared
  const declared = isGenericType(entry.type) ? null : entry.type;
  const contentType = sniffContentType(data) ?? CONTENT_TYPES[extension(filename)] ?? declared ?? (entry.type || 'application/octet-stream');
  return { filename, contentType, data };
}

function checkFile(
  file: { filename: string; data: Uint8Array },
  maxBytes: number,
  extensions: readonly string[] | null,
  label: string,
): void {
  const size = file.data.byteLength;
  if (size <= MIN_BYTES) fail(40006, `the file must be larger than ${MIN_BYTES} bytes, got ${size}`);
  if (size > maxBytes) fail(45001, `the file is ${size} bytes, the limit is ${maxBytes}`);
  if (extensions && !extensions.includes(extension(file.filename)))
    fail(40004, `"${file.filename}" is not ${label}`);
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n`; null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]));
  }
  return start <= end && start < size ? { start, end } : null;
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The permanent URL of an uploadimg image (served by the simulator itself, no token). */
export function serveImage(store: SimStore, path: string): BinaryReply | null {
  const match = /^\/wwpic\/([\w-]+)\/0$/.exec(path);
  const image = match ? store.images.get(match[1] as string) : undefined;
  if (!image) return null;
  return new BinaryReply(
    200,
    { 'content-type': image.contentType, 'cache-control': 'max-age=86400' },
    image.data,
  );
}

export const mediaRoutes: RouteTable = {
  '/cgi-bin/media/upload': {
    method: 'POST',
    auth: 'any',
    body: 'multipart',
    async handle(ctx) {
      const type = queryString(ctx, 'type');
      if (!isMediaType(type))
        fail(40005, `type must be image, voice, video or file, got ${JSON.stringify(type)}`);
      const file = await uploadedFile(ctx);
      const rule = LIMITS[type];
      checkFile(file, rule.maxBytes, rule.extensions, rule.label);
      const { store, rng, now } = ctx.sim;
      let mediaId: string;
      do mediaId = '3' + randomString(rng, 63, ID_CHARS);
      while (store.media.has(mediaId));
      const createdAt = now();
      store.media.set(mediaId, { media_id: mediaId, type, ...file, createdAt });
      return { type, media_id: mediaId, created_at: String(Math.floor(createdAt / 1000)) };
    },
  },

  '/cgi-bin/media/uploadimg': {
    method: 'POST',
    auth: 'app',
    body: 'multipart',
    async handle(ctx) {
      const file = await uploadedFile(ctx);
      checkFile(file, UPLOADIMG_MAX_BYTES, LIMITS.image.extensions, 'JPG or PNG');
      const { store, rng } = ctx.sim;
      const id = randomString(rng, 48, ID_CHARS);
      const image: SimImage = { id, url: `${ctx.sim.baseUrl()}/wwpic/${id}/0`, ...file };
      store.images.set(id, image);
      return { url: image.url };
    },
  },

  '/cgi-bin/media/get': {
    method: 'GET',
    auth: 'any',
    handle(ctx) {
      const mediaId = queryString(ctx, 'media_id');
      if (!mediaId) fail(41006, 'media_id is required');
      const media = ctx.sim.store.media.get(mediaId);
      if (!media || ctx.sim.now() - media.createdAt > MEDIA_TTL_MS)
        fail(40007, `media_id "${mediaId}" is unknown or expired`);
      const size = media.data.byteLength;
      const headers: Record<string, string | number> = {
        'content-type': media.contentType,
        'content-disposition': contentDisposition(media.filename),
        'accept-ranges': 'bytes',
        'cache-control': 'no-cache, must-revalidate',
      };
      const rangeHeader = ctx.headers.range;
      if (typeof rangeHeader !== 'string') return new BinaryReply(200, headers, media.data);
      const range = parseRange(rangeHeader, size);
      if (!range)
        return new BinaryReply(416, { ...headers, 'content-range': `bytes */${size}` }, new Uint8Array(0));
      return new BinaryReply(
        206,
        { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}` },
        media.data.subarray(range.start, range.end + 1),
      );
    },
  },
};
