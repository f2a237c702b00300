// The public surface of the request pipeline (index.ts re-exports it).
export { parseConfig, weComConfigSchema, bucketQuotaSchema, DEFAULT_BUCKET_QUOTAS, formatFieldPath } from './config.ts';
export type { WeComConfig, WeComConfigInput, WeComAppConfig, QuotaConfig, BucketQuota } from './config.ts';

export {
  WeComError,
  WeComApiError,
  WeComAuthError,
  WeComPermissionError,
  WeComRateLimitError,
  WeComServerError,
  WeComClientError,
  WeComNetworkError,
  WeComResponseValidationError,
  WeComConfigError,
  WeComInputError,
  WeComAbortError,
} from './errors/errors.ts';
export type {
  LocalizedText,
  RequestDetails,
  RateLimitWindow,
  NetworkErrorKind,
  ValidationIssue,
  ConfigProblem,
} from './errors/errors.ts';
export { classifyErrcode, retryClassOf } from './errors/classify.ts';

export { createPipeline } from './http/pipeline.ts';
export type { ApiPipeline, PipelineOptions } from './http/pipeline.ts';
export type { Clock } from './http/clock.ts';
export { redactQuery } from './http/redact.ts';

export { TokenManager } from './token/token-manager.ts';
export type { TokenCredential, TokenStats } from './token/token-manager.ts';
export { MemoryTokenStore } from './token/token-store.ts';
export type { TokenStore, StoredToken } from './token/token-store.ts';
export { tokenKey } from './token/token-key.ts';

export { RateLimiter, Permit } from './limit/rate-limiter.ts';
export type { BucketSnapshot, LimiterSnapshot, WindowSnapshot } from './limit/rate-limiter.ts';

export { ResponseCache } from './cache/response-cache.ts';
export type { CacheStats } from './cache/response-cache.ts';

export { ApiStats } from './stats/api-stats.ts';
export type { StatsSnapshot, EndpointStats, ErrorRecord, CallListener } from './stats/api-stats.ts';
export type { LatencySummary } from './stats/latency-ring.ts';

export { isReplaySafe } from './retry/replay-safety.ts';

export type { ApiRequest, ApiCaller, BinaryResponse, CallEvent, CredentialRef, Language, Priority } from './http/types.ts';
export type { ErrcodeInfo, ErrorCategory, RetryClass } from './errors/errcode-types.ts';
