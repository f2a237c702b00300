// Wire format and transport seam of the RPC between the renderer and the services process.
// Messages are plain objects (structured-clone friendly) so any MessagePort-like channel can carry them.
import { CodedError } from '@wld/wecom-core/rules';
import type { ServiceError } from './models.ts';

export interface RpcRequestMessage {
  t: 'req';
  id: number;
  method: string;
  input: unknown;
}
export interface RpcCancelMessage {
  t: 'cancel';
  id: number;
}
/** Where a call spent its time in the services (sent only when the services record timings). */
export interface ServicesTiming {
  /** From the request's arrival to the handler's start: input checks and any wait for init. */
  queuedMs: number;
  /** The handler itself, until its answer was ready. */
  runMs: number;
}
export type RpcResponseMessage =
  | { t: 'res'; id: number; ok: true; output: unknown; timing?: ServicesTiming }
  | { t: 'res'; id: number; ok: false; error: ServiceError; timing?: ServicesTiming };
export interface RpcEventMessage {
  t: 'evt';
  event: string;
  payload: unknown;
}
/** Messages sent in the same tick travel together: one port message instead of hundreds. */
export interface RpcBatchMessage<M> {
  t: 'batch';
  messages: M[];
}
export type RpcClientMessage = RpcRequestMessage | RpcCancelMessage;
export type RpcServerMessage = RpcResponseMessage | RpcEventMessage;
export type RpcMessage = RpcClientMessage | RpcServerMessage | RpcBatchMessage<RpcClientMessage | RpcServerMessage>;

/** The one thing the RPC needs from a transport. Adapters live in rpc-ports.ts. */
export interface MessageEndpoint {
  postMessage(data: unknown): void;
  /** Registers a handler and returns a function that removes it. */
  onMessage(handler: (data: unknown) => void): () => void;
  close?(): void;
  /** Registers a handler for the other end going away (Electron ports emit 'close'); returns its removal. */
  onClose?(handler: () => void): () => void;
}

/** The error a call rejects with; handlers may throw it too, and it travels unchanged. */
export class RpcError extends CodedError {
  readonly error: ServiceError;
  constructor(error: ServiceError) {
    super(error.code, error.message);
    this.name = 'RpcError';
    this.error = error;
  }
}

export const isRpcError = (value: unknown): value is RpcError => value instanceof RpcError;

/** Narrowing helpers: the other side may be buggy or hostile, so every message is checked. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Queues messages and posts them at the end of the current tick: alone when there is one, as a
 * batch when there are more. A burst of calls (or of answers) then costs one structured clone and
 * one message event instead of one per call, while a lone call waits no longer than a microtask.
 */
export function createOutbox<M>(endpoint: MessageEndpoint, onPostError?: (error: unknown, messages: M[]) => void) {
  let queue: M[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const messages = queue;
    queue = [];
    if (messages.length === 0) return;
    try {
      endpoint.postMessage(messages.length === 1 ? messages[0] : ({ t: 'batch', messages } satisfies RpcBatchMessage<M>));
    } catch (error) {
      if (onPostError) onPostError(error, messages);
      else throw error;
    }
  };
  return {
    send(message: M) {
      queue.push(message);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    },
    flush,
  };
}

/** Calls `handle` for each message of a batch, or for the message itself. */
export function unbatch(data: unknown, handle: (message: Record<string, unknown>) => void): void {
  if (!isObject(data)) return;
  if (data.t === 'batch' && Array.isArray(data.messages)) {
    for (const message of data.messages) if (isObject(message)) handle(message);
  } else handle(data);
}
