// RPC server (services side): validates every input with the contract, runs the handler with an
// AbortSignal, answers with the output or a ServiceError, and broadcasts events to every endpoint.
// Outputs and events are parsed with the contract before they leave (unknown fields dropped): the
// one check of what the services answer, made where the answer is made, so a handler answering the
// wrong shape fails here with its method named and the windows never build the whole contract.
import type { z } from 'zod';
import { redactText } from '@wld/wecom-core/rules';
import { servicesContract, servicesEvents, type EventPayload, type MethodOutput, type ServicesContract, type ServicesEvent, type ServicesMethod } from './contract.ts';
import type { ServiceError } from './models.ts';
import { invalidInputMessage, invalidInputParams, issuePath } from './input-issues.ts';
import { RpcError, createOutbox, isCallId, isObject, unbatch, type MessageEndpoint, type RpcServerMessage, type ServicesTiming } from './rpc-wire.ts';

/** What a handler receives: the input after parsing (defaults applied). */
export type MethodArgs<M extends ServicesMethod> = z.output<ServicesContract[M]['input']>;

export interface HandlerContext {
  method: ServicesMethod;
  /** Aborted when the caller cancels or its window goes away. */
  signal: AbortSignal;
  /** The handler's own work starts now (after a wait for init, say); its queue time ends here. */
  markStarted(): void;
}

export type ServicesHandler<M extends ServicesMethod> = (
  input: MethodArgs<M>,
  context: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type ServicesHandlers = { [M in ServicesMethod]: ServicesHandler<M> };

export interface RpcServerOptions {
  /** Called with every error that became kind 'internal' (for the log). */
  onError?: (error: unknown, method: string) => void;
  /** Turns a thrown value into a ServiceError; the services pass a WeCom-aware mapper. */
  mapError?: (error: unknown) => ServiceError;
  /** Answers carry where the call spent its time (queue, handler): for the start-up benchmark. */
  timings?: boolean;
}

export interface RpcServer {
  /** Serves one endpoint until the returned function is called (in-flight calls are then aborted). */
  attach(endpoint: MessageEndpoint): () => void;
  emit<E extends ServicesEvent>(event: E, payload: EventPayload<E>): void;
  readonly endpointCount: number;
}

type Outbox = ReturnType<typeof createOutbox<RpcServerMessage>>;

export function createRpcServer(handlers: ServicesHandlers, options: RpcServerOptions = {}): RpcServer {
  const endpoints = new Map<MessageEndpoint, Outbox>();
  const mapError = options.mapError ?? defaultMapError;

  function failure(error: unknown, method: string): ServiceError {
    const mapped = mapError(error);
    if (mapped.kind === 'internal') options.onError?.(error, method);
    return mapped;
  }

  /** When a batch cannot be cloned, each message goes alone; an answer that cannot is replaced by an error. */
  function postSeparately(endpoint: MessageEndpoint, messages: RpcServerMessage[]) {
    for (const message of messages) {
      try {
        endpoint.postMessage(message);
      } catch (error) {
        if (message.t === 'res' && message.ok) {
          endpoint.postMessage({ t: 'res', id: message.id, ok: false, error: failure(error, `answer #${message.id}`) });
        } else options.onError?.(error, message.t === 'evt' ? `event ${message.event}` : `answer #${message.id}`);
      }
    }
  }

  function serve(outbox: Outbox, inflight: Map<number, AbortController>, data: Record<string, unknown>) {
    if (!isCallId(data.id)) return;
    const id = data.id;
    if (data.t === 'cancel') {
      inflight.get(id)?.abort();
      return;
    }
    if (data.t !== 'req') return;
    const clock = options.timings ? callClock() : null;
    const reply = (message: RpcServerMessage) => outbox.send(message);
    const method = data.method;
    if (typeof method !== 'string' || !Object.hasOwn(servicesContract, method)) {
      reply({ t: 'res', id, ok: false, error: unknownMethodError(String(method)) });
      return;
    }
    const name = method as ServicesMethod;
    const parsed = (servicesContract[name].input as z.ZodType).safeParse(data.input);
    if (!parsed.success) {
      reply({ t: 'res', id, ok: false, error: validationError(name, parsed.error) });
      return;
    }
    const controller = new AbortController();
    inflight.set(id, controller);
    const finish = (ok: boolean, value: unknown) => {
      inflight.delete(id);
      // a cancelled caller has already given up: say nothing
      if (controller.signal.aborted) return;
      const checked = ok ? (servicesContract[name].output as z.ZodType).safeParse(value) : null;
      const timing = clock?.timing();
      const extra = timing ? { timing } : {};
      if (!checked) reply({ t: 'res', id, ok: false, error: failure(value, name), ...extra });
      else if (checked.success) reply({ t: 'res', id, ok: true, output: checked.data, ...extra });
      else {
        const error = invalidOutputError(name, checked.error);
        options.onError?.(new Error(`${error.message}: ${error.details ?? ''}`), name);
        reply({ t: 'res', id, ok: false, error, ...extra });
      }
    };
    const markStarted = () => clock?.started();
    markStarted();
    try {
      const handler = handlers[name] as (input: unknown, context: HandlerContext) => unknown;
      const result = handler(parsed.data, { method: name, signal: controller.signal, markStarted });
      if (isPromiseLike(result)) result.then((value) => finish(true, value), (error: unknown) => finish(false, error));
      else finish(true, result);
    } catch (error) {
      finish(false, error);
    }
  }

  return {
    attach(endpoint) {
      const inflight = new Map<number, AbortController>();
      const outbox = createOutbox<RpcServerMessage>(endpoint, (_error, messages) => postSeparately(endpoint, messages));
      endpoints.set(endpoint, outbox);
      const stop = endpoint.onMessage((data) => unbatch(data, (message) => serve(outbox, inflight, message)));
      let attached = true;
      return () => {
        if (!attached) return;
        attached = false;
        stop();
        endpoints.delete(endpoint);
        for (const controller of inflight.values()) controller.abort();
        inflight.clear();
      };
    },
    emit(event, payload) {
      if (endpoints.size === 0) return; // nobody to tell: not even worth checking
      const checked = (servicesEvents[event] as z.ZodType).safeParse(payload);
      if (!checked.success) {
        options.onError?.(new Error(`The event ${event} does not match the contract: ${issuesText(checked.error)}`), `event ${event}`);
        return;
      }
      const message: RpcServerMessage = { t: 'evt', event, payload: checked.data };
      for (const outbox of endpoints.values()) outbox.send(message);
    },
    get endpointCount() {
      return endpoints.size;
    },
  };
}

/** Queue and run time of one call: the handler starts when invoked, or later when it says so. */
function callClock() {
  const received = performance.now();
  let started = received;
  return {
    started() {
      started = performance.now();
    },
    timing(): ServicesTiming {
      return { queuedMs: started - received, runMs: performance.now() - started };
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return isObject(value) && typeof (value as { then?: unknown }).then === 'function';
}

function validationError(method: string, error: z.ZodError): ServiceError {
  const details = issuesText(error, '\n');
  return { kind: 'validation', code: 'INVALID_INPUT', params: invalidInputParams(method, error), message: invalidInputMessage(method, error), details };
}

/** The first issues, each "path: message", for the log and an error's details. */
function issuesText(error: z.ZodError, separator = '; '): string {
  return error.issues.slice(0, 20).map((issue) => `${issuePath(issue)}: ${issue.message.slice(0, 200)}`).join(separator);
}

function invalidOutputError(method: string, error: z.ZodError): ServiceError {
  return {
    kind: 'internal',
    code: 'INVALID_OUTPUT',
    message: `The services answered ${method} with data of the wrong shape`,
    details: issuesText(error),
  };
}

/** A ZodError a handler let through (a schema of its own): still a sentence, never the issues' JSON. */
function isZodError(error: unknown): error is z.ZodError {
  return error instanceof Error && error.name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues);
}

function unknownMethodError(method: string): ServiceError {
  const name = method.slice(0, 80);
  return { kind: 'validation', code: 'UNKNOWN_METHOD', params: { method: name }, message: `Unknown method: ${name}` };
}

/** Removes values of secret-looking keys from a message before it leaves the process (the one rule). */
export const redactSecrets = redactText;

/** Without a WeCom-aware mapper: RpcError passes through, aborts become 'cancelled', the rest 'internal'. */
export function defaultMapError(error: unknown): ServiceError {
  if (error instanceof RpcError) return error.error;
  if (isZodError(error)) {
    return { kind: 'validation', code: 'INVALID_INPUT', params: invalidInputParams('call', error), message: invalidInputMessage('call', error) };
  }
  if (isObject(error) && (error as { name?: unknown }).name === 'AbortError') {
    return { kind: 'cancelled', code: 'CANCELLED', message: 'Cancelled' };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    kind: 'internal',
    code: 'INTERNAL',
    message: 'Something went wrong in the services; see the log',
    details: redactSecrets(text).slice(0, 2000),
  };
}
