// How a host (utility process, Node host, tests) tunes the services it starts.
import type { DemoOptions } from '../init/demo-simulator.ts';
import type { KeytarLike } from '../secrets/secret-vault.ts';
import type { SyncTuning } from '../sync/sync-run.ts';

export interface ServicesRuntimeOptions {
  /** 'memory' keeps secrets in memory only (tests); default 'system' (the OS keychain via keytar). */
  keychain?: 'system' | 'memory';
  loadKeytar?: () => Promise<KeytarLike>;
  /** Secrets by keychain account `${profileId}/${app}` (tests and the browser harness). */
  presetSecrets?: Record<string, string>;
  /**
   * Where keytar cannot load: keep secrets in userData/secrets.enc.json, encrypted by main's
   * safeStorage (Electron only: main answers `crypt` requests). Off under the Node host.
   */
  encryptedFileFallback?: boolean;
  demo?: DemoOptions;
  monitorIntervalMs?: number;
  probeBackoff?: { initialMs: number; maxMs: number };
  syncTuning?: Partial<SyncTuning>;
  /** The services' clock (ms): freshness, live windows, sync stamps. Default systemClock.now. */
  now?: () => number;
  /** Answers carry their queue and handler time (the start-up benchmark; WLD_PERF=1 in the app). */
  timings?: boolean;
}
