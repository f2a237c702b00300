// The application menu. Packaged builds get no developer entries (reload, devtools): on Windows and
// Linux no menu at all, on macOS the app, edit and window menus that its shortcuts need.
import { Menu } from 'electron';

export function installAppMenu(isPackaged: boolean, platform: NodeJS.Platform = process.platform): void {
  if (!isPackaged) return; // development keeps Electron's default menu (devtools, reload)
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]),
  );
}
