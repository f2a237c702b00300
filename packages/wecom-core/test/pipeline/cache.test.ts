// The response cache over real HTTP, with a hand-moved clock for TTLs.
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../src/http/types.ts';
import { USER_GET, getUser, manualClock, pipelineFor, someUserId, startSim, pipelineTracker } from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
const { track, closeAll } = pipelineTracker();

beforeAll(async () => {
  sim = await startSim();
});

afterEach(async () => {
  await closeAll();
});

afterAll(async () => {
  await sim.close();
});

function callsTo(path: string): () => number {
  const start = sim.stats.calls(path);
  return () => sim.stats.calls(path) - start;
}

describe('response cache', () => {
  it('answers from the cache until the TTL ends', async () => {
    const clock = manualClock();
    const pipeline = track(pipelineFor(sim, {}, { now: clock.now }));
    const calls = callsTo(USER_GET);
    const userid = someUserId(sim);
    const first = await getUser(pipeline, userid, { cache: { ttlSeconds: 60 } });
    clock.advance(59_000);
    const second = await getUser(pipeline, userid, { cache: { ttlSeconds: 60 } });
    expect(second).toEqual(first);
    expect(calls()).toBe(1);
    clock.advance(1_000);
    await getUser(pipeline, userid, { cache: { ttlSeconds: 60 } });
    expect(calls()).toBe(2);
  });

  it('uses the configured TTL for cache: true', async () => {
    const clock = manualClock();
    const pipeline = track(pipelineFor(sim, { cache: { ttlSeconds: 10 } }, { now: clock.now }));
    const calls = callsTo(USER_GET);
    await getUser(pipeline, someUserId(sim), { cache: true });
    clock.advance(9_999);
    await getUser(pipeline, someUserId(sim), { cache: true });
    expect(calls()).toBe(1);
    clock.advance(1);
    await getUser(pipeline, someUserId(sim), { cache: true });
    expect(calls()).toBe(2);
  });

  it('is bypassed by cache: false and refreshed by refreshCache', async () => {
    const pipeline = track(pipelineFor(sim));
    const calls = callsTo(USER_GET);
    const userid = someUserId(sim);
    await getUser(pipeline, userid, { cache: true });
    await getUser(pipeline, userid, { cache: false });
    await getUser(pipeline, userid);
    expect(calls()).toBe(3);
    await getUser(pipeline, userid, { cache: true, refreshCache: true });
    expect(calls()).toBe(4);
    await getUser(pipeline, userid, { cache: true });
    expect(calls()).toBe(4);
  });

  it('keys by credential, path, sorted query and body', async () => {
    const pipeline = track(pipelineFor(sim));
    const users = callsTo(USER_GET);
    await getUser(pipeline, someUserId(sim, 0), { cache: true });
    await getUser(pipeline, someUserId(sim, 1), { cache: true });
    await getUser(pipeline, someUserId(sim, 0), { cache: true, credential: sim.apps[1]!.name });
    expect(users()).toBe(3);

    const listId = '/cgi-bin/user/list_id';
    const schema = z.looseObject({ errcode: z.literal(0), dept_user: z.array(z.unknown()) });
    const pages = callsTo(listId);
    await pipeline.call({ method: 'POST', path: listId, body: { cursor: '', limit: 5 }, schema, credential: 'contacts', cache: true });
    await pipeline.call({ method: 'POST', path: listId, body: { limit: 5, cursor: '' }, schema, credential: 'contacts', cache: true });
    expect(pages()).toBe(1);
    await pipeline.call({ method: 'POST', path: listId, body: { limit: 6, cursor: '' }, schema, credential: 'contacts', cache: true });
    expect(pages()).toBe(2);
  });

  it('hands out copies, so a caller cannot change what the next one gets', async () => {
    const pipeline = track(pipelineFor(sim));
    const userid = someUserId(sim);
    const first = await getUser(pipeline, userid, { cache: true });
    first.name = 'changed';
    const second = await getUser(pipeline, userid, { cache: true });
    expect(second.name).not.toBe('changed');
  });

  it('can be cleared or invalidated per endpoint, and counts hits', async () => {
    const pipeline = track(pipelineFor(sim));
    const events: CallEvent[] = [];
    pipeline.onCall((event) => events.push(event));
    const calls = callsTo(USER_GET);
    await getUser(pipeline, someUserId(sim), { cache: true });
    await getUser(pipeline, someUserId(sim), { cache: true });
    pipeline.cache.clear();
    await getUser(pipeline, someUserId(sim), { cache: true });
    expect(pipeline.cache.invalidatePath(USER_GET)).toBe(1);
    await getUser(pipeline, someUserId(sim), { cache: true });
    expect(calls()).toBe(3);
    expect(events.filter((e) => e.endpoint === USER_GET).map((e) => e.fromCache)).toEqual([false, true, false, false]);
    expect(pipeline.stats.snapshot().cacheHits).toBe(1);
  });

  it('stores nothing when disabled in the config', async () => {
    const pipeline = track(pipelineFor(sim, { cache: { enabled: false } }));
    const calls = callsTo(USER_GET);
    await getUser(pipeline, someUserId(sim), { cache: true });
    await getUser(pipeline, someUserId(sim), { cache: true });
    expect(calls()).toBe(2);
  });
});
