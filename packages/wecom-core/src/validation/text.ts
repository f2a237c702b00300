// Length rules as WeCom counts them: UTF-8 bytes, or characters (code points).
import { charCount, utf8Bytes } from '../rules/text-length.ts';
import type { InputProblem } from './fail.ts';

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
