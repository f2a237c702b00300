// Where things live on disk and where the built files are, relative to out/main/index.js.
import path from 'node:path';
import { app } from 'electron';
import { PRODUCT_NAME } from './constants.ts';

/**
 * userData: `--user-data-dir=<dir>` (tests, portable runs) or WLD_USER_DATA_DIR, else
 * <appData>/WeCom Live Desk. Must run before the app is ready.
 */
export function chooseUserData(): string {
  const fromSwitch = app.commandLine.getSwitchValue('user-data-dir');
  const chosen =
    fromSwitch || process.env.WLD_USER_DATA_DIR || path.join(app.getPath('appData'), PRODUCT_NAME);
  const absolute = path.resolve(chosen);
  app.setPath('userData', absolute);
  return absolute;
}

export interface BuildPaths {
  preload: string;
  rendererDir: string;
}

export function buildPaths(mainDir: string): BuildPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
  };
}
