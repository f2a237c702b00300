// Text preparation for the user search index (FTS5, unicode61 tokenizer).
// unicode61 keeps a run of Chinese characters as ONE token, so "张三丰" would only match "张三丰*".
// We index every CJK character as its own token and search a CJK run as a phrase of characters:
// any contiguous part of a Chinese name or position matches ("三丰", "丰"). Latin letters and
// digits stay words and are searched as prefixes ("zhang" matches userid "zhangsan"; punctuation
// splits words, so "san" matches "zhang.san").

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const QUERY_TERM =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|([\p{L}\p{N}]+)/gu;

/** Text stored in the index for one field: CJK characters separated by spaces. */
export function indexText(value: string | null | undefined): string {
  if (!value) return '';
  return value.normalize('NFKC').replace(CJK_CHAR, ' $& ');
}

/**
 * An FTS5 MATCH expression for what a person typed, or null when it holds nothing searchable.
 * Terms are ANDed; each is a quoted phrase (CJK) or a quoted prefix (other words), so no user
 * input can reach FTS5's query syntax.
 */
export function matchExpression(query: string): string | null {
  const terms: string[] = [];
  for (const match of query.normalize('NFKC').matchAll(QUERY_TERM)) {
    const [, cjk, word] = match;
    if (cjk) terms.push(`"${[...cjk].join(' ')}"`);
    else if (word) terms.push(`"${word}"*`);
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}
