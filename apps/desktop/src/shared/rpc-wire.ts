// Wire format and transport seam of the RPC between the renderer and the services process.
// Messages are plain objects (structured-clone friendly) so any MessagePort-like channel can carry them.
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
export type RpcResponseMessage =
  | { t: 'res'; id: number; ok: true; output: unknown }
  | { t: 'res'; id: number; ok: false; error: ServiceError };
export interface RpcEventMessage {
  t: 'evt';
  event: string;
  payload: unknown;
}
export type RpcClientMessage = RpcRequestMessage | RpcCancelMessage;
export type RpcServerMessage = RpcResponseMessage | RpcEventMessage;
export type RpcMessage = RpcClientMessage | RpcServerMessage;

/** The one thing the RPC needs from a transport. Adapters live in rpc-ports.ts. */
export interface MessageEndpoint {
  postMessage(data: unknown): void;
  /** Registers a handler and returns a function that removes it. */
  onMessage(handler: (data: unknown) => void): () => void;
  close?(): void;
}

/** The error a call rejects with; handlers may throw it too, and it travels unchanged. */
export class RpcError extends Error {
  readonly error: ServiceError;
  constructor(error: ServiceError) {
    super(error.message);
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
