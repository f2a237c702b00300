// Request details for errors and logs, redacted by the one rule in rules/redact.ts.
import { REDACTED, isSecretKey, redactText } from '../rules/redact.ts';

/** A query with every secret value replaced; values become strings as they would on the wire. */
export function redactQuery(query: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query) return out;
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    out[key] = isSecretKey(key) ? REDACTED : String(value);
  }
  return out;
}

/** A JSON body for a log line: secret keys blanked at any depth, cut to maxChars. */
export function redactBody(body: unknown, maxChars = 500): string | undefined {
  if (body === undefined) return undefined;
  let text: string;
  try {
    text = JSON.stringify(body, (key, value: unknown) => (key !== '' && isSecretKey(key) ? REDACTED : value)) ?? '';
  } catch {
    text = '[unserialisable body]';
  }
  return truncate(redactText(text), maxChars);
}

export function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}…(${text.length - maxChars} more chars)`;
}
