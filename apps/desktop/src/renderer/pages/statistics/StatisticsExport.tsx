// Export one of the overview's tables or series to Excel or CSV.
import { useState } from 'react';
import { App, Button, Select, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileDay } from '../../../shared/dates.ts';
import type { ExportFormat } from '../../export/exportRows.ts';
import { errorText } from '../../errors.ts';
import { now as clockNow } from '@wld/clock';
import type { Department } from '../../../shared/models.ts';
import { useStatisticsStore } from '../../stores/statistics.ts';
import { EXPORT_DATASETS, exportHeading, exportTable } from './statisticsExport.ts';
import type { ExportDataset } from './statisticsExport.ts';
import type { Overview } from './types.ts';

/** "总公司 / 研发中心": a department's path from the org list. */
function pathOf(departments: readonly Department[], id: number | null): string | null {
  if (id === null) return null;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const names: string[] = [];
  for (let d = byId.get(id); d && names.length < 64; d = byId.get(d.parentId)) names.unshift(d.name);
  return names.length > 0 ? names.join(' / ') : null;
}

export function StatisticsExport({
  overview,
  from,
  to,
  departments,
}: {
  overview: Overview | undefined;
  from: number;
  to: number;
  departments: readonly Department[];
}) {
  const filters = useStatisticsStore((s) => s.filters);
  const { t } = useTranslation('statistics');
  const { message } = App.useApp();
  const [dataset, setDataset] = useState<ExportDataset>('topLives');
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    if (!overview) return;
    setBusy(format);
    try {
      const table = exportTable(overview, dataset, t);
      const range = `${fileDay(from * 1000)}-${fileDay(to * 1000)}`;
      const heading = exportHeading(dataset, filters, pathOf(departments, filters.departmentId), t, clockNow());
      // the file builders (CSV, Excel) load when a file is asked for, not with the page
      const { exportRows } = await import('../../export/exportRows.ts');
      await exportRows({ filename: `${t(`export.datasets.${dataset}`)}_${range}`, format, ...table, heading });
      void message.success(t('common:export.done', { count: table.rows.length }));
    } catch (e) {
      void message.error(`${t('common:export.failed')}: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space.Compact>
      <Select<ExportDataset>
        value={dataset}
        onChange={setDataset}
        style={{ width: 170 }}
        aria-label={t('export.dataset')}
        data-testid="stats-export-dataset"
        options={EXPORT_DATASETS.map((d) => ({ value: d, label: t(`export.datasets.${d}`) }))}
      />
      <Button icon={<FileExcelOutlined />} disabled={!overview} loading={busy === 'xlsx'} onClick={() => void run('xlsx')} data-testid="export-xlsx">
        {t('common:actions.exportXlsx')}
      </Button>
      <Button icon={<FileTextOutlined />} disabled={!overview} loading={busy === 'csv'} onClick={() => void run('csv')} data-testid="export-csv">
        {t('common:actions.exportCsv')}
      </Button>
    </Space.Compact>
  );
}
