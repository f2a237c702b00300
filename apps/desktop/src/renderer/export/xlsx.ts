// An .xlsx sheet: a bold, frozen header row, then one row per record (numbers stay numbers, dates dates).
import writeXlsxFile from 'write-excel-file/browser';
import type { Cell, SheetData } from 'write-excel-file/browser';
import type { ExportColumn } from './csv.ts';

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

export function buildSheet(columns: ExportColumn[], rows: Record<string, unknown>[]): SheetData {
  const header: Cell[] = columns.map((c) => ({ value: c.title, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => xlsxCell(row[c.key])))];
}

export function buildXlsx(columns: ExportColumn[], rows: Record<string, unknown>[], sheet = 'Sheet1'): Promise<Blob> {
  const widths = columns.map((c) => ({ width: Math.min(60, Math.max(10, c.title.length * 2 + 4)) }));
  return writeXlsxFile(buildSheet(columns, rows), {
    sheet: sheet.slice(0, 31),
    columns: widths,
    stickyRowsCount: 1,
    dateFormat: 'yyyy-mm-dd hh:mm',
  }).toBlob();
}
