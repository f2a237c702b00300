// Exports read back: the CSV as text (BOM, heading, "99.9%"), the XLSX with a workbook reader
// (heading rows, real numbers with the 0.0% format, column widths).
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { percentCell } from './cells.ts';
import { UTF8_BOM } from './csv.ts';
import { exportBlob } from './exportRows.ts';
import { headingTime } from './heading.ts';

const columns = [
  { key: 'name', title: '姓名' },
  { key: 'departmentPath', title: '部门路径' },
  { key: 'watchSeconds', title: '观看时长（秒）' },
  { key: 'completion', title: '完成率' },
];
const rows = [
  { name: '张三', departmentPath: '总公司 / 研发中心 / 平台组', watchSeconds: 3596, completion: percentCell(0.999) },
  { name: '李四', departmentPath: '总公司 / 市场部', watchSeconds: 1800, completion: percentCell(0.5) },
  { name: 'ext', departmentPath: '', watchSeconds: 10, completion: null },
];
const at = Date.UTC(2026, 11, 6, 15, 50);
const heading = ['新员工入职培训（第3期）', `直播时间：${headingTime(at)} 至 ${headingTime(at + 3600_000)}`, `导出时间：${headingTime(at)}`];

describe('CSV export', () => {
  it('is UTF-8 with a BOM, carries the heading, and writes percentages as text', async () => {
    const blob = await exportBlob({ format: 'csv', columns, rows, heading });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(parsed.slice(0, 3).map((r) => r[0])).toEqual(heading);
    expect(parsed[1]?.[0]).toMatch(/\(UTC[+-]\d{2}:\d{2}\)/);
    expect(parsed[3]).toEqual(['']);
    expect(parsed[4]).toEqual(['姓名', '部门路径', '观看时长（秒）', '完成率']);
    expect(parsed[5]).toEqual(['张三', '总公司 / 研发中心 / 平台组', '3596', '99.9%']);
    expect(parsed[6]?.[3]).toBe('50.0%');
    expect(parsed[7]?.[3]).toBe('');
  });
});

describe('XLSX export', () => {
  it('keeps percentages as numbers shown as 0.0%, with the heading on top and widths set', async () => {
    const blob = await exportBlob({ format: 'xlsx', columns, rows, heading });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await blob.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect([1, 2, 3].map((r) => sheet.getCell(r, 1).value)).toEqual(heading);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.getRow(5).values).toEqual([undefined, '姓名', '部门路径', '观看时长（秒）', '完成率']);
    const completion = sheet.getCell(6, 4);
    expect(completion.value).toBe(0.999);
    expect(completion.numFmt).toBe('0.0%');
    expect(sheet.getCell(7, 4).value).toBe(0.5);
    expect(sheet.getCell(7, 4).numFmt).toBe('0.0%');
    expect(sheet.getCell(6, 3).value).toBe(3596);
    // the path column is as wide as its longest path (CJK counts double), the name column narrower
    const width = (c: number) => sheet.getColumn(c).width ?? 0;
    expect(width(2)).toBeGreaterThanOrEqual(26);
    expect(width(1)).toBeLessThan(width(2));
    // the header row stays in view while scrolling
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  });
});
