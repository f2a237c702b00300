import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComClientError, WeComInputError } from '../../src/errors/errors.ts';
import { bytesOf, pngBytes } from './media-fixtures.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 30, departments: 3, lives: 2, maxViewers: 5 } });
});
afterAll(() => env?.close());

describe('media', () => {
  it('uploads an image and downloads it whole and by range', async () => {
    const data = pngBytes(5000);
    const uploaded = await env.client.media.upload('image', { filename: '封面.png', data });
    expect(uploaded.type).toBe('image');
    expect(uploaded.media_id).toBeTruthy();
    expect(Math.abs(uploaded.created_at - systemClock.now() / 1000)).toBeLessThan(600);
    expect(env.sim.state.media.get(uploaded.media_id)?.filename).toBe('封面.png');

    const whole = await env.client.media.get(uploaded.media_id);
    expect(whole.status).toBe(200);
    expect(whole.filename).toBe('封面.png');
    expect(Buffer.from(whole.data).equals(Buffer.from(data))).toBe(true);

    const part = await env.client.media.get(uploaded.media_id, { range: { start: 100, end: 1123 } });
    expect(part.status).toBe(206);
    expect(part.contentRange).toBe(`bytes 100-1123/${data.length}`);
    expect(Buffer.from(part.data).equals(Buffer.from(data.subarray(100, 1124)))).toBe(true);

    const tail = await env.client.media.get(uploaded.media_id, { range: { start: 4990 } });
    expect(tail.data.length).toBe(10);
  });

  it('uploads a file with a guessed content type', async () => {
    const data = bytesOf('name,watch_time\n张三,3600\n', 20);
    const uploaded = await env.client.media.upload('file', { filename: 'report.csv', data });
    expect(env.sim.state.media.get(uploaded.media_id)?.contentType).toBe('text/csv');
  });

  it('uploads an article image and returns its permanent URL', async () => {
    const url = await env.client.media.uploadImg({ filename: 'inline.png', data: pngBytes(3000) });
    expect(url).toMatch(/^https?:\/\//);
  });

  it('maps an unknown media_id to 40007 with a hint to upload again', async () => {
    const error = await rejectionOf(env.client.media.get('no-such-media'));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(40007);
    expect((error as WeComClientError).userMessage).toMatch(/Upload the file again/);
  });

  it('checks sizes and formats before uploading', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [() => env.client.media.upload('file', { filename: 'tiny.txt', data: bytesOf('12345') }), 'data'],
      [
        () => env.client.media.upload('image', { filename: 'x.png', data: bytesOf('GIF89a-not-a-png') }),
        'data',
      ],
      [
        () =>
          env.client.media.upload('voice', {
            filename: 'long.amr',
            data: new Uint8Array(2 * 1024 * 1024 + 1),
          }),
        'data',
      ],
      [() => env.client.media.upload('file', { filename: '', data: bytesOf('abcdefgh') }), 'filename'],
      [
        () => env.client.media.uploadImg({ filename: 'big.png', data: pngBytes(2 * 1024 * 1024 + 1) }),
        'data',
      ],
      [() => env.client.media.get('m1', { range: { start: 10, end: 5 } }), 'range'],
    ];
    for (const [attempt, field] of cases) {
      const { value: error, calls } = await countCalls(env.sim, () => rejectionOf(attempt()));
      expect(error, field).toBeInstanceOf(WeComInputError);
      expect((error as WeComInputError).field).toBe(field);
      expect(calls).toBe(0);
    }
  });
});
