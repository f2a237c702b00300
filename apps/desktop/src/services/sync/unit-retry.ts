// One unit of a sync job (a department, a page, a live) and what the job does when it fails:
// - rate limits (45009, also after the pipeline gave up on a long window): wait the window out,
//   telling the user why and until when; waits do not spend the retry budget;
// - transient failures (-1, 45033, 5xx, resets, timeouts, a garbled body, a token that went bad
//   again after the pipeline's one refresh): back off and retry, within the job's budget;
// - an answer in an unexpected shape: fetched again a few times, then reported with the endpoint
//   and the field;
// - anything else (a wrong secret, a permission, WeCom unreachable for good): fails the unit.
// Units are reads only: a write is never retried here (WeCom may have acted on it).
import {
  WeComApiError,
  WeComNetworkError,
  WeComRateLimitError,
  WeComResponseValidationError,
} from '@wld/wecom-core';
import { CodedError } from '@wld/wecom-core/rules';
import { throwIfAborted, type SyncRun } from './sync-run.ts';
import { syncTexts, type NoteText } from './sync-texts.ts';

const DEFAULT_WINDOW_MS = 60_000;
/** Token failures of one unit retried with backoff before the job waits the storm out. */
const TOKEN_RETRIES = 2;
const TOKEN_STORM_WAIT_MS = 30_000;
/** The request never left: worth a few tries (a blip), not the whole budget (really offline). */
const UNREACHABLE_KINDS = new Set(['refused', 'dns', 'proxy']);
const UNREACHABLE_ATTEMPTS = 3;
const TRANSIENT_NETWORK_KINDS = new Set(['timeout', 'reset', 'http_status']);

export type UnitVerdict =
  | { action: 'wait'; ms: number; errcode: number | null }
  | { action: 'retry'; unreachable: boolean }
  | { action: 'token'; errcode: number }
  | { action: 'reshape'; endpoint: string; field: string }
  | { action: 'fail' };

export function judgeFailure(error: unknown): UnitVerdict {
  if (error instanceof WeComRateLimitError)
    return { action: 'wait', ms: error.retryAfterMs ?? DEFAULT_WINDOW_MS, errcode: error.errcode };
  if (error instanceof WeComApiError) {
    if (error.retryClass === 'window')
      return { action: 'wait', ms: DEFAULT_WINDOW_MS, errcode: error.errcode };
    // the pipeline already refreshed the token once for this call: a storm of bad tokens
    if (error.retryClass === 'token') return { action: 'token', errcode: error.errcode };
    if (error.retryClass === 'backoff' || error.category === 'server')
      return { action: 'retry', unreachable: false };
    return { action: 'fail' };
  }
  if (error instanceof WeComNetworkError) {
    if (UNREACHABLE_KINDS.has(error.kind)) return { action: 'retry', unreachable: true };
    if (error.kind === 'http_status' && error.status !== null && error.status < 500 && error.status !== 429)
      return { action: 'fail' };
    return TRANSIENT_NETWORK_KINDS.has(error.kind)
      ? { action: 'retry', unreachable: false }
      : { action: 'fail' };
  }
  if (error instanceof WeComResponseValidationError) {
    if (error.kind === 'malformed') return { action: 'retry', unreachable: false };
    return { action: 'reshape', endpoint: error.endpoint, field: error.issues[0]?.path ?? '(root)' };
  }
  return { action: 'fail' };
}

/** A page kept answering in a shape the app cannot read: which endpoint, which field. */
export class SyncShapeError extends CodedError {
  readonly endpoint: string;
  readonly field: string;
  readonly attempts: number;
  constructor(endpoint: string, field: string, attempts: number, cause: unknown) {
    super('SYNC_BAD_SHAPE', syncTexts.badShape(endpoint, field, attempts), { cause });
    this.name = 'SyncShapeError';
    this.endpoint = endpoint;
    this.field = field;
    this.attempts = attempts;
  }
}

/** The job spent its retries (or its waiting time); the last failure is the cause. */
export class SyncBudgetError extends CodedError {
  readonly unit: string;
  readonly retries: number;
  constructor(unit: string, retries: number, cause: unknown) {
    super('SYNC_BUDGET_SPENT', syncTexts.budgetSpent(unit, retries), { cause });
    this.name = 'SyncBudgetError';
    this.unit = unit;
    this.retries = retries;
  }
}

export type UnitRun = Pick<
  SyncRun,
  'signal' | 'sleep' | 'status' | 'budget' | 'startedAt' | 'now' | 'options' | 'language'
>;

/** A wait that does not spend the retry budget, shown with its reason and end; only the job's length bounds it. */
async function waitOut(
  run: UnitRun,
  unit: string,
  error: unknown,
  ms: number,
  code: 'WAIT_RATE_LIMIT' | 'WAIT_TOKEN',
  text: (until: number) => NoteText,
): Promise<void> {
  const until = run.now() + ms;
  if (until - run.startedAt > run.options.maxJobMs) throw new SyncBudgetError(unit, run.budget.max, error);
  const note = text(until);
  run.status({ code, message: note.en, params: note.params, until });
  await run.sleep(ms, run.signal);
}

/** Runs `task` (one unit) until it succeeds, the job's budget is spent, or a failure is final. */
export async function runUnit<T>(run: UnitRun, unit: string, task: () => Promise<T>): Promise<T> {
  let attempts = 0;
  let unreachable = 0;
  let reshapes = 0;
  let tokenFailures = 0;
  let troubled = false;
  for (;;) {
    throwIfAborted(run.signal);
    try {
      const value = await task();
      if (troubled) run.status(null);
      return value;
    } catch (error) {
      if (run.signal.aborted) throw error;
      const verdict = judgeFailure(error);
      if (verdict.action === 'fail') throw error;
      troubled = true;
      if (verdict.action === 'wait') {
        await waitOut(run, unit, error, verdict.ms, 'WAIT_RATE_LIMIT', (until) =>
          syncTexts.waitRateLimit(until, run.now(), verdict.errcode),
        );
        continue;
      }
      if (verdict.action === 'token' && ++tokenFailures > TOKEN_RETRIES) {
        // a token storm (WeCom invalidating tokens again and again): wait it out, not counted
        await waitOut(run, unit, error, TOKEN_STORM_WAIT_MS, 'WAIT_TOKEN', (until) =>
          syncTexts.waitTokenStorm(until, run.now(), verdict.errcode),
        );
        continue;
      }
      if (verdict.action === 'reshape' && ++reshapes > run.options.shapeRetries) {
        throw new SyncShapeError(verdict.endpoint, verdict.field, reshapes, error);
      }
      if (verdict.action === 'retry' && verdict.unreachable && ++unreachable >= UNREACHABLE_ATTEMPTS)
        throw error;
      attempts++;
      if (attempts >= run.options.unitAttempts || run.budget.used >= run.budget.max)
        throw new SyncBudgetError(unit, run.budget.max, error);
      run.budget.used++;
      const code = errorCode(error);
      const note = syncTexts.retrying(unit, code);
      run.status({ code: 'RETRYING', message: note.en, params: note.params, until: null });
      const { base, cap } = run.options.unitBackoffMs;
      await run.sleep(Math.floor(Math.random() * Math.min(cap, base * 2 ** (attempts - 1))), run.signal);
    }
  }
}

function errorCode(error: unknown): string {
  if (error instanceof WeComApiError) return String(error.errcode);
  if (error instanceof WeComNetworkError) return error.code;
  if (error instanceof WeComResponseValidationError) return error.code;
  return error instanceof Error ? error.name : 'ERROR';
}
