// Who the app is to the OS. On Windows, notifications and the taskbar group by the
// AppUserModelID, which must be the installer's appId (electron-builder.yml `appId`).
import { app } from 'electron';
import { APP_ID } from './constants.ts';

export function applyAppIdentity(platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
