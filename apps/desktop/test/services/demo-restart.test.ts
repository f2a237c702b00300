// The Demo started again: its WeCom (the embedded simulator) still has what the app wrote to it
// before, as a real corp would, so a live made before the restart can be edited and a message sent
// before it recalled; a saved file the Demo cannot use is set aside, said in the log, and the Demo opens.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { now } from '@wld/clock';
import { profileDir } from '../../src/services/cache/profile-files.ts';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import { DEMO_PROFILE, defaultSettings } from '../../src/shared/settings.ts';
import { SMALL_ORG, connectClient, tempDir } from './helpers.ts';

const dirs: Array<{ remove(): void }> = [];
afterAll(() => {
  for (const dir of dirs) dir.remove();
});

function startDemo(userData: string) {
  return startServicesInProcess({
    userData,
    profile: DEMO_PROFILE,
    settings: { ...defaultSettings(), language: 'en-US' },
    keychain: 'memory',
    demo: { size: SMALL_ORG },
  });
}

const demoFolder = (userData: string) => profileDir(join(userData, 'cache.db'), DEMO_PROFILE.id);

describe('the Demo across restarts', () => {
  it('keeps the lives and messages the app made in its WeCom: edited and recalled after a restart', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = startDemo(dir.path);
    let livingid: string;
    let msgid: string;
    try {
      await first.initialized();
      const client = connectClient(first);
      const anchor = (await client.call('users.search', { limit: 1, status: 1 })).rows[0]!.userid;
      const start = Math.floor(now() / 1000) + 86_400;
      ({ livingid } = await client.call('lives.create', { anchorUserid: anchor, theme: 'Before the restart', livingStart: start, livingDuration: 3600 }));
      const sent = await client.call('messages.send', { recipients: { userids: [anchor], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content: 'before the restart' } });
      msgid = sent.msgid!;
      client.close();
    } finally {
      await first.stop();
    }
    expect(readdirSync(demoFolder(dir.path))).toContain('demo-wecom.json');

    const second = startDemo(dir.path);
    try {
      await second.initialized();
      const client = connectClient(second);
      const modified = await client.call('lives.modify', { livingid, theme: 'After the restart' });
      expect(modified.live.theme).toBe('After the restart');
      await client.call('messages.recall', { msgid });
      client.close();
    } finally {
      await second.stop();
    }
  });

  it('sets a saved file it cannot read aside, says so in the log, and opens on the generated data', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = startDemo(dir.path);
    await first.initialized();
    await first.stop();
    const file = join(demoFolder(dir.path), 'demo-wecom.json');
    writeFileSync(file, '{"version": 1, "seed": "not a number"');
    const second = startDemo(dir.path);
    try {
      expect(await second.initialized()).toMatchObject({ type: 'initDone', mode: 'online' });
      const warnings = second.messages.flatMap((m) => (m.type === 'log' && m.level === 'warn' ? [m.message] : []));
      expect(warnings.some((w) => w.startsWith("The Demo's saved WeCom data could not be read (") && w.includes(`kept as ${file}.unreadable`))).toBe(true);
      expect(existsSync(`${file}.unreadable`)).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
