import { describe, expect, it } from 'vitest';
import { decimalText, percentText } from './decimal-format.ts';

const LANGUAGES = ['zh-CN', 'en-US'] as const;
const formats = new Map<string, Intl.NumberFormat>();
const intl = (key: string, make: () => Intl.NumberFormat) =>
  formats.get(key) ?? formats.set(key, make()).get(key)!;
const intlNumber = (lang: string, value: number, digits: number) =>
  intl(`${lang}|n|${digits}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: digits })).format(
    value,
  );
const intlPercent = (lang: string, value: number, digits: number) =>
  intl(
    `${lang}|p|${digits}`,
    () =>
      new Intl.NumberFormat(lang, {
        style: 'percent',
        minimumFractionDigits: 0,
        maximumFractionDigits: digits,
      }),
  ).format(value);

/** A deterministic spread of doubles: integers, halves, ties in decimal, tiny and huge magnitudes. */
function samples(): number[] {
  const out = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    1.005,
    2.675,
    0.0145,
    0.125,
    0.995,
    9.995,
    99.95,
    999.5,
    999_999.5,
    0.05,
    0.049,
    1e-7,
    1.5e-7,
    5e-7,
    1e21,
    1.5e21,
    123_456_789.987,
    1234.5678,
    -1234.5678,
    0.0001,
    0.00049,
    0.0005,
    1 / 3,
    2 / 3,
    Number.MAX_SAFE_INTEGER,
    1e15 + 0.3,
  ];
  let seed = 20_261_205;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < 4000; i++) {
    const magnitude = 10 ** Math.floor(random() * 16 - 6);
    const value = random() * magnitude * (random() < 0.2 ? -1 : 1);
    out.push(
      value,
      Math.round(value * 1000) / 1000,
      Math.round(value) + 0.5,
      Math.round(value * 100) / 100 + 0.005,
    );
  }
  return out;
}

describe('decimal-format writes what Intl.NumberFormat writes', () => {
  const values = samples();
  for (const lang of LANGUAGES) {
    for (const digits of [0, 1, 2, 3]) {
      it(`numbers, ${lang}, up to ${digits} places`, () => {
        const differences = values.filter((v) => decimalText(v, digits) !== intlNumber(lang, v, digits));
        expect(
          differences.slice(0, 5).map((v) => [v, decimalText(v, digits), intlNumber(lang, v, digits)]),
        ).toEqual([]);
      });
      it(`percents, ${lang}, up to ${digits} places`, () => {
        const ratios = values.map((v) => v / 1000);
        const differences = ratios.filter((v) => percentText(v, digits) !== intlPercent(lang, v, digits));
        expect(
          differences.slice(0, 5).map((v) => [v, percentText(v, digits), intlPercent(lang, v, digits)]),
        ).toEqual([]);
      });
    }
  }

  it('reads as people expect', () => {
    expect(decimalText(1_234_567, 0)).toBe('1,234,567');
    expect(decimalText(1.005, 2)).toBe('1.01');
    expect(decimalText(999.96, 1)).toBe('1,000');
    expect(percentText(0.853, 1)).toBe('85.3%');
    expect(percentText(0.0145, 1)).toBe('1.5%');
    expect(percentText(1, 1)).toBe('100%');
  });
});
