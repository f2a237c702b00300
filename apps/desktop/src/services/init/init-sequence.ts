// The init steps: cache → credentials → simulator (Demo) → connection → refresh, each posting
// `progress`, then `initDone` (online, or offline on cached data) or `initFailed`.
import { NativeModuleError } from '../native-module-error.ts';
import type { InitStep, ServicesToMain } from '../../shared/host-protocol.ts';
import type { ServiceError, SyncProgress } from '../../shared/models.ts';
import { clientUnavailable } from '../core/unavailable.ts';
import type { ServicesCore } from '../services-core.ts';
import { isStale } from '../staleness.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { reachabilityOf, wrongSecretError } from '../connection/reachability.ts';

/** Launcher label keys per sync phase (`part:phase`), falling back to the part. */
const REFRESH_LABEL: Record<string, string> = {
  org: 'refresh.org',
  'org:tags': 'refresh.tags',
  'lives:anchors': 'refresh.anchors',
  lives: 'refresh.lives',
  watch: 'refresh.watch',
};

type Progress = Pick<Extract<ServicesToMain, { type: 'progress' }>, 'label' | 'counts' | 'note'>;

function stepsFor(core: ServicesCore): InitStep[] {
  const profile = core.initMessage?.profile ?? null;
  if (!profile) return ['cache'];
  return profile.kind === 'demo'
    ? ['cache', 'credentials', 'simulator', 'connection', 'refresh']
    : ['cache', 'credentials', 'connection', 'refresh'];
}

export type InitOutcome = Extract<ServicesToMain, { type: 'initDone' | 'initFailed' }>;

export async function runInitSequence(core: ServicesCore, options: { offline: boolean }): Promise<InitOutcome> {
  const { context: ctx } = core;
  const steps = stepsFor(core);
  const progress = (id: InitStep, shown: Progress = { label: id }) =>
    core.post({ type: 'progress', step: steps.indexOf(id) + 1, total: steps.length, id, ...shown });
  const failed = (id: InitStep, error: ServiceError, canContinueOffline: boolean): InitOutcome =>
    finish({ type: 'initFailed', id, message: error.message, error, canContinueOffline });
  const finish = (outcome: InitOutcome): InitOutcome => {
    core.post(outcome);
    return outcome;
  };
  const message = (error: unknown) => toServiceError(error).message;

  // Credentials, the Demo's simulator and the connection test do not need the cache: they start now
  // and overlap with opening it. Progress is still posted in step order as each part is awaited.
  const profile = ctx.profile();
  const credentials = profile ? (async () => core.rebuildClient(await core.loadSecrets()))() : null;
  const tested = credentials?.then(async (client) => {
    if (!client || options.offline) return { ran: false as const };
    try {
      await client.auth.testConnection();
      return { ran: true as const, error: null };
    } catch (error) {
      return { ran: true as const, error };
    }
  });
  tested?.catch(() => {}); // a failed credentials step is reported below, when awaited

  // 1. cache
  progress('cache');
  let cache;
  try {
    cache = core.openCache();
  } catch (error) {
    const code = error instanceof NativeModuleError ? 'NATIVE_MODULE' : 'CACHE_FAILED';
    const what = code === 'NATIVE_MODULE' ? 'A native module cannot load on this system' : 'The local cache could not be opened';
    return failed('cache', { kind: 'internal', code, message: `${what}: ${message(error)}`, details: message(error) }, false);
  }
  const asOf = () => cache.newestFetchedAt();
  if (!profile || !credentials || !tested) {
    ctx.connection.setUnconfigured();
    return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: 'WeCom credentials are not configured yet' });
  }

  // 2. credentials (the Demo's come from its simulator)
  progress('credentials');
  if (profile.kind === 'demo') progress('simulator');
  let client;
  try {
    client = await credentials;
  } catch (error) {
    const failedStep: InitStep = profile.kind === 'demo' ? 'simulator' : 'credentials';
    return failed(failedStep, toServiceError(error), asOf() !== null);
  }
  if (!client) {
    const unconfigured = clientUnavailable(true, false);
    ctx.connection.setUnconfigured(unconfigured);
    return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: unconfigured.message });
  }

  // 3. connection
  progress('connection');
  if (options.offline) {
    const reason = 'WeCom cannot be reached';
    ctx.connection.setOffline({ kind: 'offline', code: 'OFFLINE_CHOSEN', message: reason });
    return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason });
  }
  ctx.connection.setConnecting();
  const test = await tested;
  const verdict = test.ran && test.error !== null ? reachabilityOf(test.error) : null;
  if (verdict === 'credentials') {
    // WeCom answered and refused the secret: "wrong secret", not "offline"
    const failure = wrongSecretError(toServiceError(test.ran ? test.error : null));
    ctx.connection.setUnconfigured(failure);
    if (asOf() !== null) return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: failure.message });
    return failed('connection', failure, false);
  }
  if ((test.ran && test.error === null) || verdict === 'reachable') {
    // an answer, even a 5xx, means WeCom is reachable: calls retry on their own
    ctx.connection.setOnline();
  } else {
    const failure = toServiceError(test.ran ? test.error : new Error('connection test did not run'));
    ctx.connection.setOffline(failure);
    if (asOf() !== null) return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: failure.message });
    return failed('connection', failure, false);
  }

  // 4. refresh: the first run syncs before the window opens; later runs refresh in the background.
  // Calls are answered from here on, during the refresh and any rate-limit wait in it.
  core.setReady(true);
  progress('refresh');
  const last = cache.lastSync();
  if (last.org === null || last.lives === null) {
    const job = ctx.sync.start('all');
    const forward = (p: SyncProgress) => {
      const part = p.phase.split(':')[0] ?? '';
      const key = REFRESH_LABEL[p.phase] ?? REFRESH_LABEL[part];
      if (!key || p.state !== 'running') return;
      // a wait or a retry is said with its reason (and, for a wait, its end)
      progress('refresh', {
        label: key,
        ...(p.total ? { counts: { done: p.done, total: p.total } } : {}),
        ...(p.note ? { note: p.note } : {}),
      });
    };
    // every progress the job tells (phases always, counts throttled), however fast the sync runs
    forward(job.progress);
    const unwatch = job.watch(forward);
    const result = await job.done.finally(unwatch);
    if (result.state !== 'done') {
      const error = result.error ?? { kind: 'internal', code: 'SYNC_FAILED', message: 'Sync failed' };
      if (asOf() === null) return failed('refresh', error, false);
      return finish({ type: 'initDone', mode: ctx.connection.isOnline ? 'online' : 'offline', asOf: asOf(), reason: error.message });
    }
  } else {
    if (isStale(asOf(), ctx.now(), ctx.settings().network)) {
      progress('refresh', { label: 'refresh.background' });
      ctx.sync.start('all');
    }
  }
  return finish({ type: 'initDone', mode: ctx.connection.isOnline ? 'online' : 'offline', asOf: asOf() });
}
