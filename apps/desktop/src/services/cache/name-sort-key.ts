// The sort key of a person's name, so names sort as 中文 users expect: by pinyin (阿 a, 白 bai, 陈
// chen … 张 zhang), Latin names among them by their letters. Each Chinese character reads as its
// syllable with its tone (lv3 for 吕: ü is v), the first one as a surname (单 shan, 曾 zeng); a
// character's reading is looked up once and remembered, so keys are cheap enough to compute while
// sorting (external viewers' names are keyed as they are read). The name itself ends the key: names
// that read the same sort by their characters, and identical names by the caller's tie-break.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Separates syllables; below every letter and digit, so zhan sorts before zhang. */
const SEPARATOR = ' ';
/** Separates the reading from the name; below the separator. */
const END = '\u0001';

const readings = new Map<string, string>();
const surnameReadings = new Map<string, string>();

function reading(char: string, surname: boolean): string {
  const memo = surname ? surnameReadings : readings;
  let syllable = memo.get(char);
  if (syllable === undefined) {
    syllable = pinyin(char, { toneType: 'num', surname: surname ? 'head' : 'off', v: true });
    memo.set(char, syllable);
  }
  return syllable;
}

/** The sort key of a name (an empty name sorts first). */
export function nameSortKey(name: string): string {
  // eslint-disable-next-line no-control-regex
  const text = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKC');
  const parts: string[] = [];
  let word = '';
  let first = true;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      // ASCII: letters and digits make words, anything else separates them
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) word += char;
      else if (code >= 0x41 && code <= 0x5a) word += String.fromCharCode(code + 32);
      else if (word) {
        parts.push(word);
        word = '';
      }
    } else if (HAN.test(char)) {
      if (word) parts.push(word);
      word = '';
      parts.push(reading(char, first));
    } else if (LETTER_OR_DIGIT.test(char)) {
      word += char.toLowerCase();
    } else if (word) {
      parts.push(word);
      word = '';
    }
    first = false;
  }
  if (word) parts.push(word);
  return `${parts.join(SEPARATOR)}${END}${text}`;
}
