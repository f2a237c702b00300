// Every method of the contract refuses malformed input before any handler runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { servicesContract, type ServicesMethod } from '../../src/shared/contract.ts';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { rejection, tempDir, startCorpSuite, stopCorpSuite } from './helpers.ts';

const methods = Object.keys(servicesContract) as ServicesMethod[];
/** Values no input schema accepts: every input is an object. */
const garbage: unknown[] = ['garbage', 42, null, [1, 2], true];

describe('contract validation', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it.each(methods)('%s rejects garbage with kind validation', async (method) => {
    for (const input of garbage) {
      const error = await rejection(client.call(method, input as never));
      expect(error.error.kind).toBe('validation');
      expect(error.error.code).toBe('INVALID_INPUT');
    }
  });

  it('names the offending fields and changes nothing', async () => {
    const before = (await client.call('lives.list', {})).lives.length;
    const error = await rejection(
      client.call('lives.create', { anchorUserid: 'bad id!', theme: '', livingStart: -1, livingDuration: 5 } as never),
    );
    expect(error.error.message).toMatch(/anchorUserid/);
    expect(error.error.message).toMatch(/theme/);
    expect(error.error.message).toMatch(/livingStart/);
    expect(error.error.message).toMatch(/livingDuration/);
    expect((await client.call('lives.list', {})).lives.length).toBe(before);
    expect(sim.stats.calls('/cgi-bin/living/create')).toBe(0);
  });

  it('rejects wrong field types in otherwise valid shapes', async () => {
    const cases: Array<[ServicesMethod, unknown]> = [
      ['users.search', { limit: 0 }],
      ['users.search', { sort: 'age' }],
      ['lives.watchStats', { livingid: 'x', kind: 'guests' }],
      ['messages.send', { recipients: { userids: ['a'], departmentIds: [], tagIds: [] }, body: { msgtype: 'voice' } }],
      ['media.upload', { type: 'image', filename: 'a.png', contentType: 'image/png', data: 'not bytes' }],
      ['appchat.create', { name: 'x', userlist: ['only-one'] }],
      ['connection.state', { extra: 1 }],
      ['sync.start', { scope: 'everything' }],
    ];
    for (const [method, input] of cases) {
      const error = await rejection(client.call(method, input as never));
      expect(error.error.kind, method).toBe('validation');
    }
  });
});
