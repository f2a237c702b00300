import { afterEach, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { buildCsv, UTF8_BOM } from './csv.ts';
import { exportRows, safeFilename } from './exportRows.ts';

const columns = [
  { key: 'name', title: '姓名' },
  { key: 'department', title: '部门' },
  { key: 'watch', title: '观看时长（秒）' },
  { key: 'comment', title: '评论' },
];

describe('buildCsv', () => {
  it('starts with a UTF-8 BOM, uses the titles as header and CRLF line ends', () => {
    const csv = buildCsv(columns, [
      { name: '张三', department: '研发部', watch: 3600, comment: true },
      { name: 'Li Si', department: null, watch: 0, comment: false },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('姓名,部门,观看时长（秒）,评论\r\n张三,研发部,3600,true\r\nLi Si,,0,false\r\n');
  });

  it('quotes commas, quotes and new lines so the file parses back to the same cells', () => {
    const tricky = { name: '王, "五"', department: '销售\n华东', watch: 12, comment: false };
    const csv = buildCsv(columns, [tricky]);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' });
    expect(parsed.data[1]).toEqual(['王, "五"', '销售\n华东', '12', 'false']);
  });

  it('escapes cells that Excel would run as a formula', () => {
    const csv = buildCsv([{ key: 'name', title: 'name' }], [{ name: '=HYPERLINK("http://x")' }, { name: '@SUM(1)' }]);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toBe(`"'@SUM(1)"`);
  });
});

describe('exportRows', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads a CSV blob under a safe file name', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    await exportRows({ filename: '观看统计: 新员工/培训', format: 'csv', columns, rows: [{ name: '张三', department: '研发部', watch: 60, comment: false }] });

    expect(clicked).toEqual([{ href: 'blob:test', download: '观看统计_ 新员工_培训.csv' }]);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, as UTF-8
    expect(new TextDecoder().decode(bytes)).toContain('张三,研发部,60,false');
  });

  it('names files with the right extension once', () => {
    expect(safeFilename('report', 'xlsx')).toBe('report.xlsx');
    expect(safeFilename('report.CSV', 'csv')).toBe('report.CSV');
    expect(safeFilename('  ', 'csv')).toBe('export.csv');
  });
});

describe('exported times state their zone', () => {
  it('adds the zone to the header of a column holding times, and only there', async () => {
    const { withTimeZones } = await import('./exportRows.ts');
    const { utcOffsetLabel } = await import('../../shared/dates.ts');
    const at = new Date(Date.UTC(2026, 11, 6, 15, 50));
    const columns = withTimeZones(
      [
        { key: 'name', title: '姓名' },
        { key: 'at', title: '开始时间' },
      ],
      [{ name: '张三', at }],
    );
    expect(columns.map((c) => c.title)).toEqual(['姓名', `开始时间 (${utcOffsetLabel(at.getTime())})`]);
    expect(utcOffsetLabel(at.getTime())).toMatch(/^UTC[+-]\d{2}:\d{2}$/);
  });
});
