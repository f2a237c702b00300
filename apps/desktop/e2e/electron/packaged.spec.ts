// The packaged app (WLD_PACKAGED_APP = its executable, after `bash scripts/package.sh …`): fuses
// flipped, every packed .node built for this machine, and the natives loading under Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PROFILE, defaultSettings } from '../../src/shared/settings.ts';
import { auditTargets } from '../../scripts/native-audit.ts';
import { nodeFilesUnder } from '../../scripts/native-audit/collect.ts';

const executable = process.env.WLD_PACKAGED_APP ?? '';
const reason = !executable
  ? 'WLD_PACKAGED_APP is not set (the path of a packaged app’s executable, made by scripts/package.sh)'
  : !existsSync(executable)
    ? `${executable} does not exist`
    : null;
if (reason) console.warn(`[packaged e2e] skipped: ${reason}`);
test.skip(reason !== null, reason ?? '');

function resourcesDir(): string {
  return process.platform === 'darwin'
    ? path.join(path.dirname(executable), '..', 'Resources')
    : path.join(path.dirname(executable), 'resources');
}

test('4. fuses: ELECTRON_RUN_AS_NODE and NODE_OPTIONS are ignored by the packaged binary', () => {
  const asNode = spawnSync(executable, ['-e', 'console.log("ran-as-node")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(asNode.stdout ?? '').not.toContain('ran-as-node');
  const withOptions = spawnSync(executable, ['--version'], {
    env: { ...process.env, NODE_OPTIONS: '--require /nonexistent-wld-probe.js', ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(`${withOptions.stdout}${withOptions.stderr}`).not.toContain('nonexistent-wld-probe');
});

test('7. every packed .node is built for this platform, arch and glibc', () => {
  const unpacked = path.join(resourcesDir(), 'app.asar.unpacked');
  expect(nodeFilesUnder(unpacked).length).toBeGreaterThan(0);
  const [report] = auditTargets({ targets: [`${process.platform}-${process.arch}`], unpacked });
  expect(report?.findings).toEqual([]);
});

// Playwright's _electron needs --inspect, which the packaged binary's fuses turn off: this one is
// started as a user would start it, on a userData whose settings already choose the Demo.
test('4/7. the packaged app starts: the cache (better-sqlite3) opens and the Demo initialises', async () => {
  const userData = mkdtempSync(path.join(tmpdir(), 'wld-packaged-'));
  writeFileSync(
    path.join(userData, 'settings.json'),
    JSON.stringify({ ...defaultSettings(), profiles: [DEMO_PROFILE], activeProfileId: DEMO_PROFILE.id }),
  );
  const child = spawn(executable, [`--user-data-dir=${userData}`], { stdio: 'ignore' });
  try {
    const log = () => {
      const file = path.join(userData, 'logs', 'main.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    };
    await expect.poll(log, { timeout: 90_000 }).toMatch(/services initialised: (online|offline)/);
    expect(log()).not.toMatch(/native module|cannot be read as a database/);
  } finally {
    child.kill();
    rmSync(userData, { recursive: true, force: true });
  }
});
