// What a route is: method, who may call it, how its body is read, and a handler that returns the
// JSON fields after errcode/errmsg (or a binary reply), or throws SimApiError.
import type { IncomingHttpHeaders } from 'node:http';
import type { BinaryReply } from '../http/respond.ts';
import type { Rng } from '../random.ts';
import type { SimStore } from '../state/store.ts';
import type { TokenOwner, TokenStore } from '../tokens.ts';
import type { SimApp, SimQuotas } from '../types.ts';

/** 'app': self-built app tokens only; 'contacts': the contacts-sync token only; 'any': either. */
export type RouteAuth = 'none' | 'any' | 'app' | 'contacts';

export interface SimRuntime {
  store: SimStore;
  corpId: string;
  apps: readonly SimApp[];
  contactsSecret: string;
  tokens: TokenStore;
  quotas: SimQuotas;
  /** ids of created things (livingid, msgid, media_id, chatid): seeded, so runs repeat */
  rng: Rng;
  now: () => number;
  /** the server's own base URL (for uploadimg URLs) */
  baseUrl: () => string;
}

export interface RouteContext {
  sim: SimRuntime;
  query: URLSearchParams;
  /** parsed JSON body (POST json routes), else {} */
  body: Record<string, unknown>;
  /** multipart form (media uploads), else null */
  form: FormData | null;
  /** null only for 'none' routes */
  caller: TokenOwner | null;
  headers: IncomingHttpHeaders;
  ip: string;
}

export type RouteResult = Record<string, unknown> | BinaryReply;

export interface RouteDef {
  method: 'GET' | 'POST';
  auth: RouteAuth;
  body?: 'json' | 'multipart';
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export type RouteTable = Record<string, RouteDef>;
