// CSV for Excel: a UTF-8 BOM so 中文 opens right, CRLF line ends, and cells that would start a formula
// (=, +, -, @) escaped so a name like "=HYPERLINK(…)" stays text.
import Papa from 'papaparse';
import { isPercentCell, percentText } from './cells.ts';

export interface ExportColumn {
  key: string;
  title: string;
}

export const UTF8_BOM = '\uFEFF';

/** A cell as plain text/number for CSV. Dates become local 'YYYY-MM-DD HH:mm:ss'. */
export function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isPercentCell(value)) return percentText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
  }
  if (Array.isArray(value)) return value.map((v) => String(csvCell(v))).join(', ');
  return JSON.stringify(value);
}

/**
 * The file: the heading lines first (what it is, when, exported when), one cell each, and an empty
 * line; then the column titles and the rows.
 */
export function buildCsv(columns: ExportColumn[], rows: Record<string, unknown>[], heading: readonly string[] = []): string {
  const options = { newline: '\r\n', escapeFormulae: true } as const;
  const top = heading.length > 0 ? `${Papa.unparse([...heading.map((line) => [line]), ['']], options)}\r\n` : '';
  const body = Papa.unparse(
    {
      fields: columns.map((c) => c.title),
      data: rows.map((row) => columns.map((c) => csvCell(row[c.key]))),
    },
    options,
  );
  return `${UTF8_BOM}${top}${body}\r\n`;
}
