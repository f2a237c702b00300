// Display width of text in "character cells": CJK and full-width characters take two (as in Excel's
// column widths and a chart's axis labels).
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/**
 * A label that fits `maxWidth` cells: cut in the middle, so both ends stay ("鼎盛实业集团有…（直属）").
 * Text with spaces is left whole (a chart wraps it at the spaces).
 */
export function fitLabel(text: string, maxWidth: number): string {
  if (/\s/.test(text) || textWidth(text) <= maxWidth) return text;
  const chars = [...text];
  const tail: string[] = [];
  const tailBudget = Math.floor((maxWidth - 1) / 2.5);
  while (chars.length > 0 && textWidth(tail.join('') + (chars.at(-1) ?? '')) <= tailBudget) tail.unshift(chars.pop() ?? '');
  const head: string[] = [];
  for (const ch of chars) {
    if (textWidth(head.join('') + ch) > maxWidth - 1 - textWidth(tail.join(''))) break;
    head.push(ch);
  }
  return `${head.join('')}…${tail.join('')}`;
}
