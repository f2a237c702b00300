// Typed cache errors: callers branch on `kind` (or instanceof), never on message text.
import { CodedError } from '@wld/wecom-core/rules';

export type CacheErrorKind = 'too_new' | 'corrupt' | 'not_found' | 'conflict' | 'closed';

export class CacheError extends CodedError {
  readonly kind: CacheErrorKind;
  constructor(kind: CacheErrorKind, message: string, options?: { cause?: unknown }) {
    super(`CACHE_${kind.toUpperCase()}`, message, options);
    this.name = 'CacheError';
    this.kind = kind;
  }
}

/** The database was written by a newer app version; it is left untouched. */
export class CacheTooNewError extends CacheError {
  readonly fileVersion: number;
  readonly supportedVersion: number;
  constructor(file: string, fileVersion: number, supportedVersion: number) {
    super(
      'too_new',
      `The cache ${file} has schema version ${fileVersion}, newer than this app supports (${supportedVersion}). ` +
        'Update the app, or choose another cache file.',
    );
    this.name = 'CacheTooNewError';
    this.fileVersion = fileVersion;
    this.supportedVersion = supportedVersion;
  }
}

/** The file is not a readable SQLite database, or fails its integrity check. */
export class CacheCorruptError extends CacheError {
  constructor(file: string, cause: unknown) {
    super(
      'corrupt',
      `The cache ${file} cannot be read as a database: ${String((cause as Error)?.message ?? cause)}`,
      {
        cause,
      },
    );
    this.name = 'CacheCorruptError';
  }
}
