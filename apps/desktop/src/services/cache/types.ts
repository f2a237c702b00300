// The SQLite cache of the services process: its public interface (one part per area), wire input
// shapes and read results — each in types/. Inputs are WeCom wire shapes (snake_case); reads are shaped
// for the renderer contract minus `stale`. Times: `fetchedAt`, `now`, `at` are ms since epoch; live
// times (living_start…) are unix seconds.
import type { BookkeepingCache } from './types/bookkeeping-cache.ts';
import type { LivesCache } from './types/lives-cache.ts';
import type { MessagesCache } from './types/messages-cache.ts';
import type { NoticesCache } from './types/notices-cache.ts';
import type { OrgCache } from './types/org-cache.ts';
import type { WatchCache } from './types/watch-cache.ts';
import type { Training } from '../training/index.ts';

export type * from './types/wire.ts';
export type * from './types/records.ts';
export type * from './types/reads.ts';
export type * from './types/options.ts';
export type { BookkeepingCache, LivesCache, MessagesCache, OrgCache, WatchCache };
export type { NoticesCache, StoredNotice } from './types/notices-cache.ts';

export interface Cache extends OrgCache, LivesCache, WatchCache, MessagesCache, BookkeepingCache, NoticesCache {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Schema version after migrations (PRAGMA user_version). */
  readonly schemaVersion: number;
  /** Training records of this corp (TrainingStore) and the reads computed on them. */
  readonly training: Training;
}
