// Export one of the overview's tables or series to Excel or CSV.
import { useState } from 'react';
import { App, Button, Select, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fileDay } from '../../../shared/dates.ts';
import { exportRows } from '../../export/exportRows.ts';
import type { ExportFormat } from '../../export/exportRows.ts';
import { errorText } from '../../errors.ts';
import { EXPORT_DATASETS, exportTable } from './statisticsExport.ts';
import type { ExportDataset } from './statisticsExport.ts';
import type { Overview } from './types.ts';

export function StatisticsExport({ overview, from, to }: { overview: Overview | undefined; from: number; to: number }) {
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
      await exportRows({ filename: `${t(`export.datasets.${dataset}`)}_${range}`, format, ...table });
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
