// Text preparation for the user search index (FTS5, unicode61 tokenizer), over name, userid, alias
// and position. unicode61 keeps a run of Chinese characters as ONE token, so "张三丰" would only
// be found by "张三丰…". Two columns instead:
//   words    every CJK character as its own token, plus the Latin/digit words (userid, alias…)
//   bigrams  every pair of adjacent CJK characters within a run ("产品经理" → 产品 品经 经理)
// A query's CJK run of one character looks up `words`; a longer run is a phrase of its bigrams
// ("经理" is ONE token lookup, "工程师" the phrase 工程 程师), so any contiguous part of a name or
// position matches, and common two-character terms stay cheap. Latin words and digits are prefix
// searches in `words` ("zhang" finds "zhangsan"; punctuation splits words: "san" finds "zhang.san").
// A name's Chinese characters also go into `words` as pinyin, so people are found the way a
// Chinese keyboard user types them: syllables ("zhou ning"), run together ("zhouning") and initials
// ("sgw" → 上官伟). Surnames read as surnames (单 shan, 曾 zeng); ü is written both as v and u.
import { pinyin } from 'pinyin-pro';

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'gu');
const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
const QUERY_TERM = new RegExp(`([${CJK}]+)|([\\p{L}\\p{N}]+)`, 'gu');

export interface SearchColumns {
  words: string;
  bigrams: string;
}

const bigramsOf = (run: string): string[] => {
  const chars = [...run];
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
};

const HAN_RUN = /\p{Script=Han}+/gu;

/** Pinyin words for the Chinese characters of a name: syllables, the syllables joined, initials. */
export function pinyinWords(name: string): string[] {
  const runs = [...name.normalize('NFKC').matchAll(HAN_RUN)].map((m) => m[0]);
  if (runs.length === 0) return [];
  const syllables = runs.flatMap((run) => pinyin(run, { toneType: 'none', type: 'array', surname: 'head', v: true }));
  const joined = syllables.join('');
  const words = [...syllables, joined, syllables.map((s) => s[0] ?? '').join('')];
  // ü is typed as v (lv → 吕); u is how it reads without the dots
  return [...new Set([...words, ...words.map((w) => w.replaceAll('v', 'u'))])];
}

/** The index columns for a user's searchable fields; the first field is the name. */
export function searchColumns(fields: ReadonlyArray<string | null | undefined>): SearchColumns {
  const texts = fields
    .filter((f): f is string => typeof f === 'string' && f !== '')
    .map((f) => f.normalize('NFKC'));
  const name = fields[0] ?? '';
  return {
    words: [...texts.map((t) => t.replace(CJK_CHAR, ' $& ')), ...pinyinWords(name)].join(' '),
    bigrams: texts.flatMap((t) => [...t.matchAll(CJK_RUN)].flatMap((m) => bigramsOf(m[0]))).join(' '),
  };
}

/**
 * An FTS5 MATCH expression for what a person typed, or null when it holds nothing searchable.
 * Terms are ANDed; each is a quoted token, phrase or prefix, so no user input reaches FTS5's
 * query syntax.
 */
export function matchExpression(query: string): string | null {
  const terms: string[] = [];
  for (const match of query.normalize('NFKC').matchAll(QUERY_TERM)) {
    const [, cjk, word] = match;
    if (cjk)
      terms.push([...cjk].length === 1 ? `words : "${cjk}"` : `bigrams : "${bigramsOf(cjk).join(' ')}"`);
    else if (word) terms.push(`words : "${word}"*`);
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}
