// Options every service method accepts, and how they map onto an ApiRequest.
import type { ApiRequest, CredentialRef, Priority } from '../http/types.ts';

export interface CallOptions {
  /** Default 'interactive'; background syncs pass 'background'. */
  priority?: Priority;
  signal?: AbortSignal;
}

export interface ReadOptions extends CallOptions {
  /** Override the method's default caching (idempotent reads only). */
  cache?: boolean | { ttlSeconds: number };
  /** Skip a cached answer but store the fresh one. */
  refreshCache?: boolean;
}

/** A service's defaults: which credential it calls with. */
export interface ServiceContext {
  credential?: CredentialRef;
}

type RequestOptions = Pick<
  ApiRequest<unknown>,
  'priority' | 'signal' | 'cache' | 'refreshCache' | 'credential'
>;

export function requestOptions(
  context: ServiceContext,
  options: ReadOptions | undefined,
  defaultCache: ApiRequest<unknown>['cache'] = false,
): RequestOptions {
  const out: RequestOptions = {
    priority: options?.priority ?? 'interactive',
    cache: options?.cache ?? defaultCache,
  };
  if (context.credential !== undefined) out.credential = context.credential;
  if (options?.signal) out.signal = options.signal;
  if (options?.refreshCache) out.refreshCache = true;
  return out;
}
