// Reads an imported learner list: the first column of an .xlsx sheet, or of a CSV / text file, one
// userid or name per row. A first row that is a heading (账号, 姓名, userid, name…) is skipped.
// A CSV saved by Excel on a Chinese Windows is in GB18030 (GBK), not UTF-8: text that is not valid
// UTF-8 is read as GB18030, so its names match instead of all coming back "not matched".
// A file that cannot be a list of learners is refused before anything is asked of the services,
// with what to do about it (ImportRefusal).
import Papa from 'papaparse';
import { MAX_LEARNER_ENTRY_CHARS, MAX_REQUIRED_USERIDS } from '../../../shared/training.ts';

const HEADINGS = /^(userid|user id|账号|帐号|成员账号|姓名|name|names|成员|学员)$/i;

/** A list of 20,000 names is well under 1 MB: anything past this is not a learner list. */
export const MAX_LIST_BYTES = 10 * 1024 * 1024;

export type ImportRefusal =
  | { reason: 'type'; name: string }
  | { reason: 'size'; bytes: number }
  | { reason: 'rows'; count: number; max: number }
  | { reason: 'cell'; row: number; chars: number };

/** Thrown by readLearnerList for a file that cannot be a list of learners. */
export class ImportRefused extends Error {
  readonly refusal: ImportRefusal;
  constructor(refusal: ImportRefusal) {
    super(`learner list refused: ${refusal.reason}`);
    this.refusal = refusal;
  }
}

function firstColumn(rows: unknown[][]): string[] {
  const cells = rows.map((row) => (row[0] === null || row[0] === undefined ? '' : String(row[0]).trim()));
  const headed = cells.length > 0 && HEADINGS.test(cells[0] ?? '');
  if (headed) cells.shift();
  const long = cells.findIndex((cell) => cell.length > MAX_LEARNER_ENTRY_CHARS);
  // rows counted as a spreadsheet shows them, the heading included
  if (long >= 0) throw new ImportRefused({ reason: 'cell', row: long + 1 + (headed ? 1 : 0), chars: cells[long]!.length });
  const entries = cells.filter((cell) => cell !== '');
  if (entries.length > MAX_REQUIRED_USERIDS) throw new ImportRefused({ reason: 'rows', count: entries.length, max: MAX_REQUIRED_USERIDS });
  return entries;
}

/** UTF-8 (a BOM dropped), or GB18030 where the bytes are not UTF-8. */
function decodeListText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readLearnerList(file: Blob & { name: string }): Promise<string[]> {
  const kind = /\.xlsx$/i.test(file.name) ? 'xlsx' : /\.(csv|txt)$/i.test(file.name) ? 'text' : null;
  if (kind === null) throw new ImportRefused({ reason: 'type', name: file.name });
  if (file.size > MAX_LIST_BYTES) throw new ImportRefused({ reason: 'size', bytes: file.size });
  if (kind === 'xlsx') {
    // the reader is sizeable: load it only when someone imports
    const { readSheet } = await import('read-excel-file/universal');
    return firstColumn(await readSheet(await file.arrayBuffer()));
  }
  // blank lines kept (and dropped by firstColumn), so a refusal's row number is the file's line
  const parsed = Papa.parse<string[]>(decodeListText(await file.arrayBuffer()), { skipEmptyLines: false });
  return firstColumn(parsed.data);
}
