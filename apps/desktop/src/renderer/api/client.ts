// The renderer's one way to data: typed calls to the services (over a MessagePort) and to main (through
// the preload bridge). Calls made before the port arrives wait for it; after a services restart the
// client takes a new port and re-subscribes every listener, so pages never hold a dead connection.
import type {
  DesktopBridge,
  EventPayload,
  MainEvent,
  MainEvents,
  MainInput,
  MainMethod,
  MainOutput,
  MethodInput,
  MethodOutput,
  ServicesEvent,
  ServicesMethod,
} from '../../shared/contract.ts';
// The client's own modules, not the rpc.ts barrel: that also re-exports the server, which would pull
// the whole contract's schemas into the window's start-up.
import { createRpcClient, type RpcClient } from '../../shared/rpc-client.ts';
import { fromDomPort } from '../../shared/rpc-ports.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import type { z } from 'zod';
import { requestServicesPort } from './port.ts';
import { measureSince, recordCall, timelineEnabled } from '../perf/timeline.ts';

export type Topic = EventPayload<'changed'>['topics'][number];
export type MainEventPayload<E extends MainEvent> = z.infer<MainEvents[E]>;
type AnyListener = (payload: unknown) => void;

interface Connection {
  client: RpcClient;
  /** Rejects when this connection is replaced, so calls in flight on a dead port do not hang. */
  dropped: Promise<never>;
  drop(): void;
  /** Per event name: the dispatcher subscription on this client. */
  subscriptions: Map<ServicesEvent, () => void>;
}

const listeners = new Map<ServicesEvent, Set<AnyListener>>();
let connection: Promise<Connection> | null = null;
let watchingServices = false;
/** Set while the services restart: new connections wait for them instead of asking a dead process. */
let servicesBack: { promise: Promise<void>; resolve: () => void } | null = null;
/** Set when main gave up restarting the services: calls fail with its sentence instead of waiting. */
let servicesFailure: string | null = null;

/**
 * Calls started at start-up before any store or page asks (app/warm-start.ts): the first identical
 * call takes the answer (in flight or done) instead of asking again, so the start-up questions run
 * side by side while the app's code loads rather than one after another once it has rendered.
 */
interface EarlyAnswer {
  side: 'main' | 'services';
  method: string;
  input: unknown;
  answer: Promise<unknown>;
  at: number;
  /** Set once the answer has arrived (for a first render that starts from it). */
  value?: { settled: unknown };
}
const early = new Map<string, EarlyAnswer>();
/** An early answer older than this is not taken: the caller asks afresh. */
export const EARLY_ANSWER_TTL_MS = 15_000;
const earlyKey = (side: 'main' | 'services', method: string, input: unknown) => `${side}:${method}:${JSON.stringify(input)}`;

/**
 * Drops the start-up answers nobody has taken: after a profile switch they speak of the previous corp
 * and a call of the new one must not take them (reset-profile-data.ts).
 */
export function forgetEarlyAnswers(): void {
  early.clear();
}

function takeEarly(key: string): Promise<unknown> | null {
  const found = early.get(key);
  if (!found) return null;
  early.delete(key);
  return performance.now() - found.at <= EARLY_ANSWER_TTL_MS ? found.answer : null;
}

function keepEarly(side: 'main' | 'services', method: string, input: unknown, answer: Promise<unknown>): void {
  const entry: EarlyAnswer = { side, method, input, answer, at: performance.now() };
  answer.then(
    (settled) => (entry.value = { settled }),
    () => {}, // the taker sees the failure; nobody may be waiting yet
  );
  early.set(earlyKey(side, method, input), entry);
}

/**
 * An early answer that has already arrived, without taking it: lets the first render start from it
 * (language, theme, whose data) instead of rendering the defaults and then again with the answer.
 */
export function peekEarly<M extends MainMethod>(side: 'main', method: M, input: MainInput<M>): MainOutput<M> | undefined;
export function peekEarly<M extends ServicesMethod>(side: 'services', method: M, input: MethodInput<M>): MethodOutput<M> | undefined;
export function peekEarly(side: 'main' | 'services', method: string, input: unknown): unknown {
  const found = early.get(earlyKey(side, method, input));
  return found && performance.now() - found.at <= EARLY_ANSWER_TTL_MS ? found.value?.settled : undefined;
}

/**
 * Takes the services' early answers that have arrived: the window's query cache starts from them, so
 * the first render shows their data instead of a loading state and a second render. Taken, so that a
 * later call (a `changed` event's refetch) asks the services instead of getting them again.
 */
export function takeArrivedEarlyAnswers(which: (method: ServicesMethod) => boolean): Array<{ method: ServicesMethod; input: unknown; output: unknown }> {
  const arrived: Array<{ method: ServicesMethod; input: unknown; output: unknown }> = [];
  for (const [key, entry] of early) {
    if (entry.side !== 'services' || !entry.value || performance.now() - entry.at > EARLY_ANSWER_TTL_MS) continue;
    if (!which(entry.method as ServicesMethod)) continue;
    arrived.push({ method: entry.method as ServicesMethod, input: entry.input, output: entry.value.settled });
    early.delete(key);
  }
  return arrived;
}

/** Settles when the early call of this method and input has answered (or failed); at once if there is none. */
export function earlyAnswered(side: 'main' | 'services', method: string, input: unknown): Promise<void> {
  const found = early.get(earlyKey(side, method, input));
  return found ? found.answer.then(() => undefined, () => undefined) : Promise.resolve();
}

/** Whether the next call of this method with this input would be answered early (for tests). */
export function hasEarlyAnswer(side: 'main' | 'services', method: string, input: unknown): boolean {
  return early.has(earlyKey(side, method, input));
}

function bridge(): DesktopBridge {
  const b = typeof window === 'undefined' ? undefined : window.wld;
  if (!b) {
    throw new RpcError({
      kind: 'internal',
      code: 'NO_BRIDGE',
      message: 'The desktop bridge is missing: open this page inside WeCom Live Desk.',
    });
  }
  return b;
}

function dispatch(event: ServicesEvent, payload: unknown): void {
  for (const listener of [...(listeners.get(event) ?? [])]) {
    try {
      listener(payload);
    } catch (e) {
      console.error(`listener for ${event} failed`, e);
    }
  }
}

function subscribe(conn: Connection, event: ServicesEvent): void {
  if (conn.subscriptions.has(event)) return;
  const off = conn.client.on(event, (payload) => dispatch(event, payload));
  conn.subscriptions.set(event, off);
}

async function openConnection(): Promise<Connection> {
  if (servicesBack) await servicesBack.promise;
  if (servicesFailure) throw new RpcError({ kind: 'internal', code: 'SERVICES_FAILED', message: servicesFailure });
  const asked = performance.now();
  const port = await requestServicesPort(bridge());
  measureSince('wld:bridge:port', asked);
  const client = createRpcClient(fromDomPort(port), timelineEnabled ? { onTiming: recordCall } : {});
  let drop: () => void = () => {};
  const dropped = new Promise<never>((_, reject) => {
    drop = () =>
      reject(
        new RpcError({
          kind: 'network',
          code: 'SERVICES_RESTARTED',
          message: 'The background services restarted; please try again.',
        }),
      );
  });
  dropped.catch(() => {}); // only observed by calls in flight
  const conn: Connection = { client, dropped, drop, subscriptions: new Map() };
  for (const event of listeners.keys()) subscribe(conn, event);
  return conn;
}

function watchServicesState(): void {
  if (watchingServices) return;
  watchingServices = true;
  let down = false;
  let lastRestarts: number | null = null;
  bridge().subscribe('services.state', (s) => {
    const wasDown = down;
    const restarted = lastRestarts !== null && s.restarts > lastRestarts;
    lastRestarts = s.restarts;
    servicesFailure = s.state === 'failed' ? (s.message ?? 'The background services stopped.') : null;
    if (s.state === 'restarting') {
      down = true;
      if (!servicesBack) {
        let resolve: () => void = () => {};
        const promise = new Promise<void>((r) => (resolve = r));
        servicesBack = { promise, resolve };
      }
      disconnect();
      return;
    }
    // running or failed: let waiting connections go on (to a fresh port, or to the failure).
    down = s.state === 'failed';
    const gate = servicesBack;
    servicesBack = null;
    if (s.state === 'failed') disconnect();
    else if (wasDown) {
      // The old port was dropped at 'restarting'; a connection opened since then is already new.
      // Listeners need one even if no call is waiting.
      if (!connection && listeners.size > 0) getConnection().catch(() => {});
    } else if (restarted) void reconnect().catch(() => {});
    gate?.resolve();
  });
}

function getConnection(): Promise<Connection> {
  if (!connection) {
    const opening = (async () => {
      watchServicesState();
      return openConnection();
    })();
    connection = opening;
    // A failed handshake must not stick: the next call tries again.
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
  }
  return connection;
}

/** Forgets the current port (services went away); calls in flight reject, new calls wait for the next port. */
function disconnect(): void {
  const old = connection;
  connection = null;
  // answers of the services that went away (another profile's, maybe) are not handed out
  for (const key of early.keys()) if (key.startsWith('services:')) early.delete(key);
  void old?.then(
    (conn) => {
      conn.drop();
      for (const off of conn.subscriptions.values()) off();
      conn.client.close();
    },
    () => {},
  );
}

/** Takes a fresh port (after a services restart) and moves every listener onto it. */
export async function reconnect(): Promise<void> {
  disconnect();
  await getConnection();
}

const cancelled = () => new RpcError({ kind: 'cancelled', code: 'CANCELLED', message: 'Cancelled.' });

/** An early answer, still cancellable by the one who took it. */
function withSignal<T>(answer: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return answer;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function call<M extends ServicesMethod>(
  method: M,
  input: MethodInput<M>,
  opts?: { signal?: AbortSignal },
): Promise<MethodOutput<M>> {
  if (opts?.signal?.aborted) throw cancelled();
  const answered = takeEarly(earlyKey('services', method, input));
  if (answered) return withSignal(answered as Promise<MethodOutput<M>>, opts?.signal);
  const conn = await getConnection();
  return Promise.race([conn.client.call(method, input, opts), conn.dropped]);
}

function on<E extends ServicesEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  const entry = listener as AnyListener;
  set.add(entry);
  getConnection().then(
    (conn) => subscribe(conn, event),
    () => {},
  );
  return () => {
    set.delete(entry);
  };
}

function main<M extends MainMethod>(method: M, input: MainInput<M>): Promise<MainOutput<M>> {
  const answered = takeEarly(earlyKey('main', method, input));
  if (answered) return answered as Promise<MainOutput<M>>;
  try {
    const asked = performance.now();
    const answer = bridge().invoke(method, input);
    if (timelineEnabled) void answer.finally(() => measureSince(`wld:main:${method}`, asked)).catch(() => {});
    return answer;
  } catch (e) {
    return Promise.reject(e);
  }
}

function onMain<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void {
  try {
    return bridge().subscribe(event, listener);
  } catch {
    return () => {};
  }
}

/** Starts a call now for the first identical call to take (see `early`). */
export function callEarly<M extends ServicesMethod>(method: M, input: MethodInput<M>): void {
  if (!early.has(earlyKey('services', method, input))) keepEarly('services', method, input, call(method, input));
}

/** Starts a main call now for the first identical call to take. */
export function mainEarly<M extends MainMethod>(method: M, input: MainInput<M>): void {
  if (!early.has(earlyKey('main', method, input))) keepEarly('main', method, input, main(method, input));
}

export const api = { call, on, main, onMain };
export type Api = typeof api;
