// The fault matrix's columns: one kind of trouble each, injected into every WeCom path but
// gettoken at `rate` (two codes share the rate where a column names two).
import type { FaultRule } from '@wld/wecom-sim';

export const FAULT_KINDS = ['-1', '45009', '45033', '40014/42001', '5xx', 'resets', 'timeouts', 'malformed', 'wrong shape'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Latency of an injected timeout: well past the client's timeout in the matrix. */
export const TIMEOUT_LATENCY_MS = 600;

export function faultRules(kind: FaultKind, rate: number): FaultRule[] {
  switch (kind) {
    case '-1':
      return [{ kind: 'errcode', errcode: -1, errmsg: 'system busy', rate }];
    case '45009':
      return [{ kind: 'errcode', errcode: 45009, errmsg: 'api freq out of limit', rate }];
    case '45033':
      return [{ kind: 'errcode', errcode: 45033, errmsg: 'api concurrent out of limit', rate }];
    case '40014/42001': {
      // the second rule sees only what the first let through: together they fire at `rate`
      const half = rate / 2;
      return [
        { kind: 'errcode', errcode: 40014, errmsg: 'invalid access_token', rate: half },
        { kind: 'errcode', errcode: 42001, errmsg: 'access_token expired', rate: half / (1 - half) },
      ];
    }
    case '5xx':
      return [{ kind: 'http', status: 503, rate }];
    case 'resets':
      return [{ kind: 'drop', rate }];
    case 'timeouts':
      return [{ kind: 'latency', latencyMs: TIMEOUT_LATENCY_MS, rate }];
    case 'malformed':
      return [{ kind: 'malformed', rate }];
    case 'wrong shape':
      return [{ kind: 'wrongShape', rate }];
  }
}
