// A tiny translator for the launcher: its bundle stays small, so no i18next, just the two JSON files.
import zh from '../../i18n/locales/zh-CN/launcher.json';
import en from '../../i18n/locales/en-US/launcher.json';

export type LauncherLanguage = 'zh-CN' | 'en-US';
type Key = keyof typeof zh;

const tables: Record<LauncherLanguage, Record<string, string>> = { 'zh-CN': zh, 'en-US': en };

export function translate(lng: LauncherLanguage, key: Key, values: Record<string, string | number> = {}): string {
  const template = tables[lng][key] ?? tables['zh-CN'][key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function guessLanguage(): LauncherLanguage {
  return typeof navigator !== 'undefined' && !navigator.language.toLowerCase().startsWith('zh') ? 'en-US' : 'zh-CN';
}
