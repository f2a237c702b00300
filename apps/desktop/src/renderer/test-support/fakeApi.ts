// A fake of api/client.ts for component tests: answers calls from per-method handlers, records every
// call, and lets a test push services and main events. Use it with
//   vi.mock('<path>/api/client.ts', async () => (await import('<path>/test-support/fakeApi.ts')).fakeClientModule());
// then drive `fakeApi` from the test.
import type {
  EventPayload,
  MainInput,
  MainMethod,
  MainOutput,
  MethodInput,
  MethodOutput,
  ServicesEvent,
  ServicesMethod,
} from '../../shared/contract.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import type { Api, MainEventPayload } from '../api/client.ts';
import type { MainEvent } from '../../shared/contract.ts';

type Handler = (input: never, signal: AbortSignal | undefined) => unknown;
type Listener = (payload: never) => void;

export interface RecordedCall {
  method: string;
  input: unknown;
  signal: AbortSignal | undefined;
}

function createFakeApi() {
  const handlers = new Map<string, Handler>();
  const mainHandlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const mainListeners = new Map<string, Set<Listener>>();
  const calls: RecordedCall[] = [];
  const mainCalls: RecordedCall[] = [];

  const subscribe = (map: Map<string, Set<Listener>>, event: string, listener: Listener) => {
    let set = map.get(event);
    if (!set) map.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  const missing = (method: string) =>
    new RpcError({ kind: 'internal', code: 'NO_FAKE_HANDLER', message: `no fake handler for ${method}` });

  const api: Api = {
    async call<M extends ServicesMethod>(method: M, input: MethodInput<M>, opts?: { signal?: AbortSignal }) {
      calls.push({ method, input, signal: opts?.signal });
      const handler = handlers.get(method);
      if (!handler) throw missing(method);
      return (await handler(input as never, opts?.signal)) as MethodOutput<M>;
    },
    on<E extends ServicesEvent>(event: E, listener: (p: EventPayload<E>) => void) {
      return subscribe(listeners, event, listener as Listener);
    },
    async main<M extends MainMethod>(method: M, input: MainInput<M>) {
      mainCalls.push({ method, input, signal: undefined });
      const handler = mainHandlers.get(method);
      if (!handler) throw missing(method);
      return (await handler(input as never, undefined)) as MainOutput<M>;
    },
    onMain<E extends MainEvent>(event: E, listener: (p: MainEventPayload<E>) => void) {
      return subscribe(mainListeners, event, listener as Listener);
    },
  };

  return {
    api,
    calls,
    mainCalls,
    /** Answers `method` with `fn(input, signal)` (may return a promise or throw). */
    handle<M extends ServicesMethod>(
      method: M,
      fn: (input: MethodInput<M>, signal: AbortSignal | undefined) => MethodOutput<M> | Promise<MethodOutput<M>>,
    ) {
      handlers.set(method, fn as Handler);
    },
    handleMain<M extends MainMethod>(method: M, fn: (input: MainInput<M>) => MainOutput<M> | Promise<MainOutput<M>>) {
      mainHandlers.set(method, fn as Handler);
    },
    emit<E extends ServicesEvent>(event: E, payload: EventPayload<E>) {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload as never);
    },
    emitMain<E extends MainEvent>(event: E, payload: MainEventPayload<E>) {
      for (const l of [...(mainListeners.get(event) ?? [])]) l(payload as never);
    },
    listenerCount: (event: ServicesEvent) => listeners.get(event)?.size ?? 0,
    callsOf: (method: ServicesMethod) => calls.filter((c) => c.method === method),
    reset() {
      handlers.clear();
      mainHandlers.clear();
      listeners.clear();
      mainListeners.clear();
      calls.length = 0;
      mainCalls.length = 0;
    },
  };
}

export const fakeApi = createFakeApi();

/** The module shape of api/client.ts, backed by the fake. */
export function fakeClientModule() {
  // no warm start in component tests: nothing has arrived early
  return { api: fakeApi.api, reconnect: async () => {}, peekEarly: () => undefined, takeArrivedEarlyAnswers: () => [], earlyAnswered: async () => {}, forgetEarlyAnswers: () => {} };
}
