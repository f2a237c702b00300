// How a call to main fails, for every host (Electron's IPC router and the browser host): a plain
// ServiceError with its kind and stable code, never an Error — contextBridge would keep only its message.
import { CodedError, redactText } from '@wld/wecom-core/rules';
import type { ServiceError } from '../shared/models.ts';
import { SettingsError } from './settings-store.ts';
import { reasonOf } from '../shared/error-reason.ts';

/** An error whose code and message are meant for the page. */
export class MainCallError extends CodedError {
  override name = 'MainCallError';
  readonly kind: ServiceError['kind'];
  constructor(code: string, message: string, kind: ServiceError['kind'] = 'internal') {
    super(code, message);
    this.kind = kind;
  }
}

export function callFailure(kind: ServiceError['kind'], code: string, message: string, params?: ServiceError['params']): ServiceError {
  return { kind, code, ...(params ? { params } : {}), message: redactText(message) };
}

/** What a handler threw, as the page gets it. */
export function toCallFailure(error: unknown): ServiceError {
  if (error instanceof MainCallError) return callFailure(error.kind, error.code, error.message);
  if (error instanceof SettingsError) return callFailure('validation', error.code, error.message, error.params);
  const message = reasonOf(error);
  return callFailure('internal', error instanceof CodedError ? error.code : 'FAILED', message);
}
