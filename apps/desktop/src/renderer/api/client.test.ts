// The real client over real MessagePorts and the real RPC server: port hand-over (in either order),
// calls waiting for the port, events, and recovery after a services restart.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRpcServer, fromDomPort } from '../../shared/rpc.ts';
import type { RpcServer, ServicesHandlers } from '../../shared/rpc.ts';
import type { DesktopBridge, MainEvent } from '../../shared/contract.ts';

type Listener = (payload: unknown) => void;

// Nonces unique across tests, so a port from one test can never satisfy another's request.
let nonceCounter = 0;

function fakeBridge() {
  const mainListeners = new Map<string, Set<Listener>>();
  const requests: string[] = [];
  let nextPort: (nonce: string) => void = () => {};
  const bridge = {
    version: 'test',
    invoke: vi.fn(),
    subscribe: (event: MainEvent, listener: Listener) => {
      let set = mainListeners.get(event);
      if (!set) mainListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    requestServicesPort: async () => {
      const nonce = `n${++nonceCounter}`;
      requests.push(nonce);
      nextPort(nonce);
      return nonce;
    },
  } as unknown as DesktopBridge;
  return {
    bridge,
    requests,
    /** What happens when the page asks for a port (e.g. post it at once, or later). */
    onRequest(fn: (nonce: string) => void) {
      nextPort = fn;
    },
    emitMain(event: MainEvent, payload: unknown) {
      for (const l of mainListeners.get(event) ?? []) l(payload);
    },
  };
}

/** The preload's relay: a window 'message' event carrying the port. */
function postPort(nonce: string, port: MessagePort) {
  const event = new Event('message');
  Object.defineProperties(event, {
    data: { value: { type: 'wld:port', nonce } },
    ports: { value: [port] },
    source: { value: window },
  });
  window.dispatchEvent(event);
}

const tagsOutput = (n: number) => ({ asOf: 1_763_700_000_000, stale: false, tags: [{ tagid: n, tagname: `t${n}`, memberCount: n }] });

function servicesWith(generation: number): { server: RpcServer; connect: () => MessagePort; close: () => void } {
  const handlers = {
    'tags.list': () => tagsOutput(generation),
    'users.search': (_input: unknown, ctx: { signal: AbortSignal }) =>
      new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
  } as unknown as ServicesHandlers;
  const server = createRpcServer(handlers);
  const channels: MessageChannel[] = [];
  return {
    server,
    connect() {
      const channel = new MessageChannel();
      channels.push(channel);
      server.attach(fromDomPort(channel.port1));
      return channel.port2;
    },
    close() {
      for (const c of channels) {
        c.port1.close();
        c.port2.close();
      }
    },
  };
}

/** A bridge whose services answer tags.list with a new generation each time; `served` counts them. */
function countingServices() {
  const fake = fakeBridge();
  window.wld = fake.bridge;
  const counter = { served: 0 };
  const server = createRpcServer({
    'tags.list': () => tagsOutput(++counter.served),
    'cache.scope': () => ({ profileId: 'demo', corpId: 'wwdemo' }),
  } as unknown as ServicesHandlers);
  const channel = new MessageChannel();
  server.attach(fromDomPort(channel.port1));
  fake.onRequest((nonce) => postPort(nonce, channel.port2));
  return { fake, counter, close: () => channel.port1.close() };
}

// Each test imports a fresh client (its module state is the subject); warm the transform cache once so
// the first test does not pay for compiling zod and the contract on a busy machine.
beforeAll(async () => {
  await import('./client.ts');
  vi.resetModules();
}, 60_000);

afterEach(() => {
  vi.resetModules();
  delete window.wld;
});

describe('api client', () => {
  it('waits for the port, calls through it, and delivers events', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const services = servicesWith(1);
    // The port arrives a little after the nonce, as in Electron.
    fake.onRequest((nonce) => setTimeout(() => postPort(nonce, services.connect()), 10));
    const { api } = await import('./client.ts');

    const out = await api.call('tags.list', {});
    expect(out.tags[0]?.tagid).toBe(1);

    const seen: string[][] = [];
    api.on('changed', (p) => seen.push(p.topics));
    await new Promise((r) => setTimeout(r, 20));
    services.server.emit('changed', { topics: ['tags'] });
    await vi.waitFor(() => expect(seen).toEqual([['tags']]));
    expect(fake.requests).toHaveLength(1);
    services.close();
  });

  it('takes a port that arrived before the nonce was known', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const services = servicesWith(7);
    fake.onRequest((nonce) => postPort(nonce, services.connect())); // synchronously, before the nonce resolves
    const { api } = await import('./client.ts');
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 7 }] });
    services.close();
  });

  it('after a services restart: calls in flight fail clearly, new calls and listeners move to the new port', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const first = servicesWith(1);
    fake.onRequest((nonce) => postPort(nonce, first.connect()));
    const { api } = await import('./client.ts');
    await api.call('tags.list', {});
    const seen: string[][] = [];
    api.on('changed', (p) => seen.push(p.topics));

    const hanging = api.call('users.search', { query: 'x' });
    fake.emitMain('services.state', { state: 'restarting', restarts: 1, message: null });
    await expect(hanging).rejects.toMatchObject({ error: { code: 'SERVICES_RESTARTED' } });

    // A call made while restarting waits for the new services instead of failing.
    const second = servicesWith(2);
    fake.onRequest((nonce) => postPort(nonce, second.connect()));
    const waiting = api.call('tags.list', {});
    fake.emitMain('services.state', { state: 'running', restarts: 1, message: null });
    await expect(waiting).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);

    await new Promise((r) => setTimeout(r, 20));
    second.server.emit('changed', { topics: ['lives'] });
    await vi.waitFor(() => expect(seen).toEqual([['lives']]));
    first.close();
    second.close();
  });

  it('reconnects when the restart count grows even without a restarting notice', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const first = servicesWith(1);
    fake.onRequest((nonce) => postPort(nonce, first.connect()));
    const { api } = await import('./client.ts');
    await api.call('tags.list', {});
    fake.emitMain('services.state', { state: 'running', restarts: 0, message: null });
    expect(fake.requests).toHaveLength(1); // the first 'running' is not a restart

    const second = servicesWith(2);
    fake.onRequest((nonce) => postPort(nonce, second.connect()));
    fake.emitMain('services.state', { state: 'running', restarts: 1, message: null });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    first.close();
    second.close();
  });

  it('fails calls with the sentence from main when the services cannot be restarted', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    fake.onRequest(() => {});
    const { api } = await import('./client.ts');
    const pending = api.call('tags.list', {});
    fake.emitMain('services.state', { state: 'failed', restarts: 5, message: '后台服务多次崩溃，已停止重启' });
    fake.emitMain('services.state', { state: 'failed', restarts: 5, message: '后台服务多次崩溃，已停止重启' });
    const later = api.call('tags.list', {});
    await expect(later).rejects.toMatchObject({ error: { code: 'SERVICES_FAILED', message: '后台服务多次崩溃，已停止重启' } });
    pending.catch(() => {});
  });

  it('an early call is taken once by the first identical call; the next one asks again', async () => {
    const { counter, close } = countingServices();
    const { api, callEarly, hasEarlyAnswer } = await import('./client.ts');

    callEarly('tags.list', {});
    callEarly('tags.list', {}); // asked once however often the warm start names it
    expect(hasEarlyAnswer('services', 'tags.list', {})).toBe(true);
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 1 }] });
    expect(hasEarlyAnswer('services', 'tags.list', {})).toBe(false);
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    expect(counter.served).toBe(2);
    close();
  });

  it('an early answer nobody took is dropped on a profile switch: the next call asks the new corp', async () => {
    const { counter, close } = countingServices();
    const { api, callEarly, forgetEarlyAnswers, hasEarlyAnswer, peekEarly } = await import('./client.ts');

    callEarly('tags.list', {});
    await vi.waitFor(() => expect(peekEarly('services', 'tags.list', {})).toBeDefined());
    forgetEarlyAnswers();
    expect(hasEarlyAnswer('services', 'tags.list', {})).toBe(false);
    expect(peekEarly('services', 'tags.list', {})).toBeUndefined();
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    expect(counter.served).toBe(2);
    close();
  });

  it('an early answer stays cancellable by the call that took it', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const services = servicesWith(1);
    fake.onRequest((nonce) => postPort(nonce, services.connect()));
    const { api, callEarly } = await import('./client.ts');
    callEarly('users.search', { query: 'x' });
    const controller = new AbortController();
    const taken = api.call('users.search', { query: 'x' }, { signal: controller.signal });
    controller.abort();
    await expect(taken).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    services.close();
  });

  it('early answers of services that restarted are not handed out', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const first = servicesWith(1);
    fake.onRequest((nonce) => postPort(nonce, first.connect()));
    const { api, callEarly, hasEarlyAnswer } = await import('./client.ts');
    await api.call('tags.list', {}); // connected, watching the services' state
    callEarly('tags.list', {});
    fake.emitMain('services.state', { state: 'restarting', restarts: 1, message: null });
    expect(hasEarlyAnswer('services', 'tags.list', {})).toBe(false);
    const second = servicesWith(2);
    fake.onRequest((nonce) => postPort(nonce, second.connect()));
    fake.emitMain('services.state', { state: 'running', restarts: 1, message: null });
    await expect(api.call('tags.list', {})).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    first.close();
    second.close();
  });

  it('a query cache made once early answers arrived starts from them, fresh for the page that mounts, and takes them', async () => {
    const { fake, counter, close } = countingServices();
    const { api, callEarly, earlyAnswered, hasEarlyAnswer, mainEarly } = await import('./client.ts');
    const { createServiceQueryClient, seedEarlyAnswers, SEEDED_FRESH_MS } = await import('../hooks/queryClient.ts');
    const { callService, serviceQueryKey } = await import('../hooks/useServiceQuery.ts');
    (fake.bridge.invoke as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ language: 'en-US' });

    callEarly('tags.list', {});
    callEarly('cache.scope', {});
    mainEarly('settings.get', {});
    await earlyAnswered('services', 'tags.list', {});
    await earlyAnswered('services', 'cache.scope', {});
    await earlyAnswered('main', 'settings.get', {});
    expect(counter.served).toBe(1);

    const client = seedEarlyAnswers(createServiceQueryClient());
    const key = serviceQueryKey('tags.list', {});
    expect(client.getQueryData(key)).toMatchObject({ tags: [{ tagid: 1 }] });
    // taken: main's answer is the preferences store's, whose data is useDataScope's; the query's is gone
    expect(hasEarlyAnswer('main', 'settings.get', {})).toBe(true);
    expect(hasEarlyAnswer('services', 'cache.scope', {})).toBe(true);
    expect(hasEarlyAnswer('services', 'tags.list', {})).toBe(false);
    // the page mounting now reads it from the cache without asking the services
    await expect(client.fetchQuery({ queryKey: key, queryFn: callService('tags.list', {}) })).resolves.toMatchObject({ tags: [{ tagid: 1 }] });
    expect(counter.served).toBe(1);
    // read after SEEDED_FRESH_MS, it is asked again
    const clock = vi.spyOn(performance, 'now').mockReturnValue(performance.now() + SEEDED_FRESH_MS + 1);
    await expect(client.fetchQuery({ queryKey: key, queryFn: callService('tags.list', {}) })).resolves.toMatchObject({ tags: [{ tagid: 2 }] });
    clock.mockRestore();
    expect(counter.served).toBe(2);
    // and any call asks the services: the early answer was taken
    await api.call('tags.list', {});
    expect(counter.served).toBe(3);
    close();
  });

  it('a failed early call seeds nothing and settles earlyAnswered', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const server = createRpcServer({
      'tags.list': () => {
        throw new Error('cache closed');
      },
    } as unknown as ServicesHandlers);
    const channel = new MessageChannel();
    server.attach(fromDomPort(channel.port1));
    fake.onRequest((nonce) => postPort(nonce, channel.port2));
    const { callEarly, earlyAnswered, takeArrivedEarlyAnswers } = await import('./client.ts');
    callEarly('tags.list', {});
    await earlyAnswered('services', 'tags.list', {});
    expect(takeArrivedEarlyAnswers(() => true)).toEqual([]);
    channel.port1.close();
  });

  it('an early main call is taken by the first identical main call only', async () => {
    const fake = fakeBridge();
    window.wld = fake.bridge;
    const invoke = fake.bridge.invoke as ReturnType<typeof vi.fn>;
    invoke.mockResolvedValueOnce({ language: 'en-US' }).mockResolvedValueOnce({ language: 'zh-CN' });
    const { api, mainEarly } = await import('./client.ts');
    mainEarly('settings.get', {});
    await expect(api.main('settings.get', {})).resolves.toEqual({ language: 'en-US' });
    await expect(api.main('settings.get', {})).resolves.toEqual({ language: 'zh-CN' });
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('rejects with a clear error when there is no bridge', async () => {
    const { api } = await import('./client.ts');
    await expect(api.call('tags.list', {})).rejects.toMatchObject({ error: { code: 'NO_BRIDGE' } });
  });
});
