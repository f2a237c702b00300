// The one rule for secrets on their way out of a process — wecom-core's request details, the services'
// RPC errors and main's log: access tokens, corp secrets, jsapi tickets, passwords, callback keys and
// bearer tokens are blanked in URLs, JSON, printed objects and structured values. Imports nothing.
export const REDACTED = '[redacted]';

const SECRET_WORDS = 'secret|token|password|passwd|aes_?key|authorization|ticket|credential';
/** Key names whose values are secret (access_token, corpsecret, jsapi_ticket, EncodingAESKey…). */
const SECRET_KEY = new RegExp(`(${SECRET_WORDS})`, 'i');
const KEY_CHARS = `[A-Za-z0-9_-]*(?:${SECRET_WORDS})[A-Za-z0-9_-]*`;

const TEXT_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // "corpsecret": "…"  /  'secret': '…'  (JSON and printed objects with quoted keys)
  [
    new RegExp(`(["'])(${KEY_CHARS})\\1(\\s*:\\s*)(["'])(?:\\\\.|(?!\\4).)*\\4`, 'gi'),
    `$1$2$1$3$4${REDACTED}$4`,
  ],
  // corpsecret: '…'  (util.inspect output)
  [new RegExp(`\\b(${KEY_CHARS})(\\s*:\\s*)(["'])(?:\\\\.|(?!\\3).)*\\3`, 'gi'), `$1$2$3${REDACTED}$3`],
  // ?access_token=…&corpsecret=…  and  secret=… in form bodies or messages
  [new RegExp(`\\b(${KEY_CHARS})=([^&\\s"'#,;)]+)`, 'gi'), `$1=${REDACTED}`],
  // Authorization: Bearer …
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
];

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Free text (URLs, bodies, messages, stacks) with every secret value replaced. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 8;

/** A redacted copy of a value (objects, arrays, maps, errors); the original is never modified. */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (value instanceof Map) {
    return new Map(
      [...value].map(([k, v]) => [
        k,
        typeof k === 'string' && isSecretKey(k) && v ? REDACTED : redactValue(v, depth + 1, seen),
      ]),
    );
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      isSecretKey(key) && typeof item === 'string' && item !== ''
        ? REDACTED
        : redactValue(item, depth + 1, seen);
  }
  return copy;
}
