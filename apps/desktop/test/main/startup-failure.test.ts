// Item: a start-up failure never leaves a silent process. The BUILT main process is loaded on the
// fake Electron with a start-up that throws, before and after `ready`: an error dialog names the
// log file, the single-instance lock is released, and the process exits with code 1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { failStartup, startupFailureText } from '../../src/main/startup-failure.ts';
import { app, dialog, readyFakeElectron, timeline } from './fake-electron.ts';
import { recordingLog } from './helpers.ts';

const appDir = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(appDir, 'out');
const built = existsSync(path.join(outDir, 'main', 'index.js'));
if (!built) console.warn('[start-up failure] built-main cases skipped: no build in out/');

beforeEach(() => readyFakeElectron());

interface Report {
  errors: Array<{ title: string; content: string }>;
  exitCode: number | null;
  lockHeld: boolean;
  timeline: string[];
  windowsOpen: number;
}

function runFailingMain(how: 'settings-dir' | 'fork-throws'): { report: Report; userData: string } {
  const userData = mkdtempSync(path.join(tmpdir(), 'wld-fail-'));
  const stdout = execFileSync(
    process.execPath,
    ['--import', './test/main/build-smoke/fake-electron-hooks.ts', 'test/main/build-smoke/drive-failing-main.ts', outDir, userData, how],
    { cwd: appDir, encoding: 'utf8', timeout: 60_000 },
  );
  return { report: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Report, userData };
}

describe('start-up failure', () => {
  it('failStartup shows both languages with the log path, releases the lock, then exits 1', () => {
    app.requestSingleInstanceLock();
    const log = recordingLog();
    failStartup(new Error('EISDIR: illegal operation on a directory, read'), '/data/logs/main.log', log);
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]?.content).toContain('/data/logs/main.log');
    expect(dialog.errors[0]?.content).toMatch(/启动时出错.*EISDIR/);
    expect(dialog.errors[0]?.content).toMatch(/Start-up failed: EISDIR/);
    expect(app.hasSingleInstanceLock()).toBe(false);
    expect(app.exitCode).toBe(1);
    expect(timeline.indexOf('app:release-lock')).toBeLessThan(timeline.indexOf('app:exit 1'));
    expect(log.lines.some((l) => l.level === 'error' && l.text.includes('start-up failed'))).toBe(true);
  });

  it('keeps the first line of a long message only', () => {
    const text = startupFailureText(new Error(`first line\n${'x'.repeat(10_000)}`), '/l');
    expect(text.content).not.toContain('xxx');
  });

  it.skipIf(!built)('built main, unreadable settings (before ready): dialog with the log path, lock released, exit 1', () => {
    const { report, userData } = runFailingMain('settings-dir');
    const logFile = path.join(userData, 'logs', 'main.log');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.content).toContain(logFile);
    expect(report.exitCode).toBe(1);
    expect(report.lockHeld).toBe(false);
    expect(report.windowsOpen).toBe(0);
    expect(readFileSync(logFile, 'utf8')).toContain('start-up failed');
  });

  it.skipIf(!built)('built main, the services cannot be forked (after ready): same dialog and exit', () => {
    const { report, userData } = runFailingMain('fork-throws');
    expect(report.errors[0]?.content).toContain('forced: the services could not be forked');
    expect(report.errors[0]?.content).toContain(path.join(userData, 'logs', 'main.log'));
    expect(report.exitCode).toBe(1);
    expect(report.lockHeld).toBe(false);
    expect(report.timeline).toContain('app:ready');
  });
});
