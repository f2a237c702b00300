// The boundary between the request pipeline (http/, token/, limit/, cache/, stats/) and the typed
// services (services/): services describe a call, the pipeline runs it.
import type { z } from 'zod';

export type Language = 'zh-CN' | 'en-US';
export type Priority = 'interactive' | 'background';

/** Which credential a call uses: an app's name from the config, or the contacts-sync secret. */
export type CredentialRef = string | 'contacts';

export interface ApiRequest<T> {
  method: 'GET' | 'POST';
  /** e.g. '/cgi-bin/user/get'; access_token is added to the query by the pipeline. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body for POST. */
  body?: unknown;
  /** multipart/form-data upload (media/upload, media/uploadimg). */
  multipart?: { field: string; filename: string; contentType: string; data: Uint8Array };
  /** Validates the whole success JSON (errcode 0 included); a mismatch is a WeComResponseValidationError. */
  schema: z.ZodType<T>;
  /** Default: the first app in the config. */
  credential?: CredentialRef;
  /** Default 'interactive': user actions go before background sync. */
  priority?: Priority;
  /** Idempotent reads only. true = config TTL. Default false. */
  cache?: boolean | { ttlSeconds: number };
  /** Skip a cached answer but store the fresh one. */
  refreshCache?: boolean;
  signal?: AbortSignal;
  /** Rate-limit bucket; default the path. */
  bucket?: string;
  /**
   * May the pipeline send it again after an ambiguous failure (reset, timeout, 5xx, garbled body)?
   * Default: GET and the read-only POSTs (list_id, get_watch_stat, …) yes, writes no.
   */
  idempotent?: boolean;
  /** Overrides the config's timeoutMs for this call (e.g. large uploads). */
  timeoutMs?: number;
}

export interface BinaryResponse {
  status: number;
  contentType: string;
  filename: string | null;
  /** Content-Range when a range was asked for. */
  contentRange: string | null;
  data: Uint8Array;
}

export interface CallEvent {
  endpoint: string;
  method: 'GET' | 'POST';
  credential: CredentialRef;
  startedAt: number;
  durationMs: number;
  attempts: number;
  fromCache: boolean;
  /** 0 on success; WeCom's errcode, or null for network/validation failures. */
  errcode: number | null;
  error: { name: string; message: string; hint: string | null } | null;
}

export interface ApiCaller {
  readonly language: Language;
  call<T>(request: ApiRequest<T>): Promise<T>;
  /** media/get: binary body, JSON errors mapped to typed errors. range e.g. 'bytes=0-1023'. */
  callBinary(request: Omit<ApiRequest<unknown>, 'schema' | 'cache'> & { range?: string }): Promise<BinaryResponse>;
  /** Fetch (or force-refresh) the token of a credential; used by auth.testConnection. */
  fetchToken(credential?: CredentialRef, options?: { force?: boolean }): Promise<{ expiresAt: number }>;
}
