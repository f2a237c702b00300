// Starts WeCom Live Desk in a browser where no Electron binary exists: the production renderer build,
// the real services under Node (Demo profile by default), and Chromium as the window.
//   node apps/desktop/scripts/browser-app.ts [--port 5174] [--no-open] [--user-data <dir>]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from '../browser-host/host.ts';
import { DEMO_PROFILE } from '../src/shared/settings.ts';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    'no-open': { type: 'boolean', default: false },
    'user-data': { type: 'string', default: join(homedir(), '.config', 'wecom-live-desk-browser') },
    /** Show the launcher's first-run choice instead of starting on the Demo profile. */
    'first-run': { type: 'boolean', default: false },
  },
});

const rendererDir = join(appDir, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('No renderer build: run `pnpm build` first.');
  process.exit(1);
}
const host = await startBrowserHost({
  rendererDir,
  userData: values['user-data'],
  port: Number(values.port),
  log: (line) => console.log(line),
});
// The Demo profile by default; --first-run shows the launcher's choice (Demo or a corp) instead.
if (!host.settings.activeProfile() && !values['first-run']) {
  host.settings.saveProfile(DEMO_PROFILE);
  host.settings.activateProfile(DEMO_PROFILE.id);
}
const page = '/launcher.html'; // the launcher shows start-up progress, then opens the main window
console.log(`WeCom Live Desk (browser host) at ${host.url}${page}   user data: ${values['user-data']}`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!values['no-open'] && chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
  spawn(chromium, [`--app=${host.url}${page}`, '--no-first-run', `--user-data-dir=${join(values['user-data'], 'chromium')}`], {
    stdio: 'ignore',
    detached: true,
  }).unref();
} else {
  console.log('Open the address above in a browser (no display found to open a window).');
}

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
