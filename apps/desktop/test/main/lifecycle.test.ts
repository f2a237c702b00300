// Quitting and the services' exit: one shutdown however often the user quits, and the services'
// last printed lines reach the log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { wireAppLifecycle } from '../../src/main/app-lifecycle.ts';
import { app, lastServices, readyFakeElectron, timeline } from './fake-electron.ts';
import { createTestApp, disposeTestApps, startToMainWindow } from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

describe('quitting', () => {
  it('a second quit while the services close waits for the same shutdown', async () => {
    const test = createTestApp({ overrides: { shutdownTimeoutMs: 10_000 } });
    wireAppLifecycle(test.context, test.log);
    await startToMainWindow(test);
    const services = lastServices();
    expect(test.context.shutdown()).toBe(test.context.shutdown());

    app.quit();
    app.quit();
    app.quit();
    expect(services.postedOf('shutdown')).toHaveLength(1);
    expect(timeline).not.toContain('app:quitted');
    expect(services.killed).toBe(false);

    services.exit(0);
    await vi.waitFor(() => expect(timeline).toContain('app:quitted'));
    expect(timeline.filter((e) => e === 'app:quitted')).toHaveLength(1);
    expect(services.postedOf('shutdown')).toHaveLength(1);
  });

  it('a stop asked while one is under way resolves only when the process is gone', async () => {
    const test = createTestApp({ overrides: { shutdownTimeoutMs: 10_000 } });
    await startToMainWindow(test);
    const services = lastServices();
    let firstDone = false;
    let secondDone = false;
    void test.context.services.stop(10_000).then(() => (firstDone = true));
    void test.context.services.stop(10_000).then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 10));
    expect([firstDone, secondDone]).toEqual([false, false]);
    services.exit(0);
    await vi.waitFor(() => expect([firstDone, secondDone]).toEqual([true, true]));
  });
});

describe("the services' output", () => {
  it('is logged as whole lines, including an unterminated last line and lines that come after exit', async () => {
    const test = createTestApp();
    test.context.start();
    const services = lastServices();
    services.stdout.emit('data', Buffer.from('cache closed after 12 wri'));
    services.stdout.emit('data', Buffer.from('tes\n中文'));
    services.stdout.emit('data', Buffer.from([0xe6, 0x97]));
    services.stdout.emit('data', Buffer.from([0xa5]));
    services.stderr.emit('data', Buffer.from('last words without a newline'));
    services.exit(1);
    services.stdout.emit('data', Buffer.from('late line\n'));
    const printed = test.log.lines.filter((l) => l.level === 'services').map((l) => l.text);
    expect(printed).toEqual(
      expect.arrayContaining([
        'info cache closed after 12 writes',
        'info 中文日',
        'warn last words without a newline',
        'info late line',
      ]),
    );
    expect(printed.filter((l) => l.includes('wri'))).toHaveLength(1);
  });
});
