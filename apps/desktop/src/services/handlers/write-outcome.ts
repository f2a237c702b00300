// A write whose answer was lost (the connection reset or timed out after the request left): WeCom
// may or may not have acted on it, and a blind retry could do it twice. A handler that writes once
// reads WeCom back to find out; only when that read fails too does it say the outcome is unknown,
// with what to do before trying again.
import { WeComApiError, WeComInputError, type WeComClient } from '@wld/wecom-core';
import { RpcError } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';

/** Whether WeCom surely did not act: it answered with an error, or the call never left. */
export function surelyNotSent(error: unknown): boolean {
  if (error instanceof WeComApiError || error instanceof WeComInputError) return true;
  if (error instanceof RpcError) return ['offline', 'validation', 'wecom', 'forbidden'].includes(error.error.kind);
  return false;
}

/** The client a read-back asks WeCom with (it throws, so the outcome is unknown, when there is none). */
export function wecomReader(ctx: Pick<ServicesContext, 'clientOrNull'>): WeComClient {
  const client = ctx.clientOrNull();
  if (!client) throw new Error('no WeCom client');
  return client;
}

/** The answer was lost and WeCom could not be read back: `code` words what may have happened (errors.json). */
export function outcomeUnknown(code: string, message: string): RpcError {
  return new RpcError({ kind: 'network', code, message });
}

/**
 * Runs a write WeCom cannot be asked about afterwards (a message: WeCom keeps no record to read
 * back). When its answer is lost, it throws `unknown()`, which says what may have happened.
 */
export async function writeOrUnknown<T>(write: () => Promise<T>, unknown: () => RpcError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (surelyNotSent(error)) throw error;
    throw unknown();
  }
}

/**
 * Runs `write` once. When its answer is lost, `readBack` asks WeCom what happened: a value means
 * WeCom did act (it stands for the write's result), null means it did not (the write's own error
 * stands: a retry is safe), and a failed read-back throws `unknown()`.
 */
export async function writeOnce<T>(
  ctx: Pick<ServicesContext, 'log'>,
  what: string,
  write: () => Promise<T>,
  readBack: () => Promise<T | null>,
  unknown: () => RpcError,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (surelyNotSent(error)) throw error;
    ctx.log('warn', `${what}: the answer was lost (${String(error)}); reading WeCom back`);
    let found: T | null;
    try {
      found = await readBack();
    } catch (readError) {
      ctx.log('warn', `${what}: the read-back failed too (${String(readError)})`);
      throw unknown();
    }
    ctx.log('info', `${what}: WeCom ${found === null ? 'did not act on it' : 'had acted on it'}`);
    if (found === null) throw error;
    return found;
  }
}
