// A zod failure as a sentence a person can read: the first few fields and what is wrong with them,
// never the ZodError's JSON. Paths and messages are cut short (the input may be hostile).
import type { z } from 'zod';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? clip(issue.path.map((part) => clip(String(part), 40)).join('.'), 120) : 'input';
}

/** "field: problem; other: problem" for up to `limit` issues. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((issue) => `${issuePath(issue)}: ${clip(issue.message, 200)}`);
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit})` : '';
  return parts.join('; ') + more;
}

/** Plain English for logs; the renderer words INVALID_INPUT from its params (method, fields). */
export function invalidInputMessage(method: string, error: z.ZodError): string {
  return `Invalid input for ${clip(method, 64)}: ${describeIssues(error)}`;
}

/** What the renderer's INVALID_INPUT sentence names: the method and the fields with their problems. */
export function invalidInputParams(method: string, error: z.ZodError): { method: string; issues: string } {
  return { method: clip(method, 64), issues: describeIssues(error) };
}
