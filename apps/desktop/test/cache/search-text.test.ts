import { describe, expect, it } from 'vitest';
import { matchExpression, pinyinWords, searchColumns } from '../../src/services/cache/search-text.ts';

describe('search text', () => {
  it('indexes CJK characters one by one and bigrams within each run, never across fields', () => {
    expect(searchColumns(['张三丰', 'zhang.san', null, '高级工程师'])).toEqual({
      words: ' 张  三  丰  zhang.san  高  级  工  程  师  zhang san feng zhangsanfeng zsf',
      bigrams: '张三 三丰 高级 级工 工程 程师',
    });
    expect(searchColumns(['王', '', undefined]).bigrams).toBe('');
  });

  it('adds the pinyin of a name: syllables, joined, initials; ü as v and u', () => {
    expect(pinyinWords('上官伟')).toEqual(['shang', 'guan', 'wei', 'shangguanwei', 'sgw']);
    expect(pinyinWords('曾吕')).toEqual(['zeng', 'lv', 'zenglv', 'zl', 'lu', 'zenglu']);
    expect(pinyinWords('Tom')).toEqual([]);
  });

  it('turns typed text into quoted lookups: characters, bigram phrases, word prefixes', () => {
    expect(matchExpression('王')).toBe('words : "王"');
    expect(matchExpression('经理')).toBe('bigrams : "经理"');
    expect(matchExpression('工程师')).toBe('bigrams : "工程 程师"');
    expect(matchExpression('王 Zhang.san')).toBe('words : "王" AND words : "Zhang"* AND words : "san"*');
    // full-width letters fold to ASCII
    expect(matchExpression('ＡＢＣ')).toBe('words : "ABC"*');
  });

  it('leaves nothing of FTS5 syntax in the expression', () => {
    expect(matchExpression('" OR * NEAR( ) ^ :')).toBe('words : "OR"* AND words : "NEAR"*');
    expect(matchExpression('"*() - +')).toBeNull();
    expect(matchExpression('')).toBeNull();
  });
});
