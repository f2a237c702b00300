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
import { createRpcClient, fromDomPort, RpcError } from '../../shared/rpc.ts';
import type { RpcClient } from '../../shared/rpc.ts';
import type { z } from 'zod';
import { requestServicesPort } from './port.ts';

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
  const port = await requestServicesPort(bridge());
  const client = createRpcClient(fromDomPort(port));
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

async function call<M extends ServicesMethod>(
  method: M,
  input: MethodInput<M>,
  opts?: { signal?: AbortSignal },
): Promise<MethodOutput<M>> {
  if (opts?.signal?.aborted) throw new RpcError({ kind: 'cancelled', code: 'CANCELLED', message: 'Cancelled.' });
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
  try {
    return bridge().invoke(method, input);
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

export const api = { call, on, main, onMain };
export type Api = typeof api;
