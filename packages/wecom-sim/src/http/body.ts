// Request bodies: read with a size cap, then JSON or multipart (parsed by the platform's own
// Request.formData(), so no hand-written multipart parser).
import type { IncomingMessage } from 'node:http';
import { SimApiError } from '../errors.ts';

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buf);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/** An empty body reads as {} so validation names the missing fields. Bad JSON is 40035. */
export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SimApiError(40035, 'request body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SimApiError(40035, 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export async function parseMultipart(raw: Buffer, contentType: string | undefined): Promise<FormData> {
  if (!contentType || !contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new SimApiError(44001, 'expected multipart/form-data with a "media" field');
  }
  try {
    return await new Request('http://sim.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    throw new SimApiError(40035, 'malformed multipart body');
  }
}
