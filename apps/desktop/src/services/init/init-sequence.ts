// The init steps: cache → credentials → simulator (Demo) → connection → refresh, each posting
// `progress`, then `initDone` (online, or offline on cached data) or `initFailed`.
import { NativeModuleError } from '../native-module-error.ts';
import type { InitStep, ServicesToMain } from '../../shared/host-protocol.ts';
import type { SyncProgress } from '../../shared/models.ts';
import { t, type TextKey } from '../i18n.ts';
import type { ServicesCore } from '../services-core.ts';
import { isStale } from '../staleness.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { reachabilityOf, wrongSecretError } from '../connection/reachability.ts';

/** Launcher labels per sync phase (`part:phase`), falling back to the part. */
const REFRESH_LABEL: Record<string, TextKey> = {
  org: 'init.refresh.org',
  'org:tags': 'init.refresh.tags',
  'lives:anchors': 'init.refresh.anchors',
  lives: 'init.refresh.lives',
  watch: 'init.refresh.watch',
};

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
  const language = ctx.language();
  const steps = stepsFor(core);
  const progress = (id: InitStep, label = t(language, `init.${id}`)) =>
    core.post({ type: 'progress', step: steps.indexOf(id) + 1, total: steps.length, id, label });
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
    const what = error instanceof NativeModuleError ? 'init.nativeModule' : 'init.cacheFailed';
    return finish({ type: 'initFailed', id: 'cache', message: `${t(language, what)}: ${message(error)}`, canContinueOffline: false });
  }
  const asOf = () => cache.newestFetchedAt();
  if (!profile || !credentials || !tested) {
    ctx.connection.setUnconfigured();
    return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: t(language, 'unconfigured') });
  }

  // 2. credentials (the Demo's come from its simulator)
  progress('credentials');
  if (profile.kind === 'demo') progress('simulator');
  let client;
  try {
    client = await credentials;
  } catch (error) {
    const failedStep: InitStep = profile.kind === 'demo' ? 'simulator' : 'credentials';
    return finish({ type: 'initFailed', id: failedStep, message: message(error), canContinueOffline: asOf() !== null });
  }
  if (!client) {
    const reason = t(language, 'missingSecret');
    ctx.connection.setUnconfigured({ kind: 'offline', code: 'UNCONFIGURED', message: reason });
    return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason });
  }

  // 3. connection
  progress('connection');
  if (options.offline) {
    const reason = t(language, 'offline.reason');
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
    return finish({ type: 'initFailed', id: 'connection', message: failure.message, canContinueOffline: false });
  }
  if ((test.ran && test.error === null) || verdict === 'reachable') {
    // an answer, even a 5xx, means WeCom is reachable: calls retry on their own
    ctx.connection.setOnline();
  } else {
    const failure = toServiceError(test.ran ? test.error : new Error('connection test did not run'));
    ctx.connection.setOffline(failure);
    if (asOf() !== null) return finish({ type: 'initDone', mode: 'offline', asOf: asOf(), reason: failure.message });
    return finish({ type: 'initFailed', id: 'connection', message: failure.message, canContinueOffline: false });
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
      const label = p.total ? `${t(language, key)} ${p.done}/${p.total}` : t(language, key);
      // a wait or a retry is said with its reason (and, for a wait, its end)
      progress('refresh', p.note ? `${label} · ${p.note.message}` : label);
    };
    const timer = setInterval(() => forward(job.progress), 250);
    const result = await job.done.finally(() => clearInterval(timer));
    if (result.state !== 'done') {
      const reason = result.error?.message ?? t(language, 'sync.failed');
      if (asOf() === null) return finish({ type: 'initFailed', id: 'refresh', message: reason, canContinueOffline: false });
      return finish({ type: 'initDone', mode: ctx.connection.isOnline ? 'online' : 'offline', asOf: asOf(), reason });
    }
  } else {
    if (isStale(asOf(), ctx.now(), ctx.settings().network)) {
      progress('refresh', t(language, 'init.refresh.background'));
      ctx.sync.start('all');
    }
  }
  return finish({ type: 'initDone', mode: ctx.connection.isOnline ? 'online' : 'offline', asOf: asOf() });
}
