// What request handlers may use. The runtime implements it; handlers stay thin and testable.
import type { NetworkEnvironment } from './wecom/network-environment.ts';
import type { WeComClient } from '@wld/wecom-core';
import type { EventPayload, ServicesEvent } from '../shared/contract.ts';
import type { Profile, Settings } from '../shared/settings.ts';
import type { Cache } from './cache/index.ts';
import type { ConnectionTracker } from './connection/connection-tracker.ts';
import type { Language } from './i18n.ts';
import type { LiveMonitor } from './monitor/live-monitor.ts';
import type { SecretVault } from './secrets/secret-vault.ts';
import type { SyncEngine, SyncScope } from './sync/sync-engine.ts';

export type Topic = EventPayload<'changed'>['topics'][number];
/** The part of the cache a read depends on, for its freshness. */
export type DataScope = Exclude<SyncScope, 'all'>;

export interface ServicesContext {
  language(): Language;
  settings(): Settings;
  profile(): Profile | null;
  now(): number;

  /** Where the services keep files: userData, and the legacy cache path profile folders sit next to. */
  dataPaths(): { userData: string; cacheDb: string };
  /** The open cache (init opened it before any handler runs). */
  cache(): Cache;
  vault: SecretVault;
  /** Where a secret is kept: the keychain, main's memory for this session, or nowhere. */
  secretStorage(profileId: string, app: string): Promise<'keychain' | 'encrypted-file' | 'session' | 'missing'>;
  connection: ConnectionTracker;
  sync: SyncEngine;
  monitor: LiveMonitor;

  /** The client when one is configured, online or not (API statistics); null otherwise. */
  clientOrNull(): WeComClient | null;
  /**
   * Runs a WeCom call that changes something. Offline or unconfigured → fails with kind 'offline'
   * before anything is sent; WeCom unreachable on the way → goes offline and fails with 'offline'.
   */
  write<T>(call: (client: WeComClient) => Promise<T>): Promise<T>;
  /** A read that only WeCom can answer (no cache): same rules as write. */
  online<T>(call: (client: WeComClient) => Promise<T>): Promise<T>;
  /** Freshness of cached data; when stale and online, starts a background refresh of the scopes. */
  freshness(asOf: number | null, ...scopes: DataScope[]): { asOf: number | null; stale: boolean };
  emit<E extends ServicesEvent>(event: E, payload: EventPayload<E>): void;
  changed(...topics: Topic[]): void;
  /** Secrets or profile changed: reload them, rebuild the client and try to connect. */
  reloadCredentials(): Promise<void>;
  /** What became of plain-text network credentials at this start; null when there were none. */
  networkSecretsMove(): { state: 'moved' | 'kept'; count: number; reason: string | null } | null;
  /** Base URL the Demo's embedded simulator listens on (connection.test fallback); null otherwise. */
  simulatorUrl(): string | null;
  /** The OS proxy (from main) and trusted certificates every new WeCom client uses. */
  networkEnvironment(): NetworkEnvironment;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
}
