// Access tokens over real HTTP: one gettoken per key no matter how many calls need it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeComAuthError, WeComConfigError } from '../../src/errors/errors.ts';
import { tokenKey } from '../../src/token/token-key.ts';
import { MemoryTokenStore } from '../../src/token/token-store.ts';
import { GETTOKEN, USER_GET, getUser, manualClock, pipelineFor, someUserId, startSim, pipelineTracker } from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
const { track, closeAll } = pipelineTracker();

beforeAll(async () => {
  sim = await startSim();
});

afterEach(async () => {
  await closeAll();
  sim.faults.clear();
});

afterAll(async () => {
  await sim.close();
});

describe('token manager', () => {
  it('1,000 concurrent calls after the server expired the token cause exactly one gettoken', async () => {
    const pipeline = track(pipelineFor(sim));
    const userid = someUserId(sim);
    await getUser(pipeline, userid);
    const issuedBefore = sim.tokens.issued();
    const gettokenBefore = sim.stats.calls(GETTOKEN);
    sim.tokens.expireAll();

    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => getUser(pipeline, someUserId(sim, i))));

    expect(results).toHaveLength(1000);
    expect(results.every((user) => typeof user.name === 'string')).toBe(true);
    expect(sim.tokens.issued() - issuedBefore).toBe(1);
    expect(sim.stats.calls(GETTOKEN) - gettokenBefore).toBe(1);
    expect(sim.stats.errors(42001)).toBeGreaterThan(0);
    const stats = pipeline.stats.snapshot();
    expect(stats.tokenFetches).toBe(2);
    expect(stats.tokenRefreshes).toBe(1);
  });

  it('1,000 concurrent calls when the cached token reaches its expiry cause exactly one gettoken', async () => {
    const clock = manualClock();
    const pipeline = track(pipelineFor(sim, { tokenMarginSeconds: 300 }, { now: clock.now }));
    const first = await pipeline.fetchToken();
    // WeCom's expires_in is 7200 s; the pipeline stops using the token 300 s earlier.
    expect(first.expiresAt - clock.now()).toBe((7200 - 300) * 1000);
    const gettokenBefore = sim.stats.calls(GETTOKEN);
    clock.advance(7200_000 - 300_000);

    await Promise.all(Array.from({ length: 1000 }, (_, i) => getUser(pipeline, someUserId(sim, i))));

    expect(sim.stats.calls(GETTOKEN) - gettokenBefore).toBe(1);
    expect(pipeline.tokens.stats.refreshes).toBe(1);
  });

  it('keys tokens by corp and secret, so two apps never share one', async () => {
    const pipeline = track(pipelineFor(sim));
    const [a, b] = sim.apps;
    const issuedBefore = sim.tokens.issued();
    await getUser(pipeline, someUserId(sim), { credential: a!.name });
    await getUser(pipeline, someUserId(sim), { credential: b!.name });
    await getUser(pipeline, someUserId(sim), { credential: a!.name });
    expect(sim.tokens.issued() - issuedBefore).toBe(2);
    expect(tokenKey(sim.corpId, a!.secret)).not.toBe(tokenKey(sim.corpId, b!.secret));
    expect(tokenKey(sim.corpId, a!.secret)).not.toContain(a!.secret);
  });

  it('shares tokens through a pluggable store', async () => {
    const store = new MemoryTokenStore();
    const one = track(pipelineFor(sim, {}, { tokenStore: store }));
    const two = track(pipelineFor(sim, {}, { tokenStore: store }));
    const before = sim.stats.calls(GETTOKEN);
    await getUser(one, someUserId(sim));
    await getUser(two, someUserId(sim, 1));
    expect(sim.stats.calls(GETTOKEN) - before).toBe(1);
    expect(await store.get(tokenKey(sim.corpId, sim.apps[0]!.secret))).toMatchObject({ accessToken: expect.any(String) });
  });

  it('invalidate() drops a token only if it is still the one that failed', async () => {
    const pipeline = track(pipelineFor(sim));
    const credential = { ref: 'x', corpId: sim.corpId, secret: sim.apps[0]!.secret, key: tokenKey(sim.corpId, sim.apps[0]!.secret) };
    const old = await pipeline.tokens.get(credential);
    expect(await pipeline.tokens.invalidate(credential.key, old.accessToken)).toBe(true);
    const fresh = await pipeline.tokens.get(credential);
    // A late failure of the old token must not throw away the new one.
    expect(await pipeline.tokens.invalidate(credential.key, old.accessToken)).toBe(false);
    expect((await pipeline.tokens.get(credential)).accessToken).toBe(fresh.accessToken);
    expect(pipeline.tokens.stats.invalidations).toBe(1);
  });

  it('force-fetches a token on request', async () => {
    const pipeline = track(pipelineFor(sim));
    await pipeline.fetchToken();
    const before = sim.stats.calls(GETTOKEN);
    await pipeline.fetchToken(undefined, { force: true });
    expect(sim.stats.calls(GETTOKEN) - before).toBe(1);
  });

  it('fails at once with WeComAuthError on a wrong secret, without leaking it', async () => {
    const pipeline = track(pipelineFor(sim, { apps: [{ name: 'bad', agentId: 1, secret: 'WRONG-SECRET-VALUE' }] }));
    const before = sim.stats.calls(GETTOKEN);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComAuthError);
    const auth = error as WeComAuthError;
    expect(auth.errcode).toBe(40001);
    expect(auth.endpoint).toBe(GETTOKEN);
    expect(auth.retryClass).toBe('never');
    expect(sim.stats.calls(GETTOKEN) - before).toBe(1);
    expect(JSON.stringify(auth)).not.toContain('WRONG-SECRET-VALUE');
    expect(auth.request?.query.corpsecret).toBe('[redacted]');
    expect(pipeline.stats.snapshot().tokenFailures).toBe(1);
  });

  it('names the missing contacts secret instead of calling WeCom', async () => {
    const pipeline = track(pipelineFor(sim, { contactsSecret: undefined }));
    const error = await getUser(pipeline, someUserId(sim), { credential: 'contacts' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComConfigError);
    expect((error as WeComConfigError).field).toBe('contactsSecret');
    expect(pipeline.stats.snapshot().endpoints.find((e) => e.endpoint === USER_GET)?.errors).toBe(1);
  });
});
