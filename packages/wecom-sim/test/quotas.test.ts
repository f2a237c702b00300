import { describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import { connect, getToken, manualClock } from './helpers.ts';

describe('per-API frequency windows (45009)', () => {
  it('refuses the call over the minute budget until that window ends; other APIs are unaffected', async () => {
    const clock = manualClock();
    const sim = await startSimulator({ now: clock.now, quotas: { perApiPerMinute: 5 } });
    try {
      const app = await connect(sim);
      const userid = sim.state.userList[0]!.userid;
      for (let i = 0; i < 5; i++) expect((await app.get('user/get', { userid })).errcode).toBe(0);
      const refused = await app.get('user/get', { userid });
      expect(refused.errcode).toBe(45009);
      expect(refused.errmsg).toContain('api freq out of limit');
      expect((await app.get('department/list')).errcode).toBe(0);
      clock.advance(30_000);
      expect((await app.get('user/get', { userid })).errcode).toBe(45009);
      clock.advance(30_000);
      expect((await app.get('user/get', { userid })).errcode).toBe(0);
      expect(sim.stats.errors(45009)).toBe(2);
    } finally {
      await sim.close();
    }
  });

  it('keeps refusing for the hour once the hourly budget is spent', async () => {
    const clock = manualClock();
    const sim = await startSimulator({
      now: clock.now,
      quotas: { perApiPerHour: 4 },
      tokenTtlSeconds: 86_400,
    });
    try {
      const app = await connect(sim);
      for (let i = 0; i < 4; i++) expect((await app.get('tag/list')).errcode).toBe(0);
      expect((await app.get('tag/list')).errcode).toBe(45009);
      clock.advance(61_000);
      expect((await app.get('tag/list')).errcode).toBe(45009);
      clock.advance(3_600_000);
      expect((await app.get('tag/list')).errcode).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it('limits gettoken per hour and leaves message/send out of the base limits', async () => {
    const sim = await startSimulator({ quotas: { gettokenPerHour: 2, perApiPerMinute: 2 } });
    try {
      const app = await connect(sim);
      expect((await getToken(sim, sim.apps[0]!.secret)).errcode).toBe(0);
      expect((await getToken(sim, sim.apps[0]!.secret)).errcode).toBe(45009);
      expect(sim.tokens.issued()).toBe(2);
      const userid = sim.state.userList.find(
        (u) => u.status === 1 && !sim.state.unlicensedUserIds.has(u.userid),
      )!.userid;
      for (let i = 0; i < 4; i++) {
        const sent = await app.post('message/send', {
          touser: userid,
          msgtype: 'text',
          agentid: 1000002,
          text: { content: `#${i}` },
        });
        expect(sent.errcode).toBe(0);
      }
    } finally {
      await sim.close();
    }
  });

  it('answers 45009 without parsing a large body', async () => {
    const sim = await startSimulator({ quotas: { perApiPerMinute: 1 } });
    try {
      const app = await connect(sim);
      const livingid = [...sim.state.lives.keys()][0]!;
      expect((await app.post('living/get_watch_stat', { livingid, next_key: '0' })).errcode).toBe(0);
      const big = JSON.stringify({ livingid, next_key: '0', padding: 'x'.repeat(1_500_000) });
      expect((await app.post('living/get_watch_stat', big)).errcode).toBe(45009);
      expect((await app.post('living/get_watch_stat', '{not json')).errcode).toBe(45009);
    } finally {
      await sim.close();
    }
  });
});

describe('per-API concurrency (45033)', () => {
  it('refuses calls beyond maxConcurrentPerApi in flight and records the peak', async () => {
    // Each user/get is held for 2 s, so all ten are in flight together even on a busy machine.
    const sim = await startSimulator({
      quotas: { maxConcurrentPerApi: 4 },
      faults: [{ kind: 'latency', latencyMs: 2000, path: '/cgi-bin/user/get' }],
    });
    try {
      const app = await connect(sim);
      const userid = sim.state.userList[0]!.userid;
      sim.stats.reset();
      const answers = await Promise.all(Array.from({ length: 10 }, () => app.get('user/get', { userid })));
      const ok = answers.filter((a) => a.errcode === 0).length;
      const refused = answers.filter((a) => a.errcode === 45033).length;
      expect(ok + refused).toBe(10);
      expect(ok).toBeGreaterThanOrEqual(1);
      expect(ok).toBeLessThanOrEqual(4);
      expect(sim.stats.errors(45033)).toBe(refused);
      expect(sim.stats.maxConcurrent('/cgi-bin/user/get')).toBeGreaterThan(4);
      expect(sim.stats.calls('/cgi-bin/user/get')).toBe(10);
    } finally {
      await sim.close();
    }
  });
});
