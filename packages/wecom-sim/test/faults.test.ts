import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { parseFaultSpec } from '../src/fault-spec.ts';
import { connect, ERRMSG_FORMAT, getToken, manualClock } from './helpers.ts';
import type { TestClient } from './helpers.ts';

let sim: SimServer;
let app: TestClient;
let userid: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 51 });
  app = await connect(sim);
  userid = sim.state.userList[0]!.userid;
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

describe('fault kinds', () => {
  it('errcode: -1 by default with a WeCom errmsg, or the given errcode/errmsg; gettoken is spared', async () => {
    sim.faults.add({ kind: 'errcode' });
    const busy = await app.get('user/get', { userid });
    expect(busy.errcode).toBe(-1);
    expect(busy.errmsg).toMatch(ERRMSG_FORMAT);
    expect((await getToken(sim, sim.apps[0]!.secret)).errcode).toBe(0);
    sim.faults.clear();
    sim.faults.add({
      kind: 'errcode',
      errcode: 60020,
      errmsg: 'not allow to access from your ip, from ip: 10.1.2.3',
    });
    expect(await app.get('user/get', { userid })).toEqual({
      errcode: 60020,
      errmsg: 'not allow to access from your ip, from ip: 10.1.2.3',
    });
  });

  it('http: an HTML error page with the status', async () => {
    sim.faults.add({ kind: 'http', status: 503 });
    const res = await app.raw('user/get', { query: { userid } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('503');
  });

  it('drop: the connection is reset without an answer', async () => {
    sim.faults.add({ kind: 'drop', path: '/cgi-bin/user/get' });
    await expect(app.raw('user/get', { query: { userid } })).rejects.toThrow();
    expect((await app.get('department/list')).errcode).toBe(0);
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    sim.faults.add({ kind: 'malformed' });
    const res = await app.raw('user/get', { query: { userid } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('wrongShape: errcode 0 with a field of the wrong type', async () => {
    sim.faults.add({ kind: 'wrongShape', path: '/cgi-bin/user/get' });
    const answer = await app.get('user/get', { userid });
    expect(answer.errcode).toBe(0);
    expect(typeof answer.userid).toBe('number');
    sim.faults.clear();
    sim.faults.add({ kind: 'wrongShape', path: '/cgi-bin/department/list' });
    expect(typeof (await app.get('department/list')).department).toBe('string');
    sim.faults.clear();
    // An answer without data fields keeps errcode 0 and gets a numeric errmsg.
    sim.faults.add({ kind: 'wrongShape', path: '/cgi-bin/living/modify' });
    const reserved = [...sim.state.lives.values()].find((l) => sim.state.liveStatus(l) === 0)!;
    const modified = await app.post('living/modify', {
      livingid: reserved.livingid,
      description: '更新说明',
    });
    expect(modified.errcode).toBe(0);
    expect(typeof modified.errmsg).toBe('number');
    expect(reserved.description).toBe('更新说明');
  });

  it('latency: the answer is held back (a short client timeout fires)', async () => {
    const id = sim.faults.add({ kind: 'latency', latencyMs: 3000, path: '/cgi-bin/tag/list' });
    await expect(app.raw('tag/list', { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    sim.faults.remove(id);
    expect(
      (
        (await (await app.raw('tag/list', { signal: AbortSignal.timeout(5000) })).json()) as {
          errcode: number;
        }
      ).errcode,
    ).toBe(0);
  });
});

describe('fault selection', () => {
  it('skip and count choose which matching requests fire', async () => {
    sim.faults.add({ kind: 'errcode', errcode: 45033, path: '/cgi-bin/user/get', skip: 2, count: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await app.get('user/get', { userid })).errcode);
    expect(codes).toEqual([0, 0, 45033, 45033, 45033, 0, 0]);
  });

  it('a RegExp path matches several APIs', async () => {
    sim.faults.add({ kind: 'errcode', errcode: 42001, path: /^\/cgi-bin\/(tag|department)\// });
    expect((await app.get('tag/list')).errcode).toBe(42001);
    expect((await app.get('department/list')).errcode).toBe(42001);
    expect((await app.get('user/get', { userid })).errcode).toBe(0);
  });

  it('rate is seeded: the same seed gives the same sequence', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startSimulator({
        seed: 99,
        size: { users: 20, lives: 0 },
        faults: [{ kind: 'errcode', rate: 0.4 }],
      });
      try {
        const c = await connect(s);
        const codes: number[] = [];
        for (let i = 0; i < 30; i++) codes.push((await c.get('tag/list')).errcode);
        return codes;
      } finally {
        await s.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const fired = first.filter((c) => c === -1).length;
    expect(fired).toBeGreaterThan(2);
    expect(fired).toBeLessThan(28);
  });

  it('fromMs/untilMs schedule a rule on the simulator clock', async () => {
    const clock = manualClock();
    const s = await startSimulator({ now: clock.now, size: { users: 20, lives: 0 } });
    try {
      const c = await connect(s);
      s.faults.add({ kind: 'errcode', errcode: -1, fromMs: 1000, untilMs: 2000 });
      expect((await c.get('tag/list')).errcode).toBe(0);
      clock.advance(1000);
      expect((await c.get('tag/list')).errcode).toBe(-1);
      clock.advance(1000);
      expect((await c.get('tag/list')).errcode).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('remove and clear switch rules off; invalid rules are refused', async () => {
    const id = sim.faults.add({ kind: 'errcode' });
    expect((await app.get('tag/list')).errcode).toBe(-1);
    sim.faults.remove(id);
    expect((await app.get('tag/list')).errcode).toBe(0);
    expect(() => sim.faults.add({ kind: 'errcode', rate: 2 })).toThrow(/rate/);
    expect(() => sim.faults.add({ kind: 'explode' as never })).toThrow(/kind/);
  });

  it('faults apply to gettoken when targeted explicitly', async () => {
    sim.faults.add({ kind: 'errcode', errcode: -1, path: '/cgi-bin/gettoken', count: 1 });
    expect((await getToken(sim, sim.apps[0]!.secret)).errcode).toBe(-1);
    expect((await getToken(sim, sim.apps[0]!.secret)).errcode).toBe(0);
  });
});

describe('fault specs from text', () => {
  it('parses key=value lists and JSON, with ~ for a RegExp path', () => {
    expect(parseFaultSpec('kind=errcode,errcode=-1,rate=0.1,path=/cgi-bin/user/get')).toEqual({
      kind: 'errcode',
      errcode: -1,
      rate: 0.1,
      path: '/cgi-bin/user/get',
    });
    const json = parseFaultSpec('{"kind":"latency","latencyMs":50,"path":"~^/cgi-bin/living/"}');
    expect(json.kind).toBe('latency');
    expect(json.path).toBeInstanceOf(RegExp);
    expect((json.path as RegExp).test('/cgi-bin/living/get_watch_stat')).toBe(true);
    expect(() => parseFaultSpec('kind')).toThrow(/key=value/);
  });
});
