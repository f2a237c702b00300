// Cache of validated answers to idempotent reads: LRU-bounded, each entry with its own TTL read
// against the pipeline's clock. Hits are deep copies, so a caller cannot change what others get.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../http/clock.ts';
import { pathOfCacheKey } from './cache-key.ts';

export interface ResponseCacheOptions {
  enabled: boolean;
  maxEntries: number;
  defaultTtlSeconds: number;
  clock: Clock;
}

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class ResponseCache {
  readonly enabled: boolean;
  readonly defaultTtlSeconds: number;
  private readonly clock: Clock;
  private readonly entries: LRUCache<string, Entry>;
  private hits = 0;
  private misses = 0;

  constructor(options: ResponseCacheOptions) {
    this.enabled = options.enabled;
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    this.clock = options.clock;
    this.entries = new LRUCache<string, Entry>({ max: options.maxEntries });
  }

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.clock.now()) {
      this.hits++;
      return copy(entry.value) as T;
    }
    if (entry) this.entries.delete(key);
    this.misses++;
    return undefined;
  }

  set(key: string, value: unknown, ttlSeconds = this.defaultTtlSeconds): void {
    if (!this.enabled || ttlSeconds <= 0) return;
    this.entries.set(key, { value: copy(value), expiresAt: this.clock.now() + ttlSeconds * 1000 });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry of one endpoint, e.g. after a write that changes what it returns. */
  invalidatePath(path: string): number {
    let dropped = 0;
    for (const key of [...this.entries.keys()]) {
      if (pathOfCacheKey(key) === path) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): CacheStats {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
