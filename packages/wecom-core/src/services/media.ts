// Temporary media (3 days), permanent images for article bodies, and ranged downloads.
import type { ApiCaller, BinaryResponse } from '../http/types.ts';
import { mediaUploadResponseSchema, uploadImgResponseSchema, type MediaType } from '../models/media.ts';
import { inputError } from '../validation/fail.ts';
import { checkNonEmptyId } from '../validation/ids.ts';
import { validateMediaUpload, validateUploadImg } from '../validation/media.ts';
import { requestOptions, type CallOptions, type ServiceContext } from './options.ts';

export interface MediaFile {
  /** What recipients see. */
  filename: string;
  data: Uint8Array;
  /** Guessed from the filename when omitted. */
  contentType?: string;
}

export interface UploadedMedia {
  type: string;
  media_id: string;
  /** Unix seconds. */
  created_at: number;
}

export interface MediaGetOptions extends CallOptions {
  /** An HTTP range, e.g. { start: 0, end: 1023 } for the first KiB (end inclusive, optional). */
  range?: { start: number; end?: number };
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

export function guessContentType(filename: string): string {
  const extension = filename.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export class MediaService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  /** Uploads temporary media; the media_id is valid for 3 days across the corp's apps. */
  async upload(type: MediaType, file: MediaFile, options?: CallOptions): Promise<UploadedMedia> {
    validateMediaUpload(type, file.filename, file.data, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/media/upload',
      query: { type },
      multipart: {
        field: 'media',
        filename: file.filename,
        contentType: file.contentType ?? guessContentType(file.filename),
        data: file.data,
      },
      schema: mediaUploadResponseSchema,
    });
    return { type: answer.type, media_id: answer.media_id, created_at: answer.created_at };
  }

  /** Uploads a JPG/PNG (≤ 2 MB) for use inside article bodies; returns its permanent URL. 1000/day per corp. */
  async uploadImg(file: MediaFile, options?: CallOptions): Promise<string> {
    validateUploadImg(file.filename, file.data, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/media/uploadimg',
      multipart: {
        field: 'media',
        filename: file.filename,
        contentType: file.contentType ?? guessContentType(file.filename),
        data: file.data,
      },
      schema: uploadImgResponseSchema,
    });
    return answer.url;
  }

  /** Downloads temporary media, whole or a byte range (206 with contentRange). */
  async get(mediaId: string, options: MediaGetOptions = {}): Promise<BinaryResponse> {
    const problem = checkNonEmptyId('media_id', mediaId);
    if (problem) throw inputError(problem, this.#caller.language);
    const range = options.range;
    if (
      range &&
      (!Number.isInteger(range.start) ||
        range.start < 0 ||
        (range.end !== undefined && (!Number.isInteger(range.end) || range.end < range.start)))
    ) {
      throw inputError(
        { field: 'range', zh: '须满足 0 ≤ start ≤ end', en: 'must satisfy 0 ≤ start ≤ end' },
        this.#caller.language,
      );
    }
    const { cache: _cache, ...base } = requestOptions(this.#context, options);
    return this.#caller.callBinary({
      ...base,
      method: 'GET',
      path: '/cgi-bin/media/get',
      query: { media_id: mediaId },
      ...(range ? { range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
    });
  }
}
