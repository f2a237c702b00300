// What a failed sync job tells the user when its own retry layer gave up: the endpoint and field of
// a page that kept its wrong shape, or the budget spent and the failure that spent it.
import type { ServiceError } from '../../shared/models.ts';
import type { Language } from '../i18n.ts';
import { pickText } from './sync-texts.ts';
import { SyncBudgetError, SyncShapeError } from './unit-retry.ts';

export function syncFailure(error: unknown, language: Language): ServiceError | null {
  if (error instanceof SyncShapeError) {
    return {
      kind: 'wecom',
      code: 'RESPONSE_SHAPE',
      message: pickText(language, error.messages),
      details: `${error.endpoint}: ${error.field}`,
    };
  }
  if (error instanceof SyncBudgetError) {
    const cause =
      error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
    return {
      kind: 'network',
      code: 'SYNC_RETRIES_SPENT',
      message: pickText(language, error.messages),
      details: cause,
    };
  }
  return null;
}
