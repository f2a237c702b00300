// Numbers as Intl.NumberFormat writes them in the app's two languages (zh-CN, en-US: grouping ',' by
// thousands, '.', '%' with no space), without Intl: the first Intl.NumberFormat of a window loads ICU's
// number data, 15–20 ms on the main thread, and home's figures are the first numbers of every start.
// Rounding is Intl's default (half away from zero) on the shortest decimal form of the double, the way
// ICU reads it (1.005 → 1.01, where toFixed gives 1.00). decimal-format.test.ts holds it to Intl.

/** value = 0.digits × 10^point; digits has no leading zero (empty for 0). */
interface Decimal {
  digits: string;
  point: number;
}

function shortestDecimal(magnitude: number): Decimal {
  const [mantissa = '0', exponent = '0'] = String(magnitude).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const all = whole + fraction;
  const leadingZeros = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leadingZeros).replace(/0+$/, '');
  return digits === ''
    ? { digits, point: 0 }
    : { digits, point: whole.length + Number(exponent) - leadingZeros };
}

/** Rounds half away from zero to `fractionDigits` places. */
function rounded({ digits, point }: Decimal, fractionDigits: number): Decimal {
  const keep = point + fractionDigits;
  if (keep >= digits.length) return { digits, point };
  if (keep < 0 || digits[keep]! < '5') {
    const kept = keep < 0 ? '' : digits.slice(0, keep).replace(/0+$/, '');
    return kept === '' ? { digits: '', point: 0 } : { digits: kept, point };
  }
  // round up: add one at the last kept place; trailing nines become zeros (dropped), all nines carry
  const prefix = digits.slice(0, keep).replace(/9+$/, '');
  if (prefix === '') return { digits: '1', point: point + 1 };
  return { digits: prefix.slice(0, -1) + String(Number(prefix[prefix.length - 1]) + 1), point };
}

function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function written(value: number, fractionDigits: number, shift: number): string {
  const negative = value < 0 || Object.is(value, -0);
  const exact = shortestDecimal(Math.abs(value));
  const { digits, point } =
    exact.digits === ''
      ? exact
      : rounded({ digits: exact.digits, point: exact.point + shift }, fractionDigits);
  const integer = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  const fraction = (point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped(integer)}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Like `new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value)` for a finite value. */
export function decimalText(value: number, maximumFractionDigits: number): string {
  return written(value, maximumFractionDigits, 0);
}

/**
 * A value written into a sentence as "{{name, number}}" (by i18next, and by the launcher's small
 * translator): a finite number grouped by thousands, up to 3 decimals; anything else as text.
 */
export function sentenceNumber(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? decimalText(value, 3) : String(value ?? '');
}

/** Like Intl's `style: 'percent'` with 0…`maximumFractionDigits` places: 0.853 → '85.3%'. */
export function percentText(ratio: number, maximumFractionDigits: number): string {
  return `${written(ratio, maximumFractionDigits, 2)}%`;
}
