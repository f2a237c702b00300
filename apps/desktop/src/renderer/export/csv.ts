// CSV for Excel: a UTF-8 BOM so 中文 opens right, CRLF line ends, and cells that would start a formula
// (=, +, -, @) escaped so a name like "=HYPERLINK(…)" stays text.
import Papa from 'papaparse';

export interface ExportColumn {
  key: string;
  title: string;
}

export const UTF8_BOM = '\uFEFF';

/** A cell as plain text/number for CSV. Dates become local 'YYYY-MM-DD HH:mm:ss'. */
export function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
  }
  if (Array.isArray(value)) return value.map((v) => String(csvCell(v))).join(', ');
  return JSON.stringify(value);
}

export function buildCsv(columns: ExportColumn[], rows: Record<string, unknown>[]): string {
  const body = Papa.unparse(
    {
      fields: columns.map((c) => c.title),
      data: rows.map((row) => columns.map((c) => csvCell(row[c.key]))),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `${UTF8_BOM}${body}\r\n`;
}
