// sync.start / cancel / status.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { notFound } from './errors.ts';

type Methods = 'sync.start' | 'sync.cancel' | 'sync.status';

export function syncHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    // A sync is a run of WeCom reads: it needs a connection, like a write.
    'sync.start': ({ scope }) => ctx.online(async () => ({ jobId: ctx.sync.start(scope).id })),
    'sync.cancel': ({ jobId }) => {
      if (!ctx.sync.cancel(jobId)) throw notFound('SYNC_JOB_NOT_FOUND', jobId);
      return { ok: true as const };
    },
    'sync.status': () => ({ jobs: ctx.sync.status(), lastSync: ctx.cache().lastSync() }),
  };
}
