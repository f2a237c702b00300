// Apps with roles: each call goes out with the credentials of the app holding its role, and a
// permission error names that app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { Profile } from '../../src/shared/settings.ts';
import { startServicesInProcess, type InProcessServices } from '../../src/services/node-host.ts';
import type { RpcClient } from '../../src/shared/rpc.ts';
import { connectClient, rejection, startSmallSimulator, tempDir, testSettings } from './helpers.ts';

describe('app roles', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  let people: string[] = [];

  beforeAll(async () => {
    sim = await startSmallSimulator();
    const [lives, messages] = [sim.apps[0]!, sim.apps[1]!];
    const profile: Profile = {
      id: 'roles',
      name: 'Roles',
      kind: 'corp',
      corpId: sim.corpId,
      // the messages app comes first: without roles, lives would go out with its credentials
      apps: [
        { name: 'desk-messages', agentId: messages.agentId, roles: ['messages', 'contacts'] },
        { name: 'desk-lives', agentId: lives.agentId, roles: ['lives'] },
      ],
      hasContactsSecret: true,
    };
    services = startServicesInProcess({
      userData: dir.path,
      profile,
      settings: testSettings(sim.url),
      keychain: 'memory',
      presetSecrets: { 'roles/desk-messages': messages.secret, 'roles/desk-lives': lives.secret, 'roles/contacts': sim.contactsSecret },
      probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    await services.initialized();
    client = connectClient(services);
    people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 2 })).rows.map((u) => u.userid);
  });
  afterAll(async () => {
    client.close();
    await services.stop();
    await sim.close();
    dir.remove();
  });

  it('sends messages with the messages app and creates lives with the lives app', async () => {
    const sent = await client.call('messages.send', { recipients: { userids: [people[0]!], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content: 'roles' } });
    expect(sim.state.messages.find((m) => m.msgid === sent.msgid)?.agentid).toBe(sim.apps[1]!.agentId);
    const { livingid } = await client.call('lives.create', {
      anchorUserid: people[0]!,
      theme: 'roles',
      livingStart: Math.floor(Date.now() / 1000) + 86_400,
      livingDuration: 600,
      type: 0,
      description: '',
    });
    expect(sim.state.lives.get(livingid)?.creatorAgentId).toBe(sim.apps[0]!.agentId);
  });

  it('names the app missing a permission (48002 / 60011 / 301002)', async () => {
    for (const errcode of [48002, 60011, 301002]) {
      const rule = sim.faults.add({ kind: 'errcode', path: '/cgi-bin/message/send', errcode, count: 1 });
      const error = await rejection(
        client.call('messages.send', { recipients: { userids: [people[1]!], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content: String(errcode) } }),
      );
      sim.faults.remove(rule);
      expect(error.error.errcode).toBe(errcode);
      expect(error.error.params).toMatchObject({ app: 'desk-messages', role: 'messages' });
      expect(error.error.message).toContain('desk-messages');
    }
  });
});
