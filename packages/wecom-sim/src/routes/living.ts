// Living (直播): create/modify/cancel in the reserved state, replay deletion, codes, listing by
// anchor, live info with a clock-derived status, paged watch statistics and share info.
// An app only sees lives it created (92008), as on WeCom; generated lives belong to the Demo app.
import { z } from 'zod';
import { newLivingId } from '../data/generate-lives.ts';
import { fail, required } from '../errors.ts';
import { ID_CHARS, randomString } from '../random.ts';
import type { LiveType, SimLive } from '../state/model.ts';
import { parseCreate, parseModify } from './living-input.ts';
import { livingInfo, watchPage, watchTotal } from './living-view.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { callerApp, decodeCursor, encodeCursor, parseBody, queryString } from './validate.ts';

const ALL_LIVINGID_MAX_LIMIT = 100;

function ownLive(ctx: RouteContext, livingid: string | null | undefined): SimLive {
  if (!livingid) fail(40058, 'livingid is required');
  const live = ctx.sim.store.lives.get(livingid);
  if (!live) fail(40058, `livingid "${livingid}" not found`);
  if (live.creatorAgentId !== callerApp(ctx).agentId)
    fail(92008, `living ${livingid} was created by another app`);
  return live;
}

function requireReserved(ctx: RouteContext, live: SimLive, action: string): void {
  const status = ctx.sim.store.liveStatus(live);
  if (status !== 0)
    fail(
      92006,
      `cannot ${action} living ${live.livingid}: status is ${status}, only reserved (0) lives can change`,
    );
}

const livingidBody = z.object({ livingid: z.string().optional() });
const livingCodeBody = z.object({ livingid: z.string().optional(), openid: z.string().optional() });
const allLivingIdBody = z.object({
  userid: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
});
const watchStatBody = z.object({ livingid: z.string().optional(), next_key: z.string().optional() });
const shareInfoBody = z.object({ ww_share_code: z.string().optional() });

export const livingRoutes: RouteTable = {
  '/cgi-bin/living/create': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const { store, rng, now } = ctx.sim;
      const input = parseCreate(ctx.body, store);
      const app = callerApp(ctx);
      if (input.agentid !== undefined && input.agentid !== app.agentId) {
        fail(40056, `agentid ${input.agentid} does not match the token's app (${app.agentId})`);
      }
      const anchor = store.findUser(input.anchor_userid);
      if (!anchor || anchor.status === 5 || anchor.status === 2)
        fail(60111, `anchor_userid "${input.anchor_userid}" not found`);
      const type: LiveType = input.type ?? 0;
      // ids drawn from the seed repeat in a simulator started again over it with saved writes
      let livingid: string;
      do livingid = newLivingId(rng);
      while (store.lives.has(livingid));
      const live: SimLive = {
        livingid,
        theme: input.theme,
        description: input.description ?? '',
        anchor_userid: anchor.userid,
        type,
        living_start: input.living_start,
        living_duration: input.living_duration,
        reserve_start: input.living_start,
        reserve_living_duration: input.living_duration,
        remind_time: input.remind_time ?? 0,
        open_replay: 1,
        replay: 'ready',
        cancelled: false,
        neverStarted: false,
        creatorAgentId: app.agentId,
        subscribe_count: 0,
        viewerTarget: 0,
        internalShare: 1,
        activity_cover_mediaid: type === 4 ? (input.activity_cover_mediaid ?? '') : '',
        activity_share_mediaid: type === 4 ? (input.activity_share_mediaid ?? '') : '',
        activity_detail: type === 4 ? (input.activity_detail ?? null) : null,
        createdAt: now(),
      };
      store.addLive(live);
      store.noteWrite(live);
      return { livingid: live.livingid };
    },
  },

  '/cgi-bin/living/modify': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const input = parseModify(ctx.body, ctx.sim.store);
      const live = ownLive(ctx, input.livingid);
      requireReserved(ctx, live, 'modify');
      if (input.theme !== undefined) live.theme = input.theme;
      if (input.description !== undefined) live.description = input.description;
      if (input.type !== undefined) live.type = input.type;
      if (input.remind_time !== undefined) live.remind_time = input.remind_time;
      if (input.living_duration !== undefined) {
        live.living_duration = input.living_duration;
        live.reserve_living_duration = input.living_duration;
      }
      if (input.living_start !== undefined) {
        live.living_start = input.living_start;
        live.reserve_start = input.living_start;
        ctx.sim.store.resortLives(live.anchor_userid);
      }
      ctx.sim.store.noteWrite(live);
      return {};
    },
  },

  '/cgi-bin/living/cancel': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const live = ownLive(ctx, parseBody(livingidBody, ctx.body).livingid);
      requireReserved(ctx, live, 'cancel');
      live.cancelled = true;
      ctx.sim.store.noteWrite(live);
      return {};
    },
  },

  '/cgi-bin/living/delete_replay_data': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const live = ownLive(ctx, parseBody(livingidBody, ctx.body).livingid);
      const store = ctx.sim.store;
      const replay = store.replayStatus(live);
      if (store.liveStatus(live) !== 2 || live.open_replay !== 1 || replay === 2 || replay === 3) {
        fail(92007, `living ${live.livingid} has no replay to delete`);
      }
      live.replay = 'deleted';
      store.noteWrite(live);
      return {};
    },
  },

  '/cgi-bin/living/get_living_code': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const body = parseBody(livingCodeBody, ctx.body);
      required(body.openid, 'openid');
      ownLive(ctx, body.livingid);
      return { living_code: randomString(ctx.sim.rng, 32, ID_CHARS) };
    },
  },

  '/cgi-bin/living/get_user_all_livingid': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const body = parseBody(allLivingIdBody, ctx.body);
      const userid = required(body.userid, 'userid');
      const store = ctx.sim.store;
      if (!store.findUser(userid)) fail(60111, `userid "${userid}" not found`);
      const limit = body.limit ?? ALL_LIVINGID_MAX_LIMIT;
      if (limit < 1 || limit > ALL_LIVINGID_MAX_LIMIT)
        fail(40058, `limit must be between 1 and ${ALL_LIVINGID_MAX_LIMIT}, got ${limit}`);
      const agentId = callerApp(ctx).agentId;
      const lives = store.livesOfAnchor(userid).filter((l) => l.creatorAgentId === agentId);
      let offset = 0;
      if (body.cursor) {
        const decoded = decodeCursor('l', body.cursor, lives.length);
        if (decoded === null) fail(50100, `invalid cursor "${body.cursor}"`);
        offset = decoded;
      }
      const end = Math.min(lives.length, offset + limit);
      return {
        next_cursor: end >= lives.length ? '' : encodeCursor('l', end),
        livingid_list: lives.slice(offset, end).map((l) => l.livingid),
      };
    },
  },

  '/cgi-bin/living/get_living_info': {
    method: 'GET',
    auth: 'app',
    handle(ctx) {
      const live = ownLive(ctx, queryString(ctx, 'livingid'));
      return { living_info: livingInfo(ctx.sim.store, live) };
    },
  },

  '/cgi-bin/living/get_watch_stat': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const body = parseBody(watchStatBody, ctx.body);
      const live = ownLive(ctx, body.livingid);
      const key = body.next_key === undefined || body.next_key === '' ? '0' : body.next_key;
      const total = watchTotal(ctx.sim.store, live);
      if (!/^\d{1,10}$/.test(key) || Number(key) > total) fail(40058, `invalid next_key "${key}"`);
      return { ...watchPage(ctx.sim.store, live, Number(key), ctx.sim.quotas.watchStatPageSize) };
    },
  },

  '/cgi-bin/living/get_living_share_info': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const code = required(parseBody(shareInfoBody, ctx.body).ww_share_code, 'ww_share_code');
      const info = ctx.sim.store.shareInfos.get(code);
      if (!info) fail(40058, `ww_share_code "${code}" not found`);
      return {
        livingid: info.livingid,
        viewer_userid: info.viewer_userid,
        viewer_external_userid: info.viewer_external_userid,
        invitor_userid: info.invitor_userid,
        invitor_external_userid: info.invitor_external_userid,
      };
    },
  },
};
