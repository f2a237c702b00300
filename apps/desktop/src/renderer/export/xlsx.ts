// An .xlsx sheet: the heading lines (what it is, when, exported when; the first bold), an empty row,
// a bold, frozen header row, then one row per record (numbers stay numbers, dates dates,
// percentages numbers shown as 0.0%). Columns are as wide as their contents, within bounds.
import writeXlsxFile from 'write-excel-file/browser';
import type { Cell, SheetData } from 'write-excel-file/browser';
import { isPercentCell, PERCENT_FORMAT } from './cells.ts';
import { csvCell } from './csv.ts';
import { textWidth } from '../textWidth.ts';
import type { ExportColumn } from './csv.ts';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (isPercentCell(value)) return { value: value.ratio, type: Number, format: PERCENT_FORMAT };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** Each column as wide as its title or widest value (as written), plus a margin. */
export function columnWidths(columns: ExportColumn[], rows: Record<string, unknown>[]): Array<{ width: number }> {
  return columns.map((c) => {
    let widest = textWidth(c.title);
    for (const row of rows.slice(0, 2000)) widest = Math.max(widest, textWidth(String(csvCell(row[c.key]))));
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
  });
}

export function buildSheet(columns: ExportColumn[], rows: Record<string, unknown>[], heading: readonly string[] = []): SheetData {
  const top: SheetData = heading.length > 0
    ? [...heading.map((line, i): Cell[] => [i === 0 ? { value: line, fontWeight: 'bold' } : line]), [null]]
    : [];
  const header: Cell[] = columns.map((c) => ({ value: c.title, fontWeight: 'bold' }));
  return [...top, header, ...rows.map((row) => columns.map((c) => xlsxCell(row[c.key])))];
}

export function buildXlsx(
  columns: ExportColumn[],
  rows: Record<string, unknown>[],
  heading: readonly string[] = [],
  sheet = 'Sheet1',
): Promise<Blob> {
  return writeXlsxFile(buildSheet(columns, rows, heading), {
    sheet: sheet.slice(0, 31),
    columns: columnWidths(columns, rows),
    stickyRowsCount: heading.length > 0 ? heading.length + 2 : 1,
    dateFormat: 'yyyy-mm-dd hh:mm',
  }).toBlob();
}
