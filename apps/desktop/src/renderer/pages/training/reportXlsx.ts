// The learner report as an .xlsx: the title and the period inside the file, a bold header, one row
// per learner, completion as a real percentage (number format 0.0%), a sheet per department too.
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, SheetData } from 'write-excel-file/universal';
import type { LearnerReport } from '../../../shared/training.ts';

export const PERCENT_FORMAT = '0.0%';

export interface ReportLabels {
  title: string;
  /** e.g. "时段：2026-11-01 至 2026-11-30" */
  range: string;
  /** e.g. "范围：新员工入职培训 · 研发中心" ('' when the whole corp) */
  scope: string;
  learnerSheet: string;
  departmentSheet: string;
  columns: { name: string; userid: string; department: string; required: string; attended: string; completed: string; rate: string };
}

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const percent = (ratio: number | null): Cell => (ratio === null ? null : { value: ratio, type: Number, format: PERCENT_FORMAT });

function heading(labels: ReportLabels): SheetData {
  return [[{ value: labels.title, fontWeight: 'bold', fontSize: 14 }], [labels.range], ...(labels.scope ? [[labels.scope]] : []), []];
}

export function learnerSheet(report: LearnerReport, labels: ReportLabels): SheetData {
  const c = labels.columns;
  return [
    ...heading(labels),
    [bold(c.name), bold(c.userid), bold(c.department), bold(c.required), bold(c.attended), bold(c.completed), bold(c.rate)],
    ...report.rows.map((r): Cell[] => [r.name, r.userid, r.departmentPath, r.required, r.attended, r.completed, percent(r.completionRate)]),
  ];
}

export function departmentSheet(report: LearnerReport, labels: ReportLabels): SheetData {
  const c = labels.columns;
  return [
    ...heading(labels),
    [bold(c.department), bold(c.required), bold(c.attended), bold(c.completed), bold(c.rate)],
    ...report.byDepartment.map((d): Cell[] => [d.departmentPath, d.required, d.attended, d.completed, percent(d.completionRate)]),
  ];
}

export function buildReportXlsx(report: LearnerReport, labels: ReportLabels): Promise<Blob> {
  return writeXlsxFile([
    { data: learnerSheet(report, labels), sheet: labels.learnerSheet.slice(0, 31), columns: [14, 18, 36, 10, 10, 10, 12].map((width) => ({ width })) },
    { data: departmentSheet(report, labels), sheet: labels.departmentSheet.slice(0, 31), columns: [40, 10, 10, 10, 12].map((width) => ({ width })) },
  ]).toBlob();
}
