// Cells that need more than a plain value in a file: a percentage is a ratio (0.999) that CSV writes
// as text "99.9%" and Excel keeps as a number shown with the 0.0% format.
export interface PercentCell {
  readonly kind: 'percent';
  /** 0.999 for 99.9% */
  readonly ratio: number;
}

export const percentCell = (ratio: number): PercentCell => ({ kind: 'percent', ratio });

export const isPercentCell = (value: unknown): value is PercentCell =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'percent' &&
  typeof (value as { ratio?: unknown }).ratio === 'number';

/** "99.9%": one decimal, as in Excel's 0.0% format. */
export const percentText = (cell: PercentCell): string => `${(Math.round(cell.ratio * 1000) / 10).toFixed(1)}%`;

/** Excel's number format for percentages. */
export const PERCENT_FORMAT = '0.0%';
