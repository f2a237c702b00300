// Decodes gzip / deflate / br bodies (the pipeline asks for them with accept-encoding).
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { CodedError } from '../rules/coded-error.ts';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const inflateRawAsync = promisify(inflateRaw);
const brotliAsync = promisify(brotliDecompress);

/** The body claimed an encoding it does not have: a garbled answer, like a malformed JSON body. */
export class BodyDecodeError extends CodedError {
  override name = 'BodyDecodeError';
  constructor(message: string, options?: ErrorOptions) {
    super('WECOM_BODY_UNDECODABLE', message, options);
  }
}

export async function decodeBody(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  try {
    return await decode(body, contentEncoding);
  } catch (error) {
    throw new BodyDecodeError(`could not decode a ${contentEncoding} body`, { cause: error });
  }
}

async function decode(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (!encoding || encoding === 'identity' || body.length === 0) return body;
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipAsync(body);
    case 'deflate':
      // Servers disagree on whether "deflate" has the zlib wrapper; accept both.
      return inflateAsync(body).catch(() => inflateRawAsync(body));
    case 'br':
      return brotliAsync(body);
    default:
      return body;
  }
}
