// Maps what undici and the socket layer throw onto WeComNetworkError kinds, and tells whether the
// request may already have reached WeCom (which decides whether a write may be sent again).
import type { NetworkErrorKind } from '../errors/errors.ts';

export interface NetworkFailure {
  kind: NetworkErrorKind | 'aborted';
  /** False when the request surely never left (connect, DNS, proxy refusal). */
  requestSent: boolean;
}

const BY_CODE: Record<string, NetworkFailure> = {
  UND_ERR_CONNECT_TIMEOUT: { kind: 'timeout', requestSent: false },
  WECOM_DEADLINE: { kind: 'timeout', requestSent: true },
  UND_ERR_HEADERS_TIMEOUT: { kind: 'timeout', requestSent: true },
  UND_ERR_BODY_TIMEOUT: { kind: 'timeout', requestSent: true },
  UND_ERR_SOCKET: { kind: 'reset', requestSent: true },
  UND_ERR_CLOSED: { kind: 'reset', requestSent: true },
  UND_ERR_DESTROYED: { kind: 'reset', requestSent: true },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { kind: 'reset', requestSent: true },
  ECONNRESET: { kind: 'reset', requestSent: true },
  EPIPE: { kind: 'reset', requestSent: true },
  ECONNREFUSED: { kind: 'refused', requestSent: false },
  EHOSTUNREACH: { kind: 'refused', requestSent: false },
  ENETUNREACH: { kind: 'refused', requestSent: false },
  ETIMEDOUT: { kind: 'timeout', requestSent: false },
  ENOTFOUND: { kind: 'dns', requestSent: false },
  EAI_AGAIN: { kind: 'dns', requestSent: false },
  UND_ERR_PRX_CONN: { kind: 'proxy', requestSent: false },
  UND_ERR_PRX_TLS: { kind: 'proxy', requestSent: false },
  UND_ERR_ABORT: { kind: 'aborted', requestSent: true },
  UND_ERR_ABORTED: { kind: 'aborted', requestSent: true },
  ABORT_ERR: { kind: 'aborted', requestSent: true },
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

export function classifyNetworkFailure(error: unknown, viaProxy: boolean): NetworkFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'aborted', requestSent: true };
  // A refused CONNECT comes back as an abort carrying the proxy's status.
  if (/Proxy response \(\d+\)/.test(message)) return { kind: 'proxy', requestSent: false };
  for (const code of codesOf(error)) {
    if (TLS_CODE.test(code)) return { kind: 'tls', requestSent: false };
    const known = BY_CODE[code];
    if (!known) continue;
    // Through a proxy, every connect-phase failure is a failure to reach the proxy.
    if (viaProxy && !known.requestSent && known.kind !== 'aborted') return { kind: 'proxy', requestSent: false };
    return known;
  }
  return { kind: 'other', requestSent: true };
}
