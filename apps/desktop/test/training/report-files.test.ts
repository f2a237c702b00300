// The learner report's .xlsx read back: title and period inside, department paths, completion as a
// number with the 0.0% format; and imported learner lists (xlsx and CSV) read to their first column.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/universal';
import type { LearnerReport } from '../../src/shared/training.ts';
import { buildReportXlsx, PERCENT_FORMAT, type ReportLabels } from '../../src/renderer/pages/training/reportXlsx.ts';
import { readLearnerList } from '../../src/renderer/pages/training/importList.ts';

const report: LearnerReport = {
  from: 1_793_500_000,
  to: 1_796_000_000,
  lives: [{ livingid: 'A', theme: '新员工入职培训（第1期）', livingStart: 1_793_930_400, ended: true }],
  rows: [
    { userid: 'zhangsan', name: '张三丰', departmentPath: '总公司 / 研发中心 / 平台组', required: 2, attended: 2, completed: 2, completionRate: 1 },
    { userid: 'lisi', name: '李四', departmentPath: '总公司 / 研发中心 / 客户端组', required: 3, attended: 2, completed: 1, completionRate: 1 / 3 },
    { userid: 'wangfang', name: '王芳', departmentPath: '总公司 / 研发中心 / 客户端组', required: 1, attended: 0, completed: 0, completionRate: null },
  ],
  byDepartment: [{ departmentPath: '总公司 / 研发中心 / 客户端组', learners: 2, required: 4, attended: 2, completed: 1, completionRate: 0.5 }],
};

const labels: ReportLabels = {
  title: '学员报表',
  range: '时段：2026-11-01 至 2026-12-01',
  scope: '范围：新员工入职培训',
  learnerSheet: '学员',
  departmentSheet: '部门',
  columns: { name: '姓名', userid: '账号', department: '部门', required: '应参加', attended: '参加', completed: '完成', rate: '完成率' },
};

describe('learner report xlsx', () => {
  it('carries the title and dates, paths, and completion formatted as 0.0%', async () => {
    const bytes = Buffer.from(await (await buildReportXlsx(report, labels)).arrayBuffer());
    const sheet = await readSheet(bytes);
    expect(sheet[0]?.[0]).toBe('学员报表');
    expect(sheet[1]?.[0]).toBe('时段：2026-11-01 至 2026-12-01');
    expect(sheet[2]?.[0]).toBe('范围：新员工入职培训');
    const header = sheet.findIndex((row) => row[0] === '姓名');
    expect(sheet[header]).toEqual(['姓名', '账号', '部门', '应参加', '参加', '完成', '完成率']);
    expect(sheet[header + 1]).toEqual(['张三丰', 'zhangsan', '总公司 / 研发中心 / 平台组', 2, 2, 2, 1]);
    expect(sheet[header + 2]?.[6]).toBeCloseTo(1 / 3, 10);
    expect(sheet[header + 3]?.[6]).toBeNull();

    // the cells of the rate column use a style whose number format is 0.0%
    const files = unzipSync(new Uint8Array(bytes));
    const styles = strFromU8(files['xl/styles.xml']!);
    const numFmt = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"/g)].find((m) => m[2] === PERCENT_FORMAT);
    expect(numFmt).toBeDefined();
    const cellXfs = styles.slice(styles.indexOf('<cellXfs'), styles.indexOf('</cellXfs>'));
    const xfs = [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? null);
    const percentStyles = new Set(xfs.flatMap((id, index) => (id === numFmt![1] ? [String(index)] : [])));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const rateCell = new RegExp(`<c r="G${header + 2}"[^>]* s="(\\d+)"`).exec(sheetXml);
    expect(rateCell && percentStyles.has(rateCell[1]!)).toBe(true);

    const departments = await readSheet(bytes, 2);
    expect(departments.at(-1)).toEqual(['总公司 / 研发中心 / 客户端组', 4, 2, 1, 0.5]);
  });
});

describe('imported learner lists', () => {
  it('reads the first column of an xlsx, skipping a heading', async () => {
    const blob = await writeXlsxFile([['姓名', '备注'], ['张三丰', 'x'], ['zhao.liu', null], [null, 'y'], [' 王芳 ', null]]).toBlob();
    const file = Object.assign(blob, { name: '名单.xlsx' });
    expect(await readLearnerList(file)).toEqual(['张三丰', 'zhao.liu', '王芳']);
  });

  it('reads a CSV (with a BOM) and plain lists', async () => {
    const csv = Object.assign(new Blob(['\uFEFFuserid,name\nzhangsan,张三丰\n\nlisi,李四\n']), { name: 'list.csv' });
    expect(await readLearnerList(csv)).toEqual(['zhangsan', 'lisi']);
    const text = Object.assign(new Blob(['王芳\n赵六\n']), { name: 'list.txt' });
    expect(await readLearnerList(text)).toEqual(['王芳', '赵六']);
  });
});
