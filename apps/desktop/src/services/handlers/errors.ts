// Errors handlers throw themselves (WeCom and cache errors are mapped by wecom/service-errors.ts).
import { RpcError } from '../../shared/rpc.ts';
import { t, type Language, type TextKey } from '../i18n.ts';

export function notFound(language: Language, key: TextKey, code: string, id: string): RpcError {
  return new RpcError({ kind: 'not_found', code, message: t(language, key), details: id });
}

export function invalid(message: string, details?: string): RpcError {
  return new RpcError({ kind: 'validation', code: 'INVALID_INPUT', message, ...(details ? { details } : {}) });
}
