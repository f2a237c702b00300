// Identifier rules: userids, department and tag ids, chatids, livingids.
import { CHATID_PATTERN } from '../rules/limits.ts';
import type { InputProblem } from './fail.ts';

/** 1–64 characters of letters, digits and -_. (WeCom's UserID rule). */
export const USERID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export function checkUserid(field: string, value: unknown): InputProblem | null {
  if (typeof value === 'string' && USERID_PATTERN.test(value)) return null;
  return {
    field,
    zh: `UserID 须为 1–64 位字母、数字或 -_.（当前 ${JSON.stringify(value)}）`,
    en: `a UserID is 1–64 letters, digits or -_. (got ${JSON.stringify(value)})`,
  };
}

export function checkUserids(field: string, values: readonly unknown[]): InputProblem | null {
  for (let i = 0; i < values.length; i++) {
    const problem = checkUserid(`${field}[${i}]`, values[i]);
    if (problem) return problem;
  }
  return null;
}

export function checkPositiveId(field: string, value: unknown): InputProblem | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return null;
  return {
    field,
    zh: `须为正整数 ID（当前 ${JSON.stringify(value)}）`,
    en: `must be a positive integer id (got ${JSON.stringify(value)})`,
  };
}

export function checkChatid(field: string, value: unknown): InputProblem | null {
  if (typeof value === 'string' && CHATID_PATTERN.test(value)) return null;
  return {
    field,
    zh: `chatid 最多 32 位，只能含字母和数字（当前 ${JSON.stringify(value)}）`,
    en: `a chatid is at most 32 letters and digits (got ${JSON.stringify(value)})`,
  };
}

export function checkNonEmptyId(field: string, value: unknown): InputProblem | null {
  if (typeof value === 'string' && value.trim() !== '') return null;
  return { field, zh: '不能为空', en: 'must not be empty' };
}
