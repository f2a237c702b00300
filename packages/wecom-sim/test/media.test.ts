import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect, manualClock } from './helpers.ts';
import type { Json, TestClient } from './helpers.ts';

const clock = manualClock();
let sim: SimServer;
let app: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ seed: 41, now: clock.now, tokenTtlSeconds: 30 * 86_400 });
  app = await connect(sim);
});
afterAll(() => sim.close());

function bytes(n: number): Uint8Array {
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) data[i] = i % 251;
  return data;
}

async function upload(type: string, filename: string, data: Uint8Array, field = 'media'): Promise<Json> {
  const form = new FormData();
  form.append(field, new Blob([data]), filename);
  const res = await app.raw('media/upload', { method: 'POST', body: form, query: { type } });
  return (await res.json()) as Json;
}

describe('media/upload', () => {
  it('stores a file and returns type, media_id and created_at', async () => {
    const answer = await upload('file', '培训资料.pdf', bytes(1000));
    expect(answer).toMatchObject({ errcode: 0, type: 'file' });
    expect(answer.media_id.length).toBeGreaterThan(20);
    expect(answer.created_at).toBe(String(Math.floor(clock.now() / 1000)));
    expect(sim.state.media.get(answer.media_id)?.filename).toBe('培训资料.pdf');
  });

  it.each([
    ['pdf', 'a.pdf', 100, 40005],
    ['image', 'a.gif', 100, 40004],
    ['voice', 'a.mp3', 100, 40004],
    ['image', 'a.png', 5, 40006],
    ['voice', 'a.amr', 2 * 1024 * 1024 + 1, 45001],
  ])('type=%s %s (%i bytes) -> %i', async (type, filename, size, errcode) => {
    expect((await upload(type, filename, bytes(size))).errcode).toBe(errcode);
  });

  it('needs the multipart field "media" (44001)', async () => {
    expect((await upload('file', 'a.txt', bytes(100), 'file')).errcode).toBe(44001);
  });
});

describe('media/get', () => {
  it('returns the bytes with Content-Disposition, and a Range as 206 with Content-Range', async () => {
    const data = bytes(5000);
    const { media_id } = await upload('file', '直播回放.mp4', data);
    const full = await app.raw('media/get', { query: { media_id } });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('直播回放.mp4')}`,
    );
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(data);

    const part = await app.raw('media/get', { query: { media_id }, headers: { range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-1099/5000');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(data.subarray(100, 1100));

    const tail = await app.raw('media/get', { query: { media_id }, headers: { range: 'bytes=-10' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(data.subarray(4990));
    const beyond = await app.raw('media/get', { query: { media_id }, headers: { range: 'bytes=9000-' } });
    expect(beyond.status).toBe(416);
  });

  it('answers JSON 40007 for unknown media and for media older than 3 days', async () => {
    const unknown = await app.raw('media/get', { query: { media_id: 'nope' } });
    expect(unknown.headers.get('content-type')).toContain('application/json');
    expect(((await unknown.json()) as { errcode: number }).errcode).toBe(40007);
    const { media_id } = await upload('image', 'a.jpg', bytes(100));
    expect((await app.raw('media/get', { query: { media_id } })).status).toBe(200);
    clock.advance(3 * 86_400_000 + 1000);
    expect(
      ((await (await app.raw('media/get', { query: { media_id } })).json()) as { errcode: number }).errcode,
    ).toBe(40007);
  });
});

describe('media/get content type', () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...bytes(200)]);

  /** A multipart body whose file part has no Content-Type, as Python's requests sends it. */
  async function uploadUntyped(type: string, filename: string, data: Uint8Array): Promise<Json> {
    const boundary = '----wld-untyped';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${filename}"\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.from(data), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await app.raw('media/upload', {
      method: 'POST',
      body,
      query: { type },
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    return (await res.json()) as Json;
  }

  it('goes by the file: a PNG uploaded without a part content type comes back as image/png', async () => {
    const { media_id, errcode } = await uploadUntyped('image', 'screenshot.png', PNG);
    expect(errcode).toBe(0);
    const got = await app.raw('media/get', { query: { media_id } });
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
  });

  it('sniffs the bytes even when the name says nothing', async () => {
    const { media_id } = await uploadUntyped('file', 'attachment', PNG);
    expect((await app.raw('media/get', { query: { media_id } })).headers.get('content-type')).toBe('image/png');
  });

  it('keeps a declared type for bytes it cannot tell', async () => {
    const form = new FormData();
    form.append('media', new Blob([bytes(100)], { type: 'application/vnd.ms-excel' }), 'report.xls');
    const { media_id } = (await (await app.raw('media/upload', { method: 'POST', body: form, query: { type: 'file' } })).json()) as Json;
    expect((await app.raw('media/get', { query: { media_id } })).headers.get('content-type')).toBe('application/vnd.ms-excel');
  });
});

describe('media/uploadimg', () => {
  it('returns a permanent URL that serves the image', async () => {
    const data = bytes(300);
    const form = new FormData();
    form.append('media', new Blob([data], { type: 'image/png' }), 'banner.png');
    const answer = (await (await app.raw('media/uploadimg', { method: 'POST', body: form })).json()) as {
      errcode: number;
      url: string;
    };
    expect(answer.errcode).toBe(0);
    expect(answer.url.startsWith(sim.url)).toBe(true);
    const image = await fetch(answer.url);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(data);
  });

  it('only takes JPG/PNG up to 2 MB', async () => {
    const form = new FormData();
    form.append('media', new Blob([bytes(2 * 1024 * 1024 + 1)]), 'big.png');
    expect(
      (
        (await (await app.raw('media/uploadimg', { method: 'POST', body: form })).json()) as {
          errcode: number;
        }
      ).errcode,
    ).toBe(45001);
  });
});
