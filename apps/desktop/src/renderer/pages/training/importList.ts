// Reads an imported learner list: the first column of an .xlsx sheet, or of a CSV / text file, one
// userid or name per row. A first row that is a heading (账号, 姓名, userid, name…) is skipped.
import Papa from 'papaparse';

const HEADINGS = /^(userid|user id|账号|帐号|成员账号|姓名|name|names|成员|学员)$/i;

function firstColumn(rows: unknown[][]): string[] {
  const cells = rows.map((row) => (row[0] === null || row[0] === undefined ? '' : String(row[0]).trim()));
  if (cells.length > 0 && HEADINGS.test(cells[0] ?? '')) cells.shift();
  return cells.filter((cell) => cell !== '');
}

export async function readLearnerList(file: Blob & { name: string }): Promise<string[]> {
  if (/\.xlsx$/i.test(file.name)) {
    // the reader is sizeable: load it only when someone imports
    const { readSheet } = await import('read-excel-file/universal');
    return firstColumn(await readSheet(await file.arrayBuffer()));
  }
  const text = await file.text();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return firstColumn(parsed.data);
}
