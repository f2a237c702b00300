// Window and session hardening: no navigation, no new windows, no permissions, CSP on every
// response, links out only to the allow-list. (The secure webPreferences are in windows.ts.)
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links.ts';
import { originOf } from './origin.ts';

export interface SecurityLog {
  warn(...args: unknown[]): void;
}

/** Opens an allow-listed URL in the system browser; false (and nothing opened) otherwise. */
export function openExternalIfAllowed(url: string, log: SecurityLog): boolean {
  if (!isAllowedExternalUrl(url)) {
    log.warn('blocked an external link outside the allow-list:', url);
    return false;
  }
  void shell.openExternal(url).catch((error: unknown) => log.warn('could not open', url, error));
  return true;
}

/** Every webContents: navigation and window.open denied; allow-listed links go to the browser. */
export function hardenWebContents(contents: WebContents, log: SecurityLog): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url, log);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log.warn('blocked a redirect to', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, log);
    return { action: 'deny' };
  });
}

/**
 * The session: every permission request and check denied (the app needs none), and the CSP header
 * added to pages from our own origins (app:// and, in development, the dev server).
 */
export function hardenSession(session: Session, options: { csp: string; origins: readonly string[] }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const origin = originOf(details.url);
    if (origin === null || !options.origins.includes(origin)) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [options.csp];
    callback({ responseHeaders: headers });
  });
}
