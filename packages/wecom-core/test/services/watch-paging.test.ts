// Paging rules that the simulator never exercises: an empty page that is not the last one, and a
// server stuck on one key. A scripted ApiCaller plays WeCom's part.
import { describe, expect, it } from 'vitest';
import type { ApiCaller, ApiRequest } from '../../src/http/types.ts';
import { LivesService, WatchStatStuckError } from '../../src/services/lives.ts';

function scriptedCaller(pages: Record<string, unknown>): ApiCaller & { keys: string[] } {
  const keys: string[] = [];
  return {
    language: 'en-US',
    keys,
    async call<T>(request: ApiRequest<T>): Promise<T> {
      const key = (request.body as { next_key: string }).next_key;
      keys.push(key);
      const page = pages[key];
      if (!page) throw new Error(`no scripted page for ${key}`);
      return request.schema.parse({ errcode: 0, errmsg: 'ok', ...page });
    },
    callBinary: () => Promise.reject(new Error('unused')),
    fetchToken: () => Promise.resolve({ expiresAt: 0 }),
  };
}

const row = (userid: string) => ({ userid, watch_time: 60, is_comment: 0, is_mic: 0 });

describe('watchStatPages', () => {
  it('keeps paging past an empty page until ending == 1', async () => {
    const caller = scriptedCaller({
      '0': { ending: 0, next_key: 'a', stat_info: { users: [row('u1')], external_users: [] } },
      a: { ending: 0, next_key: 'b', stat_info: { users: [], external_users: [] } },
      b: { ending: 1, next_key: 'c', stat_info: { users: [row('u2')], external_users: [] } },
    });
    const all = await new LivesService(caller).getWatchStatAll('lv1');
    expect(all.users.map((u) => u.userid)).toEqual(['u1', 'u2']);
    expect(caller.keys).toEqual(['0', 'a', 'b']);
  });

  it('accepts a page without stat_info', async () => {
    const caller = scriptedCaller({ '0': { ending: 1, next_key: '' } });
    const all = await new LivesService(caller).getWatchStatAll('lv1');
    expect(all).toEqual({ users: [], external_users: [], pages: 1 });
  });

  it('gives up when the server repeats a key with empty pages', async () => {
    const caller = scriptedCaller({
      '0': { ending: 0, next_key: 'k', stat_info: { users: [], external_users: [] } },
      k: { ending: 0, next_key: 'k', stat_info: { users: [], external_users: [] } },
    });
    await expect(new LivesService(caller).getWatchStatAll('lv1')).rejects.toBeInstanceOf(WatchStatStuckError);
    expect(caller.keys.length).toBeLessThan(10);
  });

  it('resumes from a start key and guards a stuck resumed cursor too', async () => {
    const caller = scriptedCaller({
      a: { ending: 0, next_key: 'b', stat_info: { users: [row('u2')], external_users: [] } },
      b: { ending: 1, next_key: 'b', stat_info: { users: [row('u3')], external_users: [] } },
      s: { ending: 0, next_key: 's', stat_info: { users: [], external_users: [] } },
    });
    const lives = new LivesService(caller);
    const users: string[] = [];
    for await (const page of lives.watchStatPages('lv1', { startKey: 'a' }))
      users.push(...page.stat_info.users.map((u) => u.userid));
    expect(users).toEqual(['u2', 'u3']);
    expect(caller.keys).toEqual(['a', 'b']);
    const drain = async () => {
      for await (const _page of lives.watchStatPages('lv1', { startKey: 's' })) void _page;
    };
    await expect(drain()).rejects.toBeInstanceOf(WatchStatStuckError);
  });

  it('runs each page request through wrapPage, so a caller can retry one page from its key', async () => {
    let failOnce = true;
    const pages: Record<string, unknown> = {
      '0': { ending: 0, next_key: 'a', stat_info: { users: [row('u1')], external_users: [] } },
      a: { ending: 1, next_key: 'a', stat_info: { users: [row('u2')], external_users: [] } },
    };
    const caller = scriptedCaller(pages);
    const flaky = {
      ...caller,
      call: <T>(request: Parameters<typeof caller.call>[0]) => {
        if ((request.body as { next_key: string }).next_key === 'a' && failOnce) {
          failOnce = false;
          caller.keys.push('a');
          return Promise.reject(new Error('blip'));
        }
        return caller.call(request) as Promise<T>;
      },
    } as typeof caller;
    const wrapped: number[] = [];
    const retryOnce = async <T>(fetch: () => Promise<T>): Promise<T> => {
      wrapped.push(1);
      try {
        return await fetch();
      } catch {
        return fetch();
      }
    };
    const users: string[] = [];
    for await (const page of new LivesService(flaky).watchStatPages('lv1', { wrapPage: retryOnce }))
      users.push(...page.stat_info.users.map((u) => u.userid));
    expect(users).toEqual(['u1', 'u2']);
    expect(wrapped).toHaveLength(2);
    expect(caller.keys).toEqual(['0', 'a', 'a']);
  });
});
