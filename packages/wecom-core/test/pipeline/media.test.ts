// Multipart uploads and binary downloads (with Range) through the pipeline.
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComApiError } from '../../src/errors/errors.ts';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import { pipelineFor, startSim } from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
let pipeline: ApiPipeline;

const uploadSchema = z.looseObject({ errcode: z.literal(0), type: z.string(), media_id: z.string() });
const content = Buffer.from('第一行：直播培训资料\nline two: some ascii text for the range check\n', 'utf8');

async function upload(filename: string): Promise<string> {
  const result = await pipeline.call({
    method: 'POST',
    path: '/cgi-bin/media/upload',
    query: { type: 'file' },
    multipart: { field: 'media', filename, contentType: 'text/plain', data: new Uint8Array(content) },
    schema: uploadSchema,
  });
  return result.media_id;
}

beforeAll(async () => {
  sim = await startSim();
  pipeline = pipelineFor(sim);
});

afterAll(async () => {
  await pipeline.close();
  await sim.close();
});

describe('media', () => {
  it('uploads a file as multipart and downloads the same bytes with its name', async () => {
    const mediaId = await upload('培训资料.txt');
    const file = await pipeline.callBinary({ method: 'GET', path: '/cgi-bin/media/get', query: { media_id: mediaId } });
    expect(file.status).toBe(200);
    expect(file.filename).toBe('培训资料.txt');
    expect(file.contentType).toContain('text/plain');
    expect(Buffer.from(file.data).equals(content)).toBe(true);
    expect(file.contentRange).toBeNull();
  });

  it('reads a byte range', async () => {
    const mediaId = await upload('range.txt');
    const part = await pipeline.callBinary({ method: 'GET', path: '/cgi-bin/media/get', query: { media_id: mediaId }, range: 'bytes=3-12' });
    expect(part.status).toBe(206);
    expect(part.contentRange).toBe(`bytes 3-12/${content.length}`);
    expect(Buffer.from(part.data).equals(content.subarray(3, 13))).toBe(true);
  });

  it('maps a JSON error from media/get to a typed error', async () => {
    const error = await pipeline
      .callBinary({ method: 'GET', path: '/cgi-bin/media/get', query: { media_id: 'no-such-media' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComApiError);
    expect((error as WeComApiError).errcode).toBe(40007);
    expect((error as WeComApiError).retryClass).toBe('never');
  });
});
