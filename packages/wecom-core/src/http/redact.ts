// Removes tokens and secrets from anything that may end up in a log, an error or a UI.

const SECRET_KEYS = new Set(['access_token', 'corpsecret', 'secret', 'contactssecret', 'suite_secret', 'provider_secret']);
const REDACTED = '***';
const SECRET_IN_TEXT =
  /((?:access_token|corpsecret|secret|suite_secret|provider_secret)["']?\s*[=:]\s*["']?)([^&\s"',}]+)/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

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

/** Replaces `access_token=...`, `"secret": "..."` and the like inside free text (URLs, bodies, messages). */
export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, `$1${REDACTED}`);
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
