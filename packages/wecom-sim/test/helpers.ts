// Test helpers: a tiny WeCom client over global fetch, and a controllable clock.
import type { SimServer } from '../src/index.ts';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TestClient {
  token: string;
  get(path: string, query?: Record<string, string | number>): Promise<Json>;
  post(path: string, body: unknown, query?: Record<string, string | number>): Promise<Json>;
  raw(path: string, init?: RequestInit & { query?: Record<string, string | number> }): Promise<Response>;
}

export async function getToken(sim: SimServer, secret: string): Promise<Json> {
  const res = await fetch(
    `${sim.url}/cgi-bin/gettoken?corpid=${encodeURIComponent(sim.corpId)}&corpsecret=${encodeURIComponent(secret)}`,
  );
  return (await res.json()) as Json;
}

function urlFor(
  sim: SimServer,
  path: string,
  token: string | null,
  query: Record<string, string | number> = {},
): string {
  const url = new URL(path.startsWith('/') ? path : `/cgi-bin/${path}`, sim.url);
  if (token !== null) url.searchParams.set('access_token', token);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  return url.toString();
}

/** A client holding a token of the given secret (default: the Demo app). */
export async function connect(sim: SimServer, secret: string = sim.apps[0]!.secret): Promise<TestClient> {
  const answer = await getToken(sim, secret);
  if (answer.errcode !== 0) throw new Error(`gettoken failed: ${JSON.stringify(answer)}`);
  const token = answer.access_token as string;
  return {
    token,
    async get(path, query) {
      return (await (await fetch(urlFor(sim, path, token, query))).json()) as Json;
    },
    async post(path, body, query) {
      const res = await fetch(urlFor(sim, path, token, query), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return (await res.json()) as Json;
    },
    raw(path, init = {}) {
      const { query, ...rest } = init;
      return fetch(urlFor(sim, path, token, query), rest);
    },
  };
}

export async function fetchJson(url: string, init?: RequestInit): Promise<Json> {
  return (await (await fetch(url, init)).json()) as Json;
}

export function rawUrl(sim: SimServer, path: string, query: Record<string, string | number> = {}): string {
  return urlFor(sim, path, null, query);
}

/** A clock tests move by hand. */
export function manualClock(startMs = Date.UTC(2026, 5, 15, 2, 0, 0)): {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
} {
  let t = startMs;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(ms) {
      t = ms;
    },
  };
}

export const ERRMSG_FORMAT =
  /^.+, hint: \[[^\]]+\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=-?\d+$/;
