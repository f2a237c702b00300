// The lives writes that must not happen twice, each run once with its read-back (write-outcome.ts):
// when WeCom's answer is lost, a create looks for the new live among the anchor's lives, a cancel
// and a replay deletion read the live's status. What WeCom did is then reported as done, or the
// write's own error stands (a retry is safe), or the outcome is said to be unknown.
import type { CreateLivingRequest } from '@wld/wecom-core';
import type { ServicesContext } from '../context.ts';
import { outcomeUnknown, wecomReader, writeOnce } from './write-outcome.ts';

type Context = Pick<ServicesContext, 'write' | 'clientOrNull' | 'cache' | 'log'>;

/** Read-backs bypass the client's answer cache: they ask what WeCom holds now. */
const FRESH = { refreshCache: true } as const;

/** The live a lost create made: one of the anchor's lives the cache did not hold before, with the same theme, start and length. */
async function findCreated(ctx: Context, request: CreateLivingRequest, signal?: AbortSignal): Promise<string | null> {
  const client = wecomReader(ctx);
  for await (const livingid of client.lives.getUserAllLivingIds(request.anchor_userid, signal ? { signal } : {})) {
    // a live already cached existed before this create (an identical one the person chose to repeat, say)
    if (ctx.cache().getLive(livingid)) continue;
    const info = await client.lives.getLivingInfo(livingid, { ...FRESH, ...(signal ? { signal } : {}) });
    if (info.theme === request.theme && info.living_start === request.living_start && info.living_duration === request.living_duration)
      return livingid;
  }
  return null;
}

export function createLiveOnce(ctx: Context, request: CreateLivingRequest, signal?: AbortSignal): Promise<string> {
  return writeOnce(
    ctx,
    `create of "${request.theme}"`,
    () => ctx.write((c) => c.lives.create(request, signal ? { signal } : {})),
    () => findCreated(ctx, request, signal),
    () => outcomeUnknown('LIVE_CREATE_UNKNOWN', 'WeCom did not answer; the live may have been created'),
  );
}

/** Status 4: cancelled. */
export function cancelLiveOnce(ctx: Context, livingid: string, signal?: AbortSignal): Promise<void> {
  return writeOnce(
    ctx,
    `cancel of ${livingid}`,
    () => ctx.write((c) => c.lives.cancel(livingid, signal ? { signal } : {})),
    async () => ((await wecomReader(ctx).lives.getLivingInfo(livingid, FRESH)).status === 4 ? undefined : null),
    () => outcomeUnknown('LIVE_CANCEL_UNKNOWN', 'WeCom did not answer; the live may have been cancelled'),
  );
}

/** replay_status 2: deleted. */
export function deleteReplayOnce(ctx: Context, livingid: string, signal?: AbortSignal): Promise<void> {
  return writeOnce(
    ctx,
    `replay deletion of ${livingid}`,
    () => ctx.write((c) => c.lives.deleteReplayData(livingid, signal ? { signal } : {})),
    async () => ((await wecomReader(ctx).lives.getLivingInfo(livingid, FRESH)).replay_status === 2 ? undefined : null),
    () => outcomeUnknown('LIVE_DELETE_REPLAY_UNKNOWN', 'WeCom did not answer; the replay may have been deleted'),
  );
}
