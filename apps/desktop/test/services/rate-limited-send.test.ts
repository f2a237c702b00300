// A send WeCom rate-limits (45009) fails at once and says how long to wait, instead of holding the
// person behind a spinner for WeCom's minute (syncs still wait their windows out: sync-units.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { rejection, tempDir, startCorpSuite, stopCorpSuite } from './helpers.ts';

describe('a rate-limited send', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('fails at once with the wait, and nothing is delivered', async () => {
    const someone = (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
    sim.faults.add({ kind: 'errcode', errcode: 45009, path: '/cgi-bin/message/send', count: 3 });
    const before = sim.state.messages.length;
    const limited = await rejection(
      client.call('messages.send', { recipients: { userids: [someone], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content: '限频时发送' } }),
    );
    expect(limited.error).toMatchObject({ kind: 'wecom', code: 'WECOM_45009', params: { seconds: 60 } });
    expect(limited.error.message).toMatch(/try again in about 60 s/);
    expect(sim.state.messages.length).toBe(before);
  });
});
