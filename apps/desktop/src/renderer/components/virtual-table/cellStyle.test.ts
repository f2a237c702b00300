// A fixed column is widened to its header's title where the language needs it, never narrowed.
import { describe, expect, it } from 'vitest';
import { widthForTitle } from './cellStyle.ts';

describe('widthForTitle', () => {
  it('widens a column for a long English title and keeps the given width for a short one', () => {
    expect(widthForTitle('Completion', 90)).toBeGreaterThan(110);
    expect(widthForTitle('完成率', 90)).toBe(90);
    expect(widthForTitle('On mic', 70)).toBeGreaterThan(70);
    expect(widthForTitle('连麦', 70)).toBe(70);
  });

  it('leaves room for the sort caret and grows with the font', () => {
    expect(widthForTitle('Watch time', 0, { sortable: true }) - widthForTitle('Watch time', 0)).toBe(18);
    expect(widthForTitle('Completion', 0, { fontSize: 16 })).toBeGreaterThan(widthForTitle('Completion', 0));
  });
});
