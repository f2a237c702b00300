// A tiny translator for the launcher: its bundle stays small, so no i18next, just JSON tables (its
// own, the errors and the sync notes) and {{name}} placeholders.
import zh from '../../i18n/locales/zh-CN/launcher.json';
import en from '../../i18n/locales/en-US/launcher.json';
import zhErrors from '../../i18n/locales/zh-CN/errors.json';
import enErrors from '../../i18n/locales/en-US/errors.json';
import zhCommon from '../../i18n/locales/zh-CN/common.json';
import enCommon from '../../i18n/locales/en-US/common.json';
import type { ServiceError, SyncProgress } from '../../../shared/models.ts';
import { wordError, type SentenceLookup } from '../../errorWords.ts';
import { sentenceNumber } from '../../decimal-format.ts';

export type LauncherLanguage = 'zh-CN' | 'en-US';
type Key = keyof typeof zh;
type Values = Record<string, string | number>;

const tables: Record<LauncherLanguage, Record<string, string>> = { 'zh-CN': zh, 'en-US': en };
const errorTables: Record<LauncherLanguage, Record<string, unknown>> = { 'zh-CN': zhErrors, 'en-US': enErrors };
const noteTables: Record<LauncherLanguage, Record<string, string>> = { 'zh-CN': zhCommon.sync.note, 'en-US': enCommon.sync.note };

/** {{name}}, or {{name, number}}: a number grouped by thousands, as the app's i18n writes it */
const fill = (template: string, values: Values): string =>
  template.replace(/\{\{(\w+)(, number)?\}\}/g, (_, name: string, number?: string) =>
    number ? sentenceNumber(values[name]) : String(values[name] ?? ''),
  );

export function translate(lng: LauncherLanguage, key: Key, values: Values = {}): string {
  return fill(tables[lng][key] ?? tables['zh-CN'][key] ?? key, values);
}

/** A start-up step's label key (services' init sequence), with the first sync's counts. */
export function stepLabel(lng: LauncherLanguage, label: string, counts?: { done: number; total: number }): string {
  const text = tables[lng][`step.${label}`] ?? label;
  return counts ? `${text} ${counts.done}/${counts.total}` : text;
}

/** Why the first sync waits or retries (the same sentences the app's sync button shows). */
export function noteText(lng: LauncherLanguage, note: NonNullable<SyncProgress['note']>, until: string): string {
  const params = note.params ?? {};
  const variant = typeof params.endpoint === 'string' ? noteTables[lng][`${note.code}_endpoint`] : undefined;
  const template = variant ?? noteTables[lng][note.code];
  return template ? fill(template, { errcode: 45009, ...params, until }) : note.message;
}

/** A failure in words, with the app's rules (errorWords.ts) over the launcher's tables. */
export function errorSentence(lng: LauncherLanguage, error: ServiceError): string {
  const table = errorTables[lng];
  const lookup: SentenceLookup = (key, params) => {
    const context = typeof params.context === 'string' ? table[`${key}_${params.context}`] : undefined;
    const path = key.split('.');
    const found = context ?? path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), table);
    return typeof found === 'string' ? fill(found, params) : null;
  };
  return wordError(error, lookup, lng);
}

export function guessLanguage(): LauncherLanguage {
  return typeof navigator !== 'undefined' && !navigator.language.toLowerCase().startsWith('zh') ? 'en-US' : 'zh-CN';
}
