import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect, ERRMSG_FORMAT, fetchJson, getToken, manualClock, rawUrl } from './helpers.ts';

describe('gettoken', () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, tokenTtlSeconds: 900 });
  });
  afterAll(() => sim.close());

  it('issues a token per app with expires_in from the options', async () => {
    const before = sim.tokens.issued();
    const answer = await getToken(sim, sim.apps[0]!.secret);
    expect(answer).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 900 });
    expect(typeof answer.access_token).toBe('string');
    expect(answer.access_token.length).toBeGreaterThanOrEqual(64);
    expect(sim.tokens.issued()).toBe(before + 1);
  });

  it('exposes the Demo app and the contacts-sync secret', () => {
    expect(sim.apps[0]).toMatchObject({ name: 'live-desk', agentId: 1000002 });
    expect(sim.corpId).toMatch(/^wwsim[0-9a-f]+$/);
    expect(sim.contactsSecret).not.toBe(sim.apps[0]!.secret);
  });

  it('rejects a wrong secret (40001), a wrong corpid (40013) and missing parameters (41002/41004)', async () => {
    const issued = sim.tokens.issued();
    expect((await getToken(sim, 'not-a-secret')).errcode).toBe(40001);
    const wrongCorp = await fetchJson(
      rawUrl(sim, 'gettoken', { corpid: 'wwother', corpsecret: sim.apps[0]!.secret }),
    );
    expect(wrongCorp.errcode).toBe(40013);
    expect((await fetchJson(rawUrl(sim, 'gettoken', { corpsecret: 'x' }))).errcode).toBe(41002);
    const noSecret = await fetchJson(rawUrl(sim, 'gettoken', { corpid: sim.corpId }));
    expect(noSecret.errcode).toBe(41004);
    expect(noSecret.errmsg).toMatch(ERRMSG_FORMAT);
    expect(sim.tokens.issued()).toBe(issued);
  });

  it('answers 41001 without a token and 40014 for an unknown one', async () => {
    expect((await fetchJson(rawUrl(sim, 'user/get', { userid: 'x' }))).errcode).toBe(41001);
    const bad = await fetchJson(rawUrl(sim, 'user/get', { userid: 'x', access_token: 'forged' }));
    expect(bad.errcode).toBe(40014);
  });

  it('expireAll makes current tokens answer 42001 and revokeAll 40014; new tokens work', async () => {
    const userid = sim.state.userList[0]!.userid;
    const a = await connect(sim);
    expect((await a.get('user/get', { userid })).errcode).toBe(0);
    sim.tokens.expireAll();
    expect((await a.get('user/get', { userid })).errcode).toBe(42001);
    const b = await connect(sim);
    expect((await b.get('user/get', { userid })).errcode).toBe(0);
    sim.tokens.revokeAll();
    expect((await b.get('user/get', { userid })).errcode).toBe(40014);
    const c = await connect(sim);
    expect((await c.get('user/get', { userid })).errcode).toBe(0);
  });
});

describe('token lifetime', () => {
  it('expires at issue time + ttl on the simulator clock', async () => {
    const clock = manualClock();
    const sim = await startSimulator({ tokenTtlSeconds: 60, now: clock.now });
    try {
      const client = await connect(sim);
      const userid = sim.state.userList[0]!.userid;
      clock.advance(59_000);
      expect((await client.get('user/get', { userid })).errcode).toBe(0);
      clock.advance(1_000);
      expect((await client.get('user/get', { userid })).errcode).toBe(42001);
    } finally {
      await sim.close();
    }
  });
});

describe('which secret may call what', () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 4 });
  });
  afterAll(() => sim.close());

  it('only the contacts-sync token may call user/list_id (48002 for apps)', async () => {
    const app = await connect(sim);
    const contacts = await connect(sim, sim.contactsSecret);
    expect((await app.post('user/list_id', { limit: 10 })).errcode).toBe(48002);
    expect((await contacts.post('user/list_id', { limit: 10 })).errcode).toBe(0);
  });

  it('the contacts-sync token cannot send messages or read lives (48002) but can read contacts', async () => {
    const contacts = await connect(sim, sim.contactsSecret);
    const send = await contacts.post('message/send', {
      touser: '@all',
      msgtype: 'text',
      agentid: 1000002,
      text: { content: 'x' },
    });
    expect(send.errcode).toBe(48002);
    expect(
      (await contacts.post('living/get_user_all_livingid', { userid: sim.state.userList[0]!.userid }))
        .errcode,
    ).toBe(48002);
    expect((await contacts.get('department/list')).errcode).toBe(0);
  });
});
