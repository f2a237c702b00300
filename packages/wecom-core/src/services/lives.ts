// Living (直播): schedule, change, cancel, read info, list a user's lives, and page watch statistics.
import { CodedError } from '../rules/coded-error.ts';
import type { ZodType } from 'zod';
import type { ApiCaller } from '../http/types.ts';
import {
  TERMINAL_LIVING_STATUSES,
  createLivingResponseSchema,
  livingCodeResponseSchema,
  livingInfoResponseSchema,
  livingShareInfoResponseSchema,
  userAllLivingIdResponseSchema,
  watchStatPageSchema,
  type CreateLivingRequest,
  type LivingInfo,
  type LivingShareInfo,
  type ModifyLivingRequest,
  type UserAllLivingIdPage,
  type WatchStatExternalUser,
  type WatchStatPage,
  type WatchStatUser,
} from '../models/living.ts';
import { okResponseSchema } from '../models/common.ts';
import { chainedPages } from '../paging/chained-pages.ts';
import { inputError } from '../validation/fail.ts';
import { checkNonEmptyId, checkUserid } from '../validation/ids.ts';
import { validateCreateLiving, validateModifyLiving } from '../validation/living.ts';
import { requestOptions, type CallOptions, type ReadOptions, type ServiceContext } from './options.ts';

export const USER_LIVING_IDS_MAX_LIMIT = 100;
/** Identical keys with empty pages this many times in a row means the server is stuck, not slow. */
const STUCK_PAGE_LIMIT = 3;
/** How many terminal lives to remember for caching decisions. */
const TERMINAL_MEMORY = 10_000;

export interface LivingIdsOptions extends CallOptions {
  /** 1–100 ids per page; default 100. */
  limit?: number;
}

export interface WatchStatAll {
  users: WatchStatUser[];
  external_users: WatchStatExternalUser[];
  pages: number;
}

export interface WatchStatOptions extends CallOptions {
  /** Resume from this next_key (a sync's saved cursor); default '0', the first page. */
  startKey?: string;
  /** Runs each page's request (a sync's retry policy for one page); default: as it is. */
  wrapPage?: (fetch: () => Promise<WatchStatPage>) => Promise<WatchStatPage>;
}

export class WatchStatStuckError extends CodedError {
  constructor(livingid: string, nextKey: string) {
    super(
      'WATCH_STAT_STUCK',
      `get_watch_stat for ${livingid} kept answering next_key "${nextKey}" with empty pages and ending 0`,
    );
    this.name = 'WatchStatStuckError';
  }
}

export class LivesService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;
  /** Lives seen ended/expired/cancelled: their info no longer changes, so it is read from the cache. */
  readonly #terminal = new Set<string>();

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  #checkLivingid(livingid: string): void {
    const problem = checkNonEmptyId('livingid', livingid);
    if (problem) throw inputError(problem, this.#caller.language);
  }

  async #post<T>(path: string, body: unknown, schema: ZodType<T>, options?: CallOptions): Promise<T> {
    return this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path,
      body,
      schema,
    });
  }

  /** Schedules a living; returns its livingid. */
  async create(request: CreateLivingRequest, options?: CallOptions): Promise<string> {
    validateCreateLiving(request, this.#caller.language);
    const answer = await this.#post('/cgi-bin/living/create', request, createLivingResponseSchema, options);
    return answer.livingid;
  }

  /** Only a reserved living can be modified (92006 otherwise). */
  async modify(request: ModifyLivingRequest, options?: CallOptions): Promise<void> {
    validateModifyLiving(request, this.#caller.language);
    await this.#post('/cgi-bin/living/modify', request, okResponseSchema, options);
  }

  /** Only a reserved living can be cancelled (92006 otherwise). */
  async cancel(livingid: string, options?: CallOptions): Promise<void> {
    this.#checkLivingid(livingid);
    await this.#post('/cgi-bin/living/cancel', { livingid }, okResponseSchema, options);
  }

  async deleteReplayData(livingid: string, options?: CallOptions): Promise<void> {
    this.#checkLivingid(livingid);
    await this.#post('/cgi-bin/living/delete_replay_data', { livingid }, okResponseSchema, options);
  }

  /** A code that lets a WeChat user (openid) open the living or its replay; reusable for 5 minutes. */
  async getLivingCode(livingid: string, openid: string, options?: CallOptions): Promise<string> {
    this.#checkLivingid(livingid);
    const problem = checkNonEmptyId('openid', openid);
    if (problem) throw inputError(problem, this.#caller.language);
    const answer = await this.#post(
      '/cgi-bin/living/get_living_code',
      { livingid, openid },
      livingCodeResponseSchema,
      options,
    );
    return answer.living_code;
  }

  /** Pages of a user's livingids; an empty next_cursor marks the last page. */
  userAllLivingIdPages(
    userid: string,
    options: LivingIdsOptions = {},
  ): AsyncGenerator<UserAllLivingIdPage, void, undefined> {
    const problem = checkUserid('userid', userid);
    if (problem) throw inputError(problem, this.#caller.language);
    const limit = options.limit ?? USER_LIVING_IDS_MAX_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > USER_LIVING_IDS_MAX_LIMIT) {
      throw inputError(
        { field: 'limit', zh: '须为 1–100 的整数', en: 'must be a whole number 1–100' },
        this.#caller.language,
      );
    }
    const base = requestOptions(this.#context, options);
    return chainedPages({
      signal: options.signal,
      fetchPage: (cursor, signal) =>
        this.#caller.call({
          ...base,
          signal,
          method: 'POST',
          path: '/cgi-bin/living/get_user_all_livingid',
          body: cursor === undefined ? { userid, limit } : { userid, cursor, limit },
          schema: userAllLivingIdResponseSchema,
        }),
      nextKey: (page) => (page.next_cursor ? page.next_cursor : null),
    });
  }

  /** Every livingid of a user (lives this app may see), across pages. */
  async *getUserAllLivingIds(
    userid: string,
    options: LivingIdsOptions = {},
  ): AsyncGenerator<string, void, undefined> {
    for await (const page of this.userAllLivingIdPages(userid, options)) yield* page.livingid_list;
  }

  /** Lives that have ended, expired or been cancelled are served from the cache; others are always fetched. */
  async getLivingInfo(livingid: string, options?: ReadOptions): Promise<LivingInfo> {
    this.#checkLivingid(livingid);
    const known = this.#terminal.has(livingid);
    const request = requestOptions(this.#context, options, true);
    if (!known && options?.cache === undefined) request.refreshCache = true;
    const answer = await this.#caller.call({
      ...request,
      method: 'GET',
      path: '/cgi-bin/living/get_living_info',
      query: { livingid },
      schema: livingInfoResponseSchema,
    });
    if (TERMINAL_LIVING_STATUSES.includes(answer.living_info.status)) this.#rememberTerminal(livingid);
    return answer.living_info;
  }

  #rememberTerminal(livingid: string): void {
    if (this.#terminal.size >= TERMINAL_MEMORY) this.#terminal.clear();
    this.#terminal.add(livingid);
  }

  /**
   * Pages of watch statistics. Only `ending == 1` ends the paging (an empty page does not); the
   * next page is requested while the caller handles the current one. `startKey` resumes a paging
   * that stopped (the page after the last one the caller kept).
   */
  watchStatPages(
    livingid: string,
    options: WatchStatOptions = {},
  ): AsyncGenerator<WatchStatPage, void, undefined> {
    this.#checkLivingid(livingid);
    const base = requestOptions(this.#context, options);
    const first = options.startKey ?? '0';
    let stuck = 0;
    return chainedPages({
      signal: options.signal,
      fetchPage: (key, signal) => {
        const fetch = () =>
          this.#caller.call({
            ...base,
            signal,
            method: 'POST',
            path: '/cgi-bin/living/get_watch_stat',
            body: { livingid, next_key: key ?? first },
            schema: watchStatPageSchema,
          });
        return options.wrapPage ? options.wrapPage(fetch) : fetch();
      },
      nextKey: (page, key) => {
        if (page.ending === 1) return null;
        const current = key ?? first;
        const next = page.next_key ?? current;
        const empty = page.stat_info.users.length === 0 && page.stat_info.external_users.length === 0;
        stuck = empty && next === current ? stuck + 1 : 0;
        if (stuck >= STUCK_PAGE_LIMIT) throw new WatchStatStuckError(livingid, next);
        return next;
      },
    });
  }

  /** All viewers in memory: fine for a dashboard of one living; use watchStatPages to stream big ones. */
  async getWatchStatAll(livingid: string, options: CallOptions = {}): Promise<WatchStatAll> {
    const all: WatchStatAll = { users: [], external_users: [], pages: 0 };
    for await (const page of this.watchStatPages(livingid, options)) {
      all.pages++;
      for (const user of page.stat_info.users) all.users.push(user);
      for (const user of page.stat_info.external_users) all.external_users.push(user);
    }
    return all;
  }

  /** Who shared a "推广产品" living to whom, from the ww_share_code in the mini-program path. */
  async getLivingShareInfo(
    wwShareCode: string,
    options?: CallOptions,
  ): Promise<Omit<LivingShareInfo, 'errcode' | 'errmsg'>> {
    const problem = checkNonEmptyId('ww_share_code', wwShareCode);
    if (problem) throw inputError(problem, this.#caller.language);
    const {
      errcode: _errcode,
      errmsg: _errmsg,
      ...info
    } = await this.#post(
      '/cgi-bin/living/get_living_share_info',
      { ww_share_code: wwShareCode },
      livingShareInfoResponseSchema,
      options,
    );
    return info;
  }
}
