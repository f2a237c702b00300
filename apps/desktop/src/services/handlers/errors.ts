// Errors handlers throw themselves (WeCom and cache errors are mapped by wecom/service-errors.ts).
// Each carries a stable code the renderer words (errors namespace); the message is English for logs.
import { RpcError } from '../../shared/rpc.ts';

export type NotFoundCode =
  | 'LIVE_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'CHAT_NOT_FOUND'
  | 'SYNC_JOB_NOT_FOUND'
  | 'SERIES_NOT_FOUND'
  | 'NOTICE_NOT_FOUND';

export function notFound(code: NotFoundCode, id: string): RpcError {
  return new RpcError({ kind: 'not_found', code, params: { id }, message: `Not found (${code}): ${id}`, details: id });
}

export function invalid(code: string, message: string, details?: string): RpcError {
  return new RpcError({ kind: 'validation', code, message, ...(details ? { details } : {}) });
}

/** A name another record of the same kind already has (params.name: the name as typed). */
export function nameTaken(code: 'SERIES_NAME_TAKEN', name: string): RpcError {
  return new RpcError({ kind: 'validation', code, params: { name }, message: `The name is taken (${code}): ${name}`, details: 'name' });
}
