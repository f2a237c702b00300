// Texts that arrive in both languages (wecom-core's bot states and errors): the one for the app's language.
export interface Bilingual {
  zh: string;
  en: string;
}

export function inLanguage(text: Bilingual, language: string): string {
  return language === 'en-US' ? text.en : text.zh;
}
