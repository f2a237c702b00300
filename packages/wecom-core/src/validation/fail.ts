// One way to reject input: a WeComInputError naming the field, in the caller's language.
import { WeComInputError } from '../errors/errors.ts';
import type { Language } from '../http/types.ts';

export interface InputProblem {
  field: string;
  zh: string;
  en: string;
}

export function inputError(problem: InputProblem, language: Language): WeComInputError {
  const messages = { zh: `${problem.field}：${problem.zh}`, en: `${problem.field}: ${problem.en}` };
  return new WeComInputError(
    language === 'zh-CN' ? messages.zh : messages.en,
    problem.field,
    messages,
    language,
  );
}

/** Runs the checks and throws the first problem found. */
export function throwFirst(problems: Iterable<InputProblem | null>, language: Language): void {
  for (const problem of problems) if (problem) throw inputError(problem, language);
}
