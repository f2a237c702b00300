// Lengths as WeCom counts them: UTF-8 bytes (汉 is 3, 😀 is 4) or characters (code points). Imports nothing.
const encoder = new TextEncoder();

/** The one UTF-8 byte counter. */
export function utf8Bytes(value: string): number {
  // Fast path: pure ASCII strings are one byte per code unit.
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) return encoder.encode(value).length;
  }
  return value.length;
}

/** Length in characters (code points), so an emoji counts as one. */
export function charCount(value: string): number {
  let count = 0;
  for (const _char of value) count++;
  return count;
}

/** The longest prefix of text (plus an ellipsis when cut) that fits in maxBytes of UTF-8. */
export function fitUtf8Bytes(text: string, maxBytes: number, ellipsis = '…'): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const room = maxBytes - utf8Bytes(ellipsis);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = utf8Bytes(ch);
    if (used + size > room) break;
    out += ch;
    used += size;
  }
  return `${out}${ellipsis}`;
}
