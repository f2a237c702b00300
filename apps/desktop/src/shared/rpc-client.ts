// RPC client (renderer side, also used by tests and benchmarks): typed calls with cancellation,
// typed events. Answers and events are checked against the contract where they are made (the
// services' rpc-server.ts parses every output and event before it leaves), so the window does not
// build the contract's schemas to start: it only checks that an error is an error.
import type { EventPayload, MethodInput, MethodOutput, ServicesEvent, ServicesMethod } from './contract.ts';
import { serviceErrorSchema, type ServiceError } from './service-error.ts';
import { RpcError, createOutbox, isCallId, isObject, unbatch, type MessageEndpoint, type RpcClientMessage, type ServicesTiming } from './rpc-wire.ts';
import { reasonOf } from './error-reason.ts';

export interface CallOptions {
  signal?: AbortSignal;
}

/** One answered call, on the caller's performance clock (ms). */
export interface CallTiming {
  method: ServicesMethod;
  ok: boolean;
  sentAt: number;
  answeredAt: number;
  /** The services' side, when they record timings; the rest of the round trip is the transport. */
  services: ServicesTiming | null;
}

export interface RpcClientOptions {
  /** A listener threw. Default: console.error. */
  onError?: (error: unknown) => void;
  /** Called once per answered call with where its time went (the start-up benchmark's breakdown). */
  onTiming?: (timing: CallTiming) => void;
}

export interface RpcClient {
  call<M extends ServicesMethod>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>>;
  on<E extends ServicesEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Rejects pending calls (kind 'cancelled', code 'RPC_CLOSED'), drops listeners, closes the endpoint. */
  close(): void;
  readonly pendingCount: number;
}

interface PendingCall {
  method: ServicesMethod;
  sentAt: number;
  resolve(value: unknown): void;
  reject(error: RpcError): void;
}

const cancelledError = (code: string, message: string): RpcError => new RpcError({ kind: 'cancelled', code, message });

export function createRpcClient(endpoint: MessageEndpoint, options: RpcClientOptions = {}): RpcClient {
  const reportError = options.onError ?? ((error: unknown) => console.error(error));
  const pending = new Map<number, PendingCall>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let closed = false;

  const unsendable = (id: number, error: unknown) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    call.reject(
      new RpcError({
        kind: 'validation',
        code: 'UNSENDABLE_INPUT',
        message: `The input of ${call.method} cannot be sent`,
        details: reasonOf(error),
      }),
    );
  };
  // A batch that cannot be cloned (e.g. a function in one input) is sent again message by message,
  // so only the call at fault fails.
  const outbox = createOutbox<RpcClientMessage>(endpoint, (_error, messages) => {
    for (const message of messages) {
      try {
        endpoint.postMessage(message);
      } catch (error) {
        if (message.t === 'req') unsendable(message.id, error);
      }
    }
  });
  const send = (message: RpcClientMessage) => outbox.send(message);

  function settle(id: number, ok: boolean, value: unknown, timing: unknown) {
    const call = pending.get(id);
    if (!call) return; // cancelled or unknown: nothing waits for it
    pending.delete(id);
    if (options.onTiming) {
      const answeredAt = performance.now();
      queueMicrotask(() =>
        options.onTiming?.({ method: call.method, ok, sentAt: call.sentAt, answeredAt, services: servicesTiming(timing) }),
      );
    }
    if (!ok) {
      call.reject(new RpcError(toServiceError(value)));
      return;
    }
    call.resolve(value);
  }

  function dispatchEvent(event: string, payload: unknown) {
    const set = listeners.get(event);
    if (!set || set.size === 0) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        reportError(error);
      }
    }
  }

  const receive = (data: Record<string, unknown>) => {
    if (data.t === 'res' && isCallId(data.id)) settle(data.id, data.ok === true, data.ok === true ? data.output : data.error, data.timing);
    else if (data.t === 'evt' && typeof data.event === 'string') dispatchEvent(data.event, data.payload);
  };
  const unsubscribe = endpoint.onMessage((data) => unbatch(data, receive));

  return {
    call<M extends ServicesMethod>(method: M, input: MethodInput<M>, callOptions?: CallOptions) {
      if (closed) return Promise.reject(cancelledError('RPC_CLOSED', 'The connection to the services is closed'));
      const signal = callOptions?.signal;
      if (signal?.aborted) return Promise.reject(cancelledError('CANCELLED', 'Cancelled'));
      const id = nextId++;
      return new Promise<MethodOutput<M>>((resolve, reject) => {
        let onAbort: (() => void) | undefined;
        if (signal) {
          onAbort = () => {
            if (!pending.delete(id)) return;
            send({ t: 'cancel', id });
            reject(cancelledError('CANCELLED', 'Cancelled'));
          };
          signal.addEventListener('abort', onAbort, { once: true });
        }
        const detach = () => {
          if (signal && onAbort) signal.removeEventListener('abort', onAbort);
        };
        pending.set(id, {
          method,
          sentAt: options.onTiming ? performance.now() : 0,
          resolve: (value) => {
            detach();
            resolve(value as MethodOutput<M>);
          },
          reject: (error) => {
            detach();
            reject(error);
          },
        });
        send({ t: 'req', id, method, input });
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      const calls = [...pending.values()];
      pending.clear();
      listeners.clear();
      for (const call of calls) call.reject(cancelledError('RPC_CLOSED', 'The connection to the services was closed'));
      endpoint.close?.();
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

function servicesTiming(value: unknown): ServicesTiming | null {
  if (!isObject(value) || typeof value.queuedMs !== 'number' || typeof value.runMs !== 'number') return null;
  return { queuedMs: value.queuedMs, runMs: value.runMs };
}

function toServiceError(value: unknown): ServiceError {
  const parsed = serviceErrorSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return { kind: 'internal', code: 'INVALID_ERROR', message: 'The services failed without a readable error' };
}
