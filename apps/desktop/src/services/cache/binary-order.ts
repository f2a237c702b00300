// Orders strings in JS as SQLite's BINARY collation does (UTF-8 bytes, i.e. code points), so a
// list sorted here pages the same as one sorted by SQL.
/** Orders UTF-16 strings as SQLite's BINARY collation orders their UTF-8 (by code point). */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  // a surrogate (a character past U+FFFF) sorts after U+E000–U+FFFF by code point
  const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
  if (surrogate(x) && y >= 0xe000 && !surrogate(y)) return 1;
  if (surrogate(y) && x >= 0xe000 && !surrogate(x)) return -1;
  return x - y;
}

/** Strings holding a character past U+D7FF, where UTF-16 order and code point order may differ. */
export const HIGH = /[\ud800-\uffff]/;

/** A comparison by code point: the native one when no string holds such a character (the usual case). */
export const comparisonFor = (texts: Iterable<string>): ((a: string, b: string) => number) => {
  for (const t of texts) if (HIGH.test(t)) return compareBinary;
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
};

