// Builds an export in the page and hands it to the user as a download (Excel or CSV).
import { buildCsv } from './csv.ts';
import type { ExportColumn } from './csv.ts';
import { downloadBlob } from './download.ts';
import { utcOffsetLabel } from '../../shared/dates.ts';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportRowsInput {
  /** Without extension; one is added for the format (an existing matching one is kept). */
  filename: string;
  format: ExportFormat;
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
  /**
   * Lines written above the table, inside the file: what it is (the live's title), its time with
   * the zone, and when it was exported (see `exportHeading`).
   */
  heading?: readonly string[];
}

/** Characters Windows and macOS refuse in file names. */
export function safeFilename(name: string, format: ExportFormat): string {
  const printable = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'export';
  return base.toLowerCase().endsWith(`.${format}`) ? base : `${base}.${format}`;
}

/** Columns holding times say their zone in the header: "开始时间 (UTC+08:00)". */
export function withTimeZones(columns: ExportColumn[], rows: Record<string, unknown>[]): ExportColumn[] {
  return columns.map((column) => {
    const time = rows.find((row) => row[column.key] instanceof Date)?.[column.key] as Date | undefined;
    return time ? { ...column, title: `${column.title} (${utcOffsetLabel(time.getTime())})` } : column;
  });
}

/** Builds the file's bytes (the download aside): tests read them back. */
export async function exportBlob({ format, columns: plainColumns, rows, heading = [] }: Omit<ExportRowsInput, 'filename'>): Promise<Blob> {
  const columns = withTimeZones(plainColumns, rows);
  if (format === 'csv') return new Blob([buildCsv(columns, rows, heading)], { type: 'text/csv;charset=utf-8' });
  // The xlsx writer is sizeable: load it only when someone exports.
  const { buildXlsx } = await import('./xlsx.ts');
  return buildXlsx(columns, rows, heading);
}

export async function exportRows(input: ExportRowsInput): Promise<void> {
  downloadBlob(await exportBlob(input), safeFilename(input.filename, input.format));
}

export type { ExportColumn };
