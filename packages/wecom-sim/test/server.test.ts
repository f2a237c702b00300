import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect, ERRMSG_FORMAT, manualClock, rawUrl } from './helpers.ts';
import type { TestClient } from './helpers.ts';

let sim: SimServer;
let app: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ seed: 61 });
  app = await connect(sim);
});
afterAll(() => sim.close());

describe('protocol', () => {
  it('answers 48001 for an unknown API and 404 outside /cgi-bin', async () => {
    expect((await app.get('user/teleport')).errcode).toBe(48001);
    expect((await fetch(rawUrl(sim, '/favicon.ico'))).status).toBe(404);
  });

  it('answers 40035 for the wrong method and for a body that is not JSON', async () => {
    const wrong = await app.get('living/create');
    expect(wrong.errcode).toBe(40035);
    expect(wrong.errmsg).toContain('requires POST');
    expect((await app.post('living/create', '{"anchor_userid":')).errcode).toBe(40035);
    expect((await app.post('living/create', '[1,2]')).errcode).toBe(40035);
  });

  it('formats errmsg like WeCom, with the errcode header', async () => {
    const res = await app.raw('user/get', { query: { userid: 'ghost' } });
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('error-code')).toBe('60111');
    const body = (await res.json()) as { errmsg: string };
    expect(body.errmsg).toMatch(ERRMSG_FORMAT);
    expect(body.errmsg).toContain('devtool/query?e=60111');
  });

  it('counts calls and errors per path and resets', async () => {
    sim.stats.reset();
    await app.get('tag/list');
    await app.get('tag/get', { tagid: 999 });
    await app.get('tag/get', { tagid: 999 });
    expect(sim.stats.calls()).toBe(3);
    expect(sim.stats.calls('/cgi-bin/tag/get')).toBe(2);
    expect(sim.stats.errors()).toBe(2);
    expect(sim.stats.errors(40068)).toBe(2);
    expect(sim.stats.errors(45009)).toBe(0);
    expect(sim.stats.maxConcurrent('/cgi-bin/tag/list')).toBe(1);
    sim.stats.reset();
    expect(sim.stats.calls()).toBe(0);
    expect(sim.stats.errors()).toBe(0);
  });

  it('rejects invalid options', async () => {
    await expect(startSimulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startSimulator({ quotas: { perApiPerMinute: Number.NaN } })).rejects.toThrow(
      /perApiPerMinute/,
    );
  });

  it('closes cleanly while keep-alive connections are open', async () => {
    const s = await startSimulator({ size: { users: 10, lives: 0 } });
    const c = await connect(s);
    expect((await c.get('tag/list')).errcode).toBe(0);
    await s.close();
    await expect(fetch(`${s.url}/cgi-bin/tag/list`)).rejects.toThrow();
  });
});

describe('determinism over HTTP', () => {
  it('two simulators with the same seed and clock answer the same data and ids', async () => {
    const clock = manualClock();
    const a = await startSimulator({ seed: 8, now: clock.now, size: { users: 500 } });
    const b = await startSimulator({ seed: 8, now: clock.now, size: { users: 500 } });
    try {
      expect(b.corpId).toBe(a.corpId);
      expect(b.apps).toEqual(a.apps);
      expect(b.contactsSecret).toBe(a.contactsSecret);
      const ca = await connect(a);
      const cb = await connect(b);
      expect(await cb.get('user/list', { department_id: 1, fetch_child: 1 })).toEqual(
        await ca.get('user/list', { department_id: 1, fetch_child: 1 }),
      );
      const ended = [...a.state.lives.values()].find((l) => a.state.liveStatus(l) === 2)!;
      const page = { livingid: ended.livingid, next_key: '0' };
      expect(await cb.post('living/get_watch_stat', page)).toEqual(
        await ca.post('living/get_watch_stat', page),
      );
      const create = {
        anchor_userid: ended.anchor_userid,
        theme: '同样的直播',
        living_start: 1_900_000_000,
        living_duration: 600,
      };
      expect((await cb.post('living/create', create)).livingid).toBe(
        (await ca.post('living/create', create)).livingid,
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
