// HTTP to WeCom (or an API gateway): one undici dispatcher with keep-alive pooled connections, or a
// ProxyAgent when a proxy is configured; gzip/deflate/br decoding; header and body timeouts;
// access_token in the query only; multipart uploads; Range reads. Throws raw errors (the pipeline
// maps them); nothing here writes a token or secret anywhere.
import { Agent, FormData, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import type { WeComConfig } from '../config.ts';
import { CodedError } from '../rules/coded-error.ts';
import { decodeBody } from './decompress.ts';

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** '/cgi-bin/…', appended to the base URL's path. */
  path: string;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Added to the query string last; never sent in a body. */
  accessToken?: string;
  /** JSON body (POST). */
  json?: unknown;
  multipart?: { field: string; filename: string; contentType: string; data: Uint8Array };
  /** e.g. 'bytes=0-1023' */
  range?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Decoded (decompressed) body. */
  body: Buffer;
}

const KEEP_ALIVE_MS = 30_000;

/** The whole exchange (connect, headers, body) took longer than timeoutMs. */
export class DeadlineError extends CodedError {
  override name = 'DeadlineError';
  constructor(message: string) {
    super('WECOM_DEADLINE', message);
  }
}
const MAX_CONNECT_TIMEOUT_MS = 10_000;

export function headerValue(headers: TransportResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function buildQueryString(
  query: TransportRequest['query'] | undefined,
  accessToken: string | undefined,
): string {
  let out = '';
  if (query) {
    for (const key in query) {
      const value = query[key];
      if (value === undefined) continue;
      out += `${out ? '&' : '?'}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
    }
  }
  if (accessToken !== undefined) out += `${out ? '&' : '?'}access_token=${encodeURIComponent(accessToken)}`;
  return out;
}

export class HttpTransport {
  readonly viaProxy: boolean;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly dispatcher: Dispatcher;
  private readonly baseHeaders: Record<string, string>;

  constructor(config: Pick<WeComConfig, 'baseUrl' | 'proxyUrl' | 'ca' | 'gatewayHeaders' | 'userAgent' | 'timeoutMs'>, connections = 64) {
    const base = new URL(config.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.viaProxy = config.proxyUrl !== undefined;
    const connectTimeout = Math.min(config.timeoutMs, MAX_CONNECT_TIMEOUT_MS);
    const tls = { timeout: connectTimeout, ...(config.ca ? { ca: config.ca } : {}) };
    const poolOptions = { connections, keepAliveTimeout: KEEP_ALIVE_MS, connect: tls };
    this.dispatcher = config.proxyUrl
      ? new ProxyAgent({ uri: config.proxyUrl, connections, keepAliveTimeout: KEEP_ALIVE_MS, proxyTls: tls, requestTls: tls })
      : new Agent(poolOptions);
    this.baseHeaders = {
      ...lowerCaseKeys(config.gatewayHeaders),
      'user-agent': config.userAgent,
      accept: 'application/json, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const headers: Record<string, string> = { ...this.baseHeaders };
    let body: string | FormData | undefined;
    if (request.multipart) {
      const form = new FormData();
      const part = request.multipart;
      // a copy backed by a plain ArrayBuffer: Blob parts may not be SharedArrayBuffer views
      form.append(part.field, new Blob([new Uint8Array(part.data)], { type: part.contentType }), part.filename);
      body = form;
    } else if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    if (request.range) headers.range = request.range;
    // undici's own timers tick about once a second; one precise deadline covers the whole exchange.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineError(`no complete answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    const callerSignal = request.signal;
    const onCallerAbort = (): void => deadline.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await this.dispatcher.request({
        origin: this.origin,
        path: this.basePath + request.path + buildQueryString(request.query, request.accessToken),
        method: request.method,
        headers,
        body,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
        signal: deadline.signal,
      });
      const raw = Buffer.from(await response.body.arrayBuffer());
      const encoding = headerValue(response.headers, 'content-encoding');
      return { status: response.statusCode, headers: response.headers, body: await decodeBody(raw, encoding) };
    } catch (error) {
      const reason: unknown = deadline.signal.reason;
      if (reason instanceof DeadlineError && !callerSignal?.aborted) throw reason;
      throw error;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
  return out;
}
