// Turning bad parameters into WeCom answers: zod issues become 40058 with the field named, and
// small helpers read query parameters the way WeCom does.
import type { z } from 'zod';
import { fail } from '../errors.ts';
import type { SimApp } from '../types.ts';
import type { RouteContext } from './types.ts';

export function parseBody<T extends z.ZodType>(schema: T, body: unknown, errcode = 40058): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  const message =
    issue?.code === 'invalid_type' && issue.input === undefined
      ? 'is required'
      : (issue?.message ?? 'invalid');
  fail(errcode, `${field} ${message}`);
}

export function queryString(ctx: RouteContext, name: string): string | null {
  const value = ctx.query.get(name);
  return value === null || value === '' ? null : value;
}

/** A positive integer query parameter, or null when absent; `errcode` when present but not one. */
export function queryPositiveInt(ctx: RouteContext, name: string, errcode: number): number | null {
  const value = queryString(ctx, name);
  if (value === null) return null;
  if (!/^\d{1,10}$/.test(value) || Number(value) <= 0)
    fail(errcode, `${name} must be a positive integer, got "${value}"`);
  return Number(value);
}

/** The calling app (routes with auth 'app'). */
export function callerApp(ctx: RouteContext): SimApp {
  if (ctx.caller?.kind !== 'app') fail(48002, 'this API needs an app token');
  return ctx.caller.app;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Characters, counting astral symbols once (WeCom's "UTF-8 characters"). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cursor encoding shared by the paged APIs: opaque to clients, an offset inside. */
export function encodeCursor(prefix: string, offset: number): string {
  return Buffer.from(`${prefix}:${offset}`).toString('base64url');
}

export function decodeCursor(prefix: string, cursor: string, max: number): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\w+):(\d{1,10})$/.exec(text);
  if (!match || match[1] !== prefix) return null;
  const offset = Number(match[2]);
  return offset <= max ? offset : null;
}
