// The one error family of wecom-core. Every error has a stable `code`, a message in 中文 and English,
// and a toJSON() without tokens or secrets, so it can be logged and shown as it is.
import type { ErrorCategory, RetryClass } from './errcode-types.ts';
import type { Language } from '../http/types.ts';
import { CodedError } from '../rules/coded-error.ts';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** What was asked, with access_token and secrets already redacted. */
export interface RequestDetails {
  method: 'GET' | 'POST';
  path: string;
  query: Record<string, string>;
  /** Redacted, truncated JSON body. */
  body?: string;
  multipart?: { field: string; filename: string; contentType: string; bytes: number };
}

export type RateLimitWindow = 'minute' | 'hour' | 'day' | 'month';

export type NetworkErrorKind = 'timeout' | 'reset' | 'refused' | 'dns' | 'proxy' | 'tls' | 'http_status' | 'other';

function pick(language: Language, text: LocalizedText): string {
  return language === 'en-US' ? text.en : text.zh;
}

function causeSummary(cause: unknown): Record<string, unknown> | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(cause) };
}

export class WeComError extends CodedError {
  override name = 'WeComError';
  readonly messages: LocalizedText;
  readonly language: Language;

  constructor(code: string, messages: LocalizedText, language: Language, options?: ErrorOptions) {
    super(code, pick(language, messages), options);
    this.messages = messages;
    this.language = language;
  }

  /** The sentence to show a person, in the configured language. */
  get userMessage(): string {
    return pick(this.language, this.messages);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      messages: this.messages,
      ...this.details(),
      ...(this.cause === undefined ? {} : { cause: causeSummary(this.cause) }),
    };
  }

  /** Subclass fields for toJSON(); must hold nothing secret. */
  protected details(): Record<string, unknown> {
    return {};
  }
}

export interface ApiErrorInit {
  errcode: number;
  errmsg: string;
  hint: string | null;
  endpoint: string;
  request: RequestDetails | null;
  category: ErrorCategory;
  retryClass: RetryClass;
  messages: LocalizedText;
  language: Language;
  /** What to do about it, when there is something to do. */
  fix?: LocalizedText | null;
}

/** WeCom answered with errcode != 0. */
export class WeComApiError extends WeComError {
  override name = 'WeComApiError';
  readonly errcode: number;
  readonly errmsg: string;
  /** WeCom's `hint: [...]` id, to quote when asking WeCom support. */
  readonly hint: string | null;
  readonly endpoint: string;
  readonly request: RequestDetails | null;
  readonly category: ErrorCategory;
  readonly retryClass: RetryClass;
  readonly fix: LocalizedText | null;
  /** The caller IP WeCom saw (`from ip: …` in errmsg): what goes into 企业可信IP. */
  readonly fromIp: string | null;

  constructor(init: ApiErrorInit, options?: ErrorOptions) {
    super(`WECOM_${init.errcode}`, init.messages, init.language, options);
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.hint = init.hint;
    this.endpoint = init.endpoint;
    this.request = init.request;
    this.category = init.category;
    this.retryClass = init.retryClass;
    this.fix = init.fix ?? null;
    this.fromIp = /from ip:\s*([0-9a-fA-F.:]+)/.exec(init.errmsg)?.[1] ?? null;
  }

  protected override details(): Record<string, unknown> {
    return {
      errcode: this.errcode,
      errmsg: this.errmsg,
      hint: this.hint,
      endpoint: this.endpoint,
      category: this.category,
      retryClass: this.retryClass,
      fromIp: this.fromIp,
      request: this.request,
      ...(this.fix ? { fix: this.fix } : {}),
    };
  }
}

/** Token or secret problems (40001, 40014, 42001, 40091, …). */
export class WeComAuthError extends WeComApiError {
  override name = 'WeComAuthError';
}

/** The app may not do this (48002, 60011, 60020, 92008, …). */
export class WeComPermissionError extends WeComApiError {
  override name = 'WeComPermissionError';
}

/** The request was wrong (bad parameter, unknown id, …). */
export class WeComClientError extends WeComApiError {
  override name = 'WeComClientError';
}

/** WeCom was busy or failed (-1, 45033, 6000, …) and retries did not help. */
export class WeComServerError extends WeComApiError {
  override name = 'WeComServerError';
}

export interface RateLimitErrorInit extends ApiErrorInit {
  /** How long until the window is expected to admit calls again; null when unknown. */
  retryAfterMs: number | null;
  window: RateLimitWindow | null;
  /** 'server': WeCom answered 45009; 'local': the client refused to go over its own budget. */
  source: 'server' | 'local';
}

/** 45009, or a call the local limiter refused because its budget's window is too far away. */
export class WeComRateLimitError extends WeComApiError {
  override name = 'WeComRateLimitError';
  readonly retryAfterMs: number | null;
  readonly window: RateLimitWindow | null;
  readonly source: 'server' | 'local';

  constructor(init: RateLimitErrorInit, options?: ErrorOptions) {
    super(init, options);
    this.retryAfterMs = init.retryAfterMs;
    this.window = init.window;
    this.source = init.source;
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), retryAfterMs: this.retryAfterMs, window: this.window, source: this.source };
  }
}

const NETWORK_TEXT: Record<Exclude<NetworkErrorKind, 'http_status'>, LocalizedText> = {
  timeout: {
    zh: '请求企业微信超时，请检查网络后重试。',
    en: 'The request to WeCom timed out. Check the network and try again.',
  },
  reset: {
    zh: '与企业微信的连接被中断，请稍后重试。',
    en: 'The connection to WeCom was reset. Try again in a moment.',
  },
  refused: {
    zh: '无法连接企业微信服务器（连接被拒绝），请检查 API 地址与网络。',
    en: 'Could not connect to the WeCom server (connection refused). Check the API address and the network.',
  },
  dns: {
    zh: '无法解析企业微信服务器地址，请检查 DNS 与网络。',
    en: 'Could not resolve the WeCom server address. Check DNS and the network.',
  },
  proxy: {
    zh: '通过 HTTP 代理连接失败，请检查代理地址与可用性。',
    en: 'The connection through the HTTP proxy failed. Check the proxy address and that it is up.',
  },
  tls: {
    zh: '与企业微信建立安全连接失败（TLS），请检查系统时间、证书或代理设置。',
    en: 'The secure (TLS) connection to WeCom failed. Check the system clock, certificates or proxy.',
  },
  other: {
    zh: '访问企业微信时发生网络错误，请稍后重试。',
    en: 'A network error occurred while calling WeCom. Try again in a moment.',
  },
};

export interface NetworkErrorInit {
  kind: NetworkErrorKind;
  endpoint: string;
  request: RequestDetails | null;
  language: Language;
  /** HTTP status when kind is 'http_status'. */
  status?: number;
}

/** The call never got a WeCom answer: timeout, reset, DNS, proxy, TLS, or a non-WeCom HTTP status. */
export class WeComNetworkError extends WeComError {
  override name = 'WeComNetworkError';
  readonly kind: NetworkErrorKind;
  readonly endpoint: string;
  readonly request: RequestDetails | null;
  readonly status: number | null;

  constructor(init: NetworkErrorInit, options?: ErrorOptions) {
    const status = init.status ?? null;
    const code = init.kind === 'http_status' ? `HTTP_${status ?? 0}` : `NETWORK_${init.kind.toUpperCase()}`;
    const messages =
      init.kind === 'http_status'
        ? {
            zh: `企业微信或 API 网关返回 HTTP ${status}，请稍后重试或检查网关配置。`,
            en: `WeCom or the API gateway answered HTTP ${status}. Try again later or check the gateway settings.`,
          }
        : NETWORK_TEXT[init.kind];
    super(code, messages, init.language, options);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.request = init.request;
    this.status = status;
  }

  protected override details(): Record<string, unknown> {
    return { kind: this.kind, endpoint: this.endpoint, status: this.status, request: this.request };
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ResponseValidationErrorInit {
  /** 'malformed': the body was not JSON; 'shape': JSON that does not match the expected schema. */
  kind: 'malformed' | 'shape';
  endpoint: string;
  issues: ValidationIssue[];
  /** The start of the body, redacted. */
  bodySnippet: string;
  status: number;
  language: Language;
}

/** WeCom's answer could not be parsed or did not have the expected shape. */
export class WeComResponseValidationError extends WeComError {
  override name = 'WeComResponseValidationError';
  readonly kind: 'malformed' | 'shape';
  readonly endpoint: string;
  readonly issues: ValidationIssue[];
  readonly bodySnippet: string;
  readonly status: number;

  constructor(init: ResponseValidationErrorInit, options?: ErrorOptions) {
    const first = init.issues[0];
    const where = first ? ` (${first.path}: ${first.message})` : '';
    const messages =
      init.kind === 'malformed'
        ? {
            zh: `企业微信返回了无法解析的响应（${init.endpoint}），请稍后重试。`,
            en: `WeCom returned a response that could not be parsed (${init.endpoint}). Try again later.`,
          }
        : {
            zh: `企业微信返回的数据格式不符合预期（${init.endpoint}）${where}。`,
            en: `WeCom returned data in an unexpected shape (${init.endpoint})${where}.`,
          };
    super(init.kind === 'malformed' ? 'RESPONSE_MALFORMED' : 'RESPONSE_INVALID', messages, init.language, options);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.issues = init.issues;
    this.bodySnippet = init.bodySnippet;
    this.status = init.status;
  }

  protected override details(): Record<string, unknown> {
    return {
      kind: this.kind,
      endpoint: this.endpoint,
      status: this.status,
      issues: this.issues,
      bodySnippet: this.bodySnippet,
    };
  }
}

export interface ConfigProblem {
  /** e.g. `apps[1].secret` */
  field: string;
  problem: string;
}

/** The configuration is invalid; `field` names the first bad field, `problems` lists all of them. */
export class WeComConfigError extends WeComError {
  override name = 'WeComConfigError';
  readonly field: string;
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[], language: Language = 'en-US') {
    const list = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
    super(
      'CONFIG_INVALID',
      { zh: `企业微信配置无效：${list}`, en: `Invalid WeCom configuration: ${list}` },
      language,
    );
    this.problems = problems;
    this.field = problems[0]?.field ?? '(root)';
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field, problems: this.problems };
  }
}

/** A call's input failed client-side validation before anything was sent. */
export class WeComInputError extends WeComError {
  override name = 'WeComInputError';
  readonly field: string;

  constructor(message: string, field: string, messages?: LocalizedText, language: Language = 'zh-CN') {
    super('INPUT_INVALID', messages ?? { zh: message, en: message }, language);
    this.field = field;
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field };
  }
}

/** The caller aborted the call (AbortSignal), or the client was closed while it waited. */
export class WeComAbortError extends WeComError {
  override name = 'WeComAbortError';
  readonly endpoint: string | null;

  constructor(endpoint: string | null, language: Language, reason: 'aborted' | 'closed' = 'aborted', cause?: unknown) {
    super(
      reason === 'closed' ? 'CLIENT_CLOSED' : 'ABORTED',
      reason === 'closed'
        ? { zh: '企业微信客户端已关闭，请求已取消。', en: 'The WeCom client was closed; the call was cancelled.' }
        : { zh: '请求已取消。', en: 'The call was cancelled.' },
      language,
      cause === undefined ? undefined : { cause },
    );
    this.endpoint = endpoint;
  }

  protected override details(): Record<string, unknown> {
    return { endpoint: this.endpoint };
  }
}
