// The fake Electron as the main process sees it: no renderer-only modules (ipcRenderer,
// contextBridge), so libraries that probe for them (electron-log) take their main-process path.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  protocol,
  session,
  shell,
  utilityProcess,
} from '../fake-electron.ts';

export {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  protocol,
  session,
  shell,
  utilityProcess,
};
export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  protocol,
  session,
  shell,
  utilityProcess,
};
