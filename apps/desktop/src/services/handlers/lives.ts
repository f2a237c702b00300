// Lives: cache-first reads; writes go to WeCom first, then the cache (with the audience WeCom does not keep).
import type { WeComClient } from '@wld/wecom-core';
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { MessageBody, SendResult } from '../../shared/models.ts';
import type { WireLivingInfo } from '../cache/index.ts';
import type { ServicesContext } from '../context.ts';
import { invalid, notFound } from './errors.ts';
import { activityFields } from './live-activity.ts';
import { absenteeReminder } from './live-notices.ts';
import { syncCalendar } from '../notices/calendar.ts';
import { composeReminder } from '../notices/notices.ts';
import { mergeSendResults } from './message-mapping.ts';
import { MAX_USERS_PER_SEND, chunk, recentSends, repeatWindow, repeatedMessage, sendAndRecord } from './send-message.ts';
import { cancelLiveOnce, createLiveOnce, deleteReplayOnce } from './live-writes-once.ts';
import { outcomeUnknown } from './write-outcome.ts';
import { RpcError } from '../../shared/rpc.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { livesDiscovery } from '../sync/lives-discovery.ts';

type Methods =
  | 'lives.list'
  | 'lives.discovery'
  | 'lives.get'
  | 'lives.create'
  | 'lives.modify'
  | 'lives.cancel'
  | 'lives.deleteReplay'
  | 'lives.now'
  | 'lives.watchStats'
  | 'lives.analytics'
  | 'lives.absentees'
  | 'lives.remindPreview'
  | 'lives.remindAbsentees';

/** Reads a live back after a write; when that read fails, `fallback` (what we know) goes to the cache. */
export async function refetch(ctx: ServicesContext, client: WeComClient | null, livingid: string, fallback: () => WireLivingInfo | null, extra: Partial<WireLivingInfo> = {}) {
  let row: WireLivingInfo | null;
  try {
    if (!client) throw new Error('no WeCom client');
    row = { livingid, ...(await client.lives.getLivingInfo(livingid)), ...extra };
  } catch (error) {
    ctx.log('warn', `get_living_info after a write failed for ${livingid}: ${String(error)}`);
    row = fallback();
  }
  if (row) ctx.cache().upsertLives([row], ctx.now());
}

export function livesHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const language = () => ctx.language();
  const liveOrThrow = (livingid: string) => {
    const found = ctx.cache().getLive(livingid);
    if (!found) throw notFound('LIVE_NOT_FOUND', livingid);
    return found;
  };

  /** Who a reminder by hand goes to and what it says (the preview shows exactly this). */
  const handReminder = ({ livingid, message, who }: Parameters<ServicesHandlers['lives.remindAbsentees']>[0]) => {
    const { live } = liveOrThrow(livingid);
    if (live.status !== 2) throw invalid('LIVE_NOT_ENDED', 'The live has not ended, so nobody is absent yet', 'livingid');
    if (who === 'incomplete') {
      // those who have not completed get what an after-end reminder sends them: the same people, the same words
      const { recipients, body } = composeReminder(ctx, live, { kind: 'after-end', offsetSeconds: 0, note: message ?? '', language: language() });
      return { userids: [...new Set(recipients.userids)], body };
    }
    const absent = ctx
      .cache()
      .absentees(livingid)
      .byDepartment.flatMap((d) => d.users.map((u) => u.userid));
    return { userids: [...new Set(absent)], body: absenteeReminder(live, language(), message) };
  };

  /** When the last of its parts went, if every part of this reminder went to its people already (within WeCom's window). */
  const everyPartSentAt = (userids: string[], body: MessageBody): { sentAt: number; until: number } | null => {
    const earlierSend = recentSends(ctx);
    let latest = 0;
    for (const part of chunk(userids, MAX_USERS_PER_SEND)) {
      const earlier = earlierSend({ userids: part, departmentIds: [], tagIds: [] }, body);
      if (!earlier) return null;
      latest = Math.max(latest, earlier.sentAt);
    }
    return latest > 0 ? repeatWindow(latest) : null;
  };

  return {
    'lives.list': (input) => {
      const result = ctx.cache().listLives(input);
      return { ...result, ...ctx.freshness(result.asOf, 'lives') };
    },
    'lives.discovery': () => livesDiscovery(ctx.cache()),
    'lives.get': ({ livingid }) => {
      const result = liveOrThrow(livingid);
      const department = result.live.mainDepartment;
      const mainDepartmentPath = department === null ? null : ctx.cache().departmentPaths().path(department) || null;
      return { ...result, mainDepartmentPath, ...ctx.freshness(result.asOf, 'lives') };
    },
    'lives.now': ({ horizonHours }) => {
      const result = ctx.cache().livesNow(ctx.now(), horizonHours * 3600);
      return { ...result, ...ctx.freshness(result.asOf, 'lives') };
    },
    'lives.watchStats': (input) => {
      liveOrThrow(input.livingid);
      const result = ctx.cache().watchStats(input);
      return { ...result, ...ctx.freshness(result.asOf, 'watch') };
    },
    'lives.analytics': ({ livingid, level }) => {
      const result = ctx.cache().liveAnalytics(livingid, level);
      if (!result) throw notFound('LIVE_NOT_FOUND', livingid);
      return { ...result, ...ctx.freshness(result.asOf, 'watch') };
    },
    'lives.absentees': ({ livingid, level }) => {
      liveOrThrow(livingid);
      const result = ctx.cache().absentees(livingid, level);
      return { ...result, ...ctx.freshness(result.asOf, 'watch', 'org') };
    },

    'lives.create': async (input, { signal }) => {
      const request = {
        anchor_userid: input.anchorUserid,
        theme: input.theme,
        living_start: input.livingStart,
        living_duration: input.livingDuration,
        type: input.type,
        description: input.description,
        remind_time: input.remindTime,
        ...activityFields(input.activity),
      };
      const livingid = await createLiveOnce(ctx, request, signal);
      await refetch(ctx, ctx.clientOrNull(), livingid, () => ({ livingid, ...request, status: 0 }), { remind_time: input.remindTime });
      if (input.audience) ctx.cache().setLiveAudience(livingid, input.audience);
      ctx.changed('lives', 'stats');

      // the audience is told through notices.send ('created'): previewed and asked first, sent once
      return { livingid };
    },

    'lives.modify': async (input, { signal }) => {
      const { livingid, audience, anchorUserid } = input;
      const cached = ctx.cache().getLive(livingid)?.live ?? null;
      if (anchorUserid !== undefined && cached && anchorUserid !== cached.anchorUserid) {
        throw invalid('ANCHOR_FIXED', 'The anchor of a live cannot be changed after it is created', 'anchorUserid');
      }
      const request = {
        livingid,
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(input.livingStart !== undefined ? { living_start: input.livingStart } : {}),
        ...(input.livingDuration !== undefined ? { living_duration: input.livingDuration } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.remindTime !== undefined ? { remind_time: input.remindTime } : {}),
      };
      await ctx.write((c) => c.lives.modify(request, { signal }));
      const fallback = (): WireLivingInfo | null =>
        cached && {
          livingid,
          theme: request.theme ?? cached.theme,
          living_start: request.living_start ?? cached.livingStart,
          living_duration: request.living_duration ?? cached.livingDuration,
          status: cached.status,
          anchor_userid: cached.anchorUserid,
          description: request.description ?? cached.description,
          type: request.type ?? cached.type,
        };
      await refetch(ctx, ctx.clientOrNull(), livingid, fallback, input.remindTime !== undefined ? { remind_time: input.remindTime } : {});
      if (audience !== undefined) ctx.cache().setLiveAudience(livingid, audience);
      ctx.changed('lives', 'stats');
      // a schedule already in the attendees' calendars follows the live; a failure is recorded on it
      await syncCalendar(ctx, livingid, { add: false });
      return { live: liveOrThrow(livingid).live };
    },

    'lives.cancel': async ({ livingid }, { signal }) => {
      await cancelLiveOnce(ctx, livingid, signal);
      const cached = ctx.cache().getLive(livingid)?.live ?? null;
      await refetch(ctx, ctx.clientOrNull(), livingid, () =>
        cached && {
          livingid,
          theme: cached.theme,
          living_start: cached.livingStart,
          living_duration: cached.livingDuration,
          anchor_userid: cached.anchorUserid,
          status: 4,
        },
      );
      ctx.changed('lives', 'stats');
      await syncCalendar(ctx, livingid, { add: false });
      return { ok: true as const };
    },

    'lives.deleteReplay': async ({ livingid }, { signal }) => {
      await deleteReplayOnce(ctx, livingid, signal);
      await refetch(ctx, ctx.clientOrNull(), livingid, () => null);
      ctx.changed('lives');
      return { ok: true as const };
    },

    'lives.remindPreview': (input) => {
      const { userids, body } = handReminder(input);
      return { body, recipientCount: userids.length, repeatOf: everyPartSentAt(userids, body) };
    },
    'lives.remindAbsentees': async (input, { signal }) => {
      const { userids: unique, body } = handReminder(input);
      if (unique.length === 0) {
        return { msgid: null, invalidUsers: [], invalidParties: [], invalidTags: [], unlicensedUsers: [], recipients: 0 };
      }
      // the same words to the same people within WeCom's window would reach nobody: said before anything goes
      const repeatOf = everyPartSentAt(unique, body);
      if (repeatOf) throw repeatedMessage(repeatOf.sentAt, 'reminder');
      const results: SendResult[] = [];
      for (const part of chunk(unique, MAX_USERS_PER_SEND)) {
        try {
          // sent with WeCom's duplicate check: a retry after a lost answer cannot deliver it twice; a
          // part sent already (a retry after a refusal) is not sent again
          const sent = await sendAndRecord(ctx, { userids: part, departmentIds: [], tagIds: [] }, body, 'absentee-reminder', signal);
          results.push(sent.result);
        } catch (error) {
          if (error instanceof RpcError && error.error.code === 'MESSAGE_UNKNOWN_OUTCOME')
            throw outcomeUnknown('REMINDER_UNKNOWN_OUTCOME', 'WeCom did not answer; the reminder may have been delivered');
          if (results.length === 0) throw error;
          // the earlier parts went out: say how far it got (a retry repeats them, and WeCom drops the repeats)
          const sent = results.length * MAX_USERS_PER_SEND;
          throw new RpcError({ ...toServiceError(error), code: 'REMINDER_PARTLY_SENT', params: { sent, total: unique.length } });
        }
      }
      const merged = mergeSendResults(results);
      // the people it reached: WeCom names those it did not (no such member, no licence)
      const missed = new Set([...merged.invalidUsers, ...merged.unlicensedUsers]);
      return { ...merged, recipients: unique.filter((userid) => !missed.has(userid)).length };
    },
  };
}
