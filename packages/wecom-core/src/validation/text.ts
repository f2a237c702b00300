// Length rules as WeCom counts them: UTF-8 bytes, or characters (code points).
import type { InputProblem } from './fail.ts';

const encoder = new TextEncoder();

export function utf8Bytes(value: string): number {
  // Fast path: pure ASCII strings are one byte per code unit.
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? value.length : encoder.encode(value).length;
}

export function charCount(value: string): number {
  let count = 0;
  for (const _char of value) count++;
  return count;
}

export function requireText(field: string, value: unknown): InputProblem | null {
  if (typeof value === 'string' && value.trim() !== '') return null;
  return { field, zh: '不能为空', en: 'must not be empty' };
}

export function maxChars(field: string, value: string | undefined, max: number): InputProblem | null {
  if (value === undefined) return null;
  const count = charCount(value);
  if (count <= max) return null;
  return {
    field,
    zh: `最多 ${max} 个字符（当前 ${count} 个）`,
    en: `must be at most ${max} characters (got ${count})`,
  };
}

export function maxBytes(field: string, value: string | undefined, max: number): InputProblem | null {
  if (value === undefined) return null;
  const bytes = utf8Bytes(value);
  if (bytes <= max) return null;
  return {
    field,
    zh: `最多 ${max} 字节（UTF-8，当前 ${bytes} 字节）`,
    en: `must be at most ${max} bytes in UTF-8 (got ${bytes})`,
  };
}
