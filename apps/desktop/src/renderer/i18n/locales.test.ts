// The two languages say the same things: every text of one has its counterpart in the other (a key
// missing in English shows the Chinese text), and an English count that can be 1 has its singular
// ("1 message", not "1 messages"). Chinese has one form; English's plural pairs fold onto it.
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { resources } from './index.ts';

afterAll(() => i18n.changeLanguage('zh-CN'));

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a language as namespace:path → text. */
function texts(lng: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.set(path, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path.endsWith(':') ? `${path}${k}` : `${path}.${k}`);
  };
  for (const [ns, tree] of Object.entries(resources[lng] ?? {})) walk(tree, `${ns}:`);
  return out;
}

const folded = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL, '')));

/**
 * English counts whose wording reads right for 1 as for many: a count beside a unit abbreviation or
 * in brackets, a ratio, "now N", "N online", "N left", "N more", "attempt N".
 */
const COUNT_NEUTRAL = /(\{\{count, number\}\} (online|left|more|min|h|d)\b)|(\(\{\{count, number\}\}\))|(now \{\{count, number\}\})|(attempt \{\{count, number\}\})|(\{\{count, number\}\} \/ )|(: \{\{count, number\}\} \/)|(\{\{count, number\}\} did not watch)|(Send \(\{\{count, number\}\}\))|(\{\{count, number\}\} not delivered)/;

describe('the locales', () => {
  it('have the same texts in both languages', () => {
    const zh = folded(texts('zh-CN').keys());
    const en = folded(texts('en-US').keys());
    expect([...zh].filter((k) => !en.has(k)), 'missing in English').toEqual([]);
    expect([...en].filter((k) => !zh.has(k)), 'missing in Chinese').toEqual([]);
  });

  it('give every English count that can be 1 a singular and a plural', () => {
    const unpaired = [...texts('en-US')].filter(([key, text]) => text.includes('{{count') && !PLURAL.test(key) && !COUNT_NEUTRAL.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(unpaired).toEqual([]);
  });

  it('write 1 in the singular and more in the plural', async () => {
    await i18n.changeLanguage('en-US');
    expect(i18n.t('messages:history.total', { count: 1 })).toBe('1 message');
    expect(i18n.t('messages:history.total', { count: 2 })).toBe('2 messages');
    expect(i18n.t('org:users.total', { count: 1 })).toBe('1 user');
    expect(i18n.t('lives:count', { count: 1 })).toBe('1 live');
    expect(i18n.t('lives:form.remindDays', { count: 1 })).toBe('1 day before');
    expect(i18n.t('lives:form.remindDays', { count: 3 })).toBe('3 days before');
    expect(i18n.t('messages:compose.reach', { count: 1 })).toMatch(/^Reaches about 1 person \(/);
    expect(i18n.t('messages:compose.reach', { count: 1200 })).toMatch(/^Reaches about 1,200 people \(/);
    expect(i18n.t('common:table.rows', { count: 1 })).toBe('1 row');
    // two sentences in one help text: a space between them in English, none in Chinese
    expect(i18n.t('settings:network.gatewayHeadersHelpAll')).toContain('auth header). Header values');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('settings:network.gatewayHeadersHelpAll')).toContain('鉴权头）。请求头的值');
    expect(i18n.t('messages:history.total', { count: 1 })).toBe(i18n.t('messages:history.total', { count: 2 }).replace('2', '1'));
  });
});
