// The services process's SQLite cache: open it (migrations run) and use the Cache interface.
export { openCache, LATEST_SCHEMA_VERSION } from './open.ts';
export { CacheError, CacheTooNewError, CacheCorruptError } from './errors.ts';
export type { CacheErrorKind } from './errors.ts';
export type * from './types.ts';
