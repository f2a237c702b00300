// Names and fixed values of the main process.
export const PRODUCT_NAME = 'WeCom Live Desk';
/** electron-builder.yml's appId; on Windows also the AppUserModelID. */
export const APP_ID = 'com.wecom-live-desk.desktop';

/** Pages are served from app://wld/… (a standard, secure scheme: real origin, fetch, CSP). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wld';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The only places a link may open in the system browser. */
export const EXTERNAL_ORIGINS: readonly string[] = [
  'https://work.weixin.qq.com',
  'https://open.work.weixin.qq.com',
  'https://developer.work.weixin.qq.com',
];

export const SERVICES_NAME = 'WeCom Live Desk services';

/** Matches the launcher page's background (it follows the OS colour scheme), so nothing flashes. */
export const LAUNCHER_BACKGROUND = { light: '#ffffff', dark: '#1b1c1f' } as const;
/** Matches antd's light and dark layout backgrounds for the main window. */
export const MAIN_BACKGROUND = { light: '#f5f5f5', dark: '#141414' } as const;

export const LAUNCHER_SIZE = { width: 420, height: 300 } as const;
export const MAIN_SIZE = { width: 1280, height: 800, minWidth: 960, minHeight: 600 } as const;
