// i18next with every namespace bundled: locales/<lng>/<namespace>.json, loaded eagerly so the first
// paint already speaks the user's language (the files are small).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sentenceNumber } from '../decimal-format.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

// The files' text, parsed here: the window reads every locale while it starts, and V8 parses JSON
// text several times faster than the same data compiled as object literals.
const files = import.meta.glob<string>('./locales/*/*.json', { eager: true, query: '?raw', import: 'default' });

function collect(): Resources {
  const resources: Resources = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    (resources[lng] ??= {})[ns] = JSON.parse(content) as Record<string, unknown>;
  }
  return resources;
}

export const resources = collect();
export const namespaces = [...new Set(Object.values(resources).flatMap((byNs) => Object.keys(byNs)))];

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

// "{{count, number}}": grouped by thousands as every other number of the app (20,000 users), by
// decimal-format.ts rather than i18next's built-in Intl.NumberFormat (ICU's number data at start-up)
i18n.services.formatter?.add('number', sentenceNumber);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export async function setLanguage(lng: Language): Promise<void> {
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18n;
