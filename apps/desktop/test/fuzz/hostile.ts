// Generators of what a hostile or buggy page sends: strings with control characters, lone
// surrogates, paths, CRLF, foreign URL schemes, 100k-char ids, and valid inputs with one field spoiled.
import fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates included (fast-check's own strings are well-formed). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

export const NASTY_STRINGS = [
  '../etc/passwd',
  '..',
  'a/b',
  'a\\b',
  'a:b',
  'x\u0000y',
  'line\r\nInjected: 1',
  'tab\there',
  '\ud800',
  'a\udc00b',
  '\u2028',
  '\u007f',
  '\u0085',
  ' ',
  '',
  'contacts',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'ftp://evil.example/',
  'socks5://evil.example:1080',
  'http://evil.example',
  'https://qyapi.weixin.qq.com',
  'text/html',
  'image/png; charset=x',
  'zhangsan',
  '直播主题',
  'x'.repeat(100_000),
  '长'.repeat(21),
  '😀'.repeat(16),
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.constantFrom(-1, 0, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, Number.NaN, Infinity), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, undefined), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), weight: 1 },
);

type Json = Record<string, unknown>;

/** Every path to a value inside an input (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? setAt(item, rest, replacement) : item));
  const object = value as Json;
  return { ...object, [head!]: setAt(object[head!], rest, replacement) };
}

/** A valid input with one field (at any depth) replaced by a hostile value, or one field added. */
export function spoiled(base: Json): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const replace = paths.length > 0
    ? fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => setAt(base, path, value))
    : fc.constant(base);
  const extraKey = fc.tuple(hostileString, hostileValue).map(([key, value]) => ({ ...base, [key]: value }));
  return fc.oneof({ arbitrary: replace, weight: 5 }, { arbitrary: extraKey, weight: 1 });
}

/** Payloads for one method: garbage of any shape, spoiled valid inputs, and the valid input itself. */
export function payloadsFor(base: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 2 },
    { arbitrary: spoiled(base), weight: 7 },
    { arbitrary: fc.constant(base), weight: 1 },
  );
}

/** Ranges in any order, for the methods that take one. */
export const anyRange = fc.tuple(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }));
