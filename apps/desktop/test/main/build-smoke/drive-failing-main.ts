// Loads the BUILT main process on the fake Electron with a start-up that throws, and reports what
// the user and the OS would see: the dialog, the lock, the exit code.
//   node --import ./fake-electron-hooks.ts drive-failing-main.ts <out dir> <userData dir> <how>
// how: settings-dir  settings.json is a folder (unreadable settings, before `ready`)
//      fork-throws   forking the services throws (after `ready`)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, timeline, utilityProcess } from '../fake-electron.ts';

const [outDir, userData, how] = process.argv.slice(2);
if (!outDir || !userData || !how) throw new Error('usage: drive-failing-main.ts <out dir> <userData dir> <how>');

app.switches.set('user-data-dir', userData);
if (how === 'settings-dir') mkdirSync(path.join(userData, 'settings.json'), { recursive: true });
if (how === 'fork-throws')
  utilityProcess.onFork = () => {
    throw new Error('forced: the services could not be forked');
  };
await import(path.join(outDir, 'main', 'index.js'));
await new Promise((r) => setTimeout(r, 100));

process.stdout.write(
  `${JSON.stringify({
    errors: dialog.errors,
    exitCode: app.exitCode,
    lockHeld: app.hasSingleInstanceLock(),
    timeline,
    windowsOpen: BrowserWindow.getAllWindows().length,
  })}\n`,
);
process.exit(0);
