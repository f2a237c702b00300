// The one UTF-8 byte counter and the byte-fitting cut the services use for textcards.
import { describe, expect, it } from 'vitest';
import { charCount, fitUtf8Bytes, utf8Bytes } from '../../src/rules/text-length.ts';

describe('text length as WeCom counts it', () => {
  it('counts UTF-8 bytes: ASCII 1, 汉 3, 😀 4', () => {
    expect(utf8Bytes('')).toBe(0);
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('企业微信 ok')).toBe(15);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('é')).toBe(2);
  });

  it('counts characters as code points', () => {
    expect(charCount('企业😀a')).toBe(4);
  });

  it('cuts to a byte budget on character boundaries, ellipsis included', () => {
    expect(fitUtf8Bytes('短', 10)).toBe('短');
    const cut = fitUtf8Bytes('企业微信直播', 10);
    expect(cut).toBe('企业…');
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(10);
    expect(fitUtf8Bytes('😀😀😀', 9)).toBe('😀…');
  });
});
