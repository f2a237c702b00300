// "Export Excel" / "Export CSV" for a whole data set: loads every row (with progress and Cancel), then
// builds the file in the page. The progress dialog opens only when the export is still running after
// PROGRESS_DELAY_MS: a one-page export flashed it open and shut, at 0 %.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Modal, Progress, Space, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportColumn, ExportFormat } from '../export/exportRows.ts';
import type { CollectProgress } from '../export/collectPages.ts';
import { errorText, toServiceError } from '../errors.ts';
import { formatNumber } from '../format.ts';

/** How long an export runs before its progress dialog opens (the clicked button spins meanwhile). */
export const PROGRESS_DELAY_MS = 400;

export type ExportLoader = (
  signal: AbortSignal,
  onProgress: (p: CollectProgress) => void,
) => Promise<Record<string, unknown>[]>;

export interface ExportButtonsProps {
  filename: string;
  columns: ExportColumn[];
  load: ExportLoader;
  disabled?: boolean;
  size?: 'small' | 'middle' | 'large';
  /** Lines written at the top of the file (title, time, export time), made when exporting. */
  heading?: () => readonly string[];
}

export function ExportButtons({ filename, columns, load, disabled, size, heading }: ExportButtonsProps) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [progress, setProgress] = useState<CollectProgress | null>(null);
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (running === null) return;
    const timer = setTimeout(() => setDialogOpen(true), PROGRESS_DELAY_MS);
    return () => {
      clearTimeout(timer);
      setDialogOpen(false);
    };
  }, [running]);

  const run = async (format: ExportFormat) => {
    const ac = new AbortController();
    controller.current = ac;
    setRunning(format);
    setProgress({ done: 0, total: null });
    try {
      const rows = await load(ac.signal, setProgress);
      ac.signal.throwIfAborted();
      // the file builders (CSV, Excel) load when a file is asked for, not with the page
      const { exportRows } = await import('../export/exportRows.ts');
      await exportRows({ filename, format, columns, rows, heading: heading?.() ?? [] });
      void message.success(t('export.done', { count: rows.length }));
    } catch (e) {
      const err = toServiceError(e);
      if (err.kind === 'cancelled' || ac.signal.aborted) void message.info(t('export.cancelled'));
      else void message.error(`${t('export.failed')}: ${errorText(err)}`);
    } finally {
      controller.current = null;
      setProgress(null);
      setRunning(null);
    }
  };

  const busy = running !== null;
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <>
      <Space.Compact>
        <Button
          size={size}
          icon={<FileExcelOutlined />}
          disabled={disabled || (busy && running !== 'xlsx')}
          loading={running === 'xlsx'}
          data-testid="export-xlsx"
          onClick={() => void run('xlsx')}
        >
          {t('actions.exportXlsx')}
        </Button>
        <Button
          size={size}
          icon={<FileTextOutlined />}
          disabled={disabled || (busy && running !== 'csv')}
          loading={running === 'csv'}
          data-testid="export-csv"
          onClick={() => void run('csv')}
        >
          {t('actions.exportCsv')}
        </Button>
      </Space.Compact>
      <Modal
        open={busy && dialogOpen}
        title={t('actions.export')}
        closable={false}
        keyboard={false}
        mask={{ closable: false }}
        footer={
          <Button data-testid="export-cancel" onClick={() => controller.current?.abort()}>
            {t('actions.cancel')}
          </Button>
        }
      >
        <div data-testid="export-progress" aria-live="polite">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {t('export.progress', {
              done: formatNumber(progress?.done ?? 0),
              total: progress?.total === null || progress?.total === undefined ? '…' : formatNumber(progress.total),
            })}
          </Typography.Text>
        </div>
      </Modal>
    </>
  );
}

export default ExportButtons;
