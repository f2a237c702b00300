// What a failed sync job tells the user when its own retry layer gave up: the endpoint and field of
// a page that kept its wrong shape, or the budget spent and the failure that spent it.
import type { ServiceError } from '../../shared/models.ts';
import { SyncBudgetError, SyncShapeError } from './unit-retry.ts';

export function syncFailure(error: unknown): ServiceError | null {
  if (error instanceof SyncShapeError) {
    return {
      kind: 'wecom',
      code: 'RESPONSE_SHAPE',
      params: { endpoint: error.endpoint, field: error.field, attempts: error.attempts },
      message: error.message,
      details: `${error.endpoint}: ${error.field}`,
    };
  }
  if (error instanceof SyncBudgetError) {
    const cause =
      error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
    return {
      kind: 'network',
      code: 'SYNC_RETRIES_SPENT',
      params: { unit: error.unit, retries: error.retries },
      message: error.message,
      details: cause,
    };
  }
  return null;
}
