// Size and format rules for media/upload and media/uploadimg.
import type { Language } from '../http/types.ts';
import type { MediaType } from '../models/media.ts';
import { throwFirst, type InputProblem } from './fail.ts';
import { MEDIA_LIMITS, MEDIA_MIN_BYTES, UPLOADIMG_LIMIT } from '../rules/limits.ts';
import { requireText } from './text.ts';

const MB = 1024 * 1024;

function isJpeg(data: Uint8Array): boolean {
  return data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}
function isPng(data: Uint8Array): boolean {
  return data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
}

function sizeProblem(field: string, size: number, max: number): InputProblem | null {
  if (size > MEDIA_MIN_BYTES && size <= max) return null;
  const maxMb = max / MB;
  return {
    field,
    zh: `文件须大于 ${MEDIA_MIN_BYTES} 字节且不超过 ${maxMb}MB（当前 ${size} 字节）`,
    en: `the file must be larger than ${MEDIA_MIN_BYTES} bytes and at most ${maxMb} MB (got ${size} bytes)`,
  };
}

function imageFormatProblem(field: string, data: Uint8Array): InputProblem | null {
  if (isJpeg(data) || isPng(data)) return null;
  return { field, zh: '图片须为 JPG 或 PNG 格式', en: 'the image must be a JPG or PNG' };
}

export function validateMediaUpload(
  type: MediaType,
  filename: string,
  data: Uint8Array,
  language: Language,
): void {
  const limit = MEDIA_LIMITS[type];
  throwFirst(
    [
      limit === undefined
        ? { field: 'type', zh: '须为 image、voice、video 或 file', en: 'must be image, voice, video or file' }
        : null,
      requireText('filename', filename),
      limit === undefined ? null : sizeProblem('data', data.byteLength, limit),
      type === 'image' ? imageFormatProblem('data', data) : null,
    ],
    language,
  );
}

export function validateUploadImg(filename: string, data: Uint8Array, language: Language): void {
  throwFirst(
    [
      requireText('filename', filename),
      sizeProblem('data', data.byteLength, UPLOADIMG_LIMIT),
      imageFormatProblem('data', data),
    ],
    language,
  );
}
