// Loads the BUILT main process (out/main/index.js) on the fake Electron and reports, as JSON on
// stdout, what it did: windows, their files on disk, the services entry, app:// answers, init.
//   node --import ./fake-electron-hooks.ts drive-built-main.ts <out dir> <userData dir>
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, forked, ipcMain, lastServices, session } from '../fake-electron.ts';

const [outDir, userData] = process.argv.slice(2);
if (!outDir || !userData) throw new Error('usage: drive-built-main.ts <out dir> <userData dir>');

app.switches.set('user-data-dir', userData);
await import(path.join(outDir, 'main', 'index.js'));
await new Promise((r) => setTimeout(r, 50));

const launcher = BrowserWindow.instances[0];
const webPreferences = (launcher?.options.webPreferences ?? {}) as Record<string, unknown>;
const services = lastServices();
services.say({ type: 'ready' });
// A fresh userData has no profile: the launcher is asked for the first-run choice.
const firstRun = launcher?.webContents
  .sentOn('wld:event')
  .some((e) => (e as { event: string }).event === 'launcher.firstRun');
const chooseDemo = launcher
  ? await ipcMain.invoke('wld:invoke', launcher.webContents.ipcEvent(), {
      method: 'launcher.chooseDemo',
      input: {},
    })
  : null;
const init = services.postedOf('init')[0]?.message ?? null;

const handler = session.defaultSession.protocol.handlers.get('app');
const fetchPage = async (url: string) => {
  if (!handler) return null;
  const response = await handler(new Request(url));
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy'),
    length: (await response.text()).length,
  };
};

const report = {
  userData: app.getPath('userData'),
  launcherUrl: launcher?.webContents.url ?? null,
  preload: webPreferences.preload ?? null,
  preloadExists: typeof webPreferences.preload === 'string' && existsSync(webPreferences.preload),
  icon: launcher?.options.icon ?? null,
  iconExists: typeof launcher?.options.icon === 'string' && existsSync(launcher.options.icon),
  forks: forked.length,
  servicesPath: services.modulePath,
  servicesExists: existsSync(services.modulePath),
  firstRun,
  chooseDemo,
  init,
  launcherPage: await fetchPage('app://wld/launcher.html'),
  indexPage: await fetchPage('app://wld/index.html'),
  outside: await fetchPage('app://wld/../main/index.js'),
  settingsFile: existsSync(path.join(userData, 'settings.json')),
  logFile: existsSync(path.join(userData, 'logs', 'main.log')),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
