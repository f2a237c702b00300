// Every services method under thousands of generated payloads (garbage, valid inputs with one field
// spoiled, valid inputs): 0 crashes (no 'internal' answer), 0 hangs (each call answers in time), 0
// accepted-but-invalid inputs (what was accepted passes an oracle written apart from the contract),
// and every refusal is a readable sentence.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { servicesContract, type ServicesMethod } from '../../src/shared/contract.ts';
import { RpcError, type RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { BOT_URL_ENV } from '../../src/services/bot/bot-host.ts';
import { anyRange, payloadsFor } from '../fuzz/hostile.ts';
import { isReadableSentence, problemsOf } from '../fuzz/oracle.ts';
import { CORP_PROFILE_ID, startCorpSuite, stopCorpSuite, tempDir } from './helpers.ts';

const RUNS_PER_METHOD = 120;
const CALL_TIMEOUT_MS = 15_000;
const SEED = 20261204;

type Outcome = { kind: 'ok' } | { kind: 'refused'; message: string } | { kind: 'failed'; code: string; errorKind: string; message: string } | { kind: 'hang' };

describe('contract fuzz (services)', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  let bases: Record<ServicesMethod, Record<string, unknown>>;

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
    // bot.configure may turn hosting on: its connection goes to the simulator, never to WeCom.
    process.env[BOT_URL_ENV] = sim.aibotUrl;
    const [someone, other] = (await client.call('users.search', { status: 1, limit: 2 })).rows.map((u) => u.userid);
    const livingid = (await client.call('lives.list', {})).lives[0]!.livingid;
    const start = Math.floor(Date.now() / 1000) + 86_400;
    const text = { msgtype: 'text', content: 'fuzz' };
    const recipients = { userids: [someone], departmentIds: [], tagIds: [] };
    bases = {
      'connection.state': {},
      'connection.reconnect': {},
      'connection.test': { corpId: sim.corpId, agentId: sim.apps[0]!.agentId, secret: 'not-the-secret', baseUrl: sim.url },
      'sync.start': { scope: 'org' },
      'sync.cancel': { jobId: 'job-1' },
      'sync.status': {},
      'secrets.set': { profileId: 'fuzz-profile', app: 'fuzz-app', secret: 's3cret' },
      'secrets.setNetwork': { account: 'header:X-Fuzz', secret: 's3cret' },
      'secrets.status': { profileId: CORP_PROFILE_ID },
      'secrets.delete': { profileId: 'fuzz-profile', app: 'fuzz-app' },
      'org.departments': {},
      'users.search': { query: 'a', departmentId: 1, recursive: true, status: 1, sort: 'name', desc: false, offset: 0, limit: 10 },
      'users.get': { userid: someone },
      'users.byIds': { userids: [someone, 'not-a-member', other] },
      'tags.list': {},
      'tags.members': { tagid: 1 },
      'lives.list': { from: 0, to: start, status: [0], anchorUserid: someone, type: 0, query: '' },
      'lives.get': { livingid },
      'lives.create': { anchorUserid: someone, theme: '模糊测试', livingStart: start, livingDuration: 3600, type: 0, description: '多行\n说明', remindTime: 0, audience: { userids: [someone], departmentIds: [], tagIds: [] } },
      'lives.modify': { livingid, theme: '改名', description: 'd' },
      'lives.cancel': { livingid: 'no-such-live' },
      'lives.deleteReplay': { livingid: 'no-such-live' },
      'lives.now': { horizonHours: 24 },
      'lives.discovery': {},
      'lives.watchStats': { livingid, kind: 'all', sort: 'watchTime', desc: true, offset: 0, limit: 10 },
      'lives.analytics': { livingid },
      'lives.absentees': { livingid },
      'lives.remindAbsentees': { livingid: 'no-such-live', message: '请观看' },
      'lives.remindPreview': { livingid, who: 'incomplete', message: '请观看' },
      'training.live': { livingid },
      'training.setRequired': { livingid, required: { departments: [{ id: 1, withSub: true }], tagIds: [1], userids: [someone] } },
      'training.setLiveRule': { livingid, threshold: 0.8 },
      'training.matchLearners': { entries: [someone, '张三', ''] },
      'training.seriesList': {},
      'training.seriesGet': { id: 1, from: 0, to: start },
      'training.seriesSave': { id: null, name: '安全培训', threshold: 0.9, required: null, livingids: [livingid] },
      'training.seriesDelete': { id: 999_999 },
      'training.seriesSetLives': { id: 999_999, add: [livingid], remove: [] },
      'training.seriesSuggestions': {},
      'training.repeatLive': { livingid: 'no-such-live', every: 'week', count: 1, seriesId: null },
      'training.report': { from: 0, to: start, seriesId: null, departmentId: 1, userid: someone },
      'notices.preview': { livingid, kind: 'changed' },
      'notices.send': { livingid: 'no-such-live', kind: 'changed', addToCalendar: true },
      'notices.retry': { id: 1 },
      'notices.list': { livingid },
      'reminders.schedule': { livingid, kind: 'after-end', offsetMinutes: 60, note: '请观看回放' },
      'reminders.cancel': { id: 1 },
      'stats.home': {},
      'stats.overview': { from: 0, to: start, anchorUserid: null, type: null, departmentId: null },
      'media.upload': { type: 'file', filename: 'a.txt', contentType: 'text/plain', data: new Uint8Array([1, 2, 3]) },
      'messages.send': { recipients, body: text },
      'messages.reach': { recipients },
      'messages.history': { offset: 0, limit: 10 },
      'messages.recall': { msgid: 'no-such-message' },
      'messages.statistics': { timeType: 0 },
      'appchat.list': {},
      'appchat.create': { name: '模糊群', owner: someone, userlist: [someone, other], chatid: 'fuzzchat1' },
      'appchat.update': { chatid: 'fuzzchat1', name: '新名字', addUsers: [someone], removeUsers: [] },
      'appchat.send': { chatid: 'fuzzchat1', body: text },
      'apiUsage.stats': {},
      'cache.info': {},
      'cache.clear': {},
      'cache.scope': {},
      'cache.exportLocal': {},
      'cache.clearLocal': { confirmProfileId: 'acme' },
      'profileData.export': {},
      'profileData.delete': { profileId: 'fuzz-other' },
      'bot.status': {},
      'bot.configure': { botId: 'aibfuzzbot', hostHere: false, secret: 's3cret' },
      'bot.reconnect': {},
      'bot.log': { kind: null, query: '', offset: 0, limit: 10 },
      'bot.signups': { livingid },
      'bot.sendLiveCard': { livingid, chatid: 'fuzzchat1' },
      'bot.remindAbsentees': { livingid, chatid: 'fuzzchat1' },
    };
  }, 60_000);
  afterAll(() => {
    delete process.env[BOT_URL_ENV];
    return stopCorpSuite({ sim, services, client }, dir);
  });

  async function call(method: ServicesMethod, input: unknown): Promise<Outcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'hang' }), CALL_TIMEOUT_MS);
    });
    const answer = client.call(method, input as never).then(
      (): Outcome => ({ kind: 'ok' }),
      (error: unknown): Outcome => {
        if (!(error instanceof RpcError)) return { kind: 'failed', code: 'NOT_RPC', errorKind: 'internal', message: String(error) };
        const { kind, code, message } = error.error;
        return kind === 'validation' && (code === 'INVALID_INPUT' || code === 'UNKNOWN_METHOD')
          ? { kind: 'refused', message }
          : { kind: 'failed', code, errorKind: kind, message };
      },
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('has a valid base input for every method', async () => {
    expect(Object.keys(bases).sort()).toEqual(Object.keys(servicesContract).sort());
    for (const [method, input] of Object.entries(bases)) {
      expect(servicesContract[method as ServicesMethod].input.safeParse(input).success, method).toBe(true);
    }
  });

  it('answers thousands of generated payloads without a crash, a hang or an invalid input accepted', async () => {
    const methods = Object.keys(servicesContract) as ServicesMethod[];
    const crashes: string[] = [];
    const hangs: string[] = [];
    const acceptedInvalid: string[] = [];
    const unreadable: string[] = [];
    let total = 0;
    let refused = 0;
    for (const [index, method] of methods.entries()) {
      const base = bases[method];
      let arbitrary = payloadsFor(base);
      if ('from' in base && 'to' in base) {
        arbitrary = fc.oneof(arbitrary, anyRange.map(([from, to]) => ({ ...base, from, to })));
      }
      const payloads = fc.sample(arbitrary, { numRuns: RUNS_PER_METHOD, seed: SEED + index });
      for (const input of payloads) {
        total++;
        const outcome = await call(method, input);
        const shown = () => `${method} ${JSON.stringify(input)?.slice(0, 200)}`;
        if (outcome.kind === 'hang') hangs.push(shown());
        else if (outcome.kind === 'refused') {
          refused++;
          if (!isReadableSentence(outcome.message)) unreadable.push(`${shown()} → ${outcome.message.slice(0, 200)}`);
        } else {
          if (outcome.kind === 'failed' && outcome.errorKind === 'internal') crashes.push(`${shown()} → ${outcome.code} ${outcome.message}`);
          if (outcome.kind === 'failed' && !isReadableSentence(outcome.message)) unreadable.push(`${shown()} → ${outcome.message.slice(0, 200)}`);
          const problems = problemsOf(input);
          if (problems.length > 0) acceptedInvalid.push(`${shown()}: ${problems.join('; ')}`);
        }
      }
    }
    console.info(`contract fuzz (services): ${total} payloads over ${methods.length} methods, ${refused} refused as invalid`);
    expect(total).toBeGreaterThanOrEqual(methods.length * RUNS_PER_METHOD);
    expect(crashes).toEqual([]);
    expect(hangs).toEqual([]);
    expect(acceptedInvalid).toEqual([]);
    expect(unreadable).toEqual([]);
    // the services still answer after all that
    expect((await client.call('connection.state', {})).state).toMatch(/online|offline/);
  }, 600_000);
});
