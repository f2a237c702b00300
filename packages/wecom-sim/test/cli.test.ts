import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('cli', () => {
  it('starts a simulator, prints its connection details and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--port',
        '0',
        '--seed',
        '2',
        '--users',
        '50',
        '--departments',
        '8',
        '--json',
        '--fault',
        'kind=errcode,errcode=-1,path=/cgi-bin/tag/list',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('cli exited early')));
      });
      const details = JSON.parse(first) as {
        url: string;
        corpId: string;
        apps: { name: string; secret: string }[];
        contactsSecret: string;
      };
      expect(details.apps[0]!.name).toBe('live-desk');
      expect(details.contactsSecret.length).toBeGreaterThan(20);
      const token = (await (
        await fetch(
          `${details.url}/cgi-bin/gettoken?corpid=${details.corpId}&corpsecret=${details.apps[0]!.secret}`,
        )
      ).json()) as {
        access_token: string;
      };
      const users = (await (
        await fetch(
          `${details.url}/cgi-bin/user/simplelist?department_id=1&fetch_child=1&access_token=${token.access_token}`,
        )
      ).json()) as {
        userlist: unknown[];
      };
      expect(users.userlist).toHaveLength(50);
      const faulted = (await (
        await fetch(`${details.url}/cgi-bin/tag/list?access_token=${token.access_token}`)
      ).json()) as { errcode: number };
      expect(faulted.errcode).toBe(-1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
