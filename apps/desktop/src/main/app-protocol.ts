// The app:// protocol: serves the built renderer (out/renderer) with a CSP header, and nothing
// outside that folder. Registered as standard + secure so pages get a real origin (app://wld).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './constants.ts';

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps app://wld/<path> to a file inside rootDir; null for another host, a malformed URL or a path outside. */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  // Encoded separators (%2f, %5c) decode to real ones: the final check is on the resolved path.
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export function createAppProtocolHandler(
  rootDir: string,
  csp: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let file = resolveAppFile(rootDir, request.url);
    if (!file) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // A client-side route (no file extension) reloads into the app shell.
      if (path.extname(file) !== '') return plain(404, 'Not found');
      file = path.join(path.resolve(rootDir), 'index.html');
      try {
        body = await readFile(file);
      } catch {
        return plain(404, 'Not found');
      }
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

export function serveAppProtocol(session: Session, rootDir: string, csp: string): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, csp));
}

/** The URL of a renderer page: the dev server in development, app://wld/<page>.html otherwise. */
export function pageUrl(page: 'index' | 'launcher', devServerUrl: string | null): string {
  const file = `${page}.html`;
  if (devServerUrl)
    return new URL(file, devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`).toString();
  return `${APP_SCHEME}://${APP_HOST}/${file}`;
}
