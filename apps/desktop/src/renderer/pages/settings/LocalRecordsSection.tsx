// Records that exist only on this PC (message history, app chats, audiences, call log): how many,
// export them, and remove them — a separate, explicit action that always exports first.
import { App, Button, Card, Space, Typography } from 'antd';
import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import { RowCountTable } from './RowCountTable.tsx';

const LOCAL_TABLES = ['sent_messages', 'appchats', 'live_audience', 'api_calls'] as const;

export function LocalRecordsSection() {
  const { t } = useTranslation('settings');
  const { message, modal } = App.useApp();
  const info = useServiceQuery('cache.info', {}, { topics: ['messages', 'appchat', 'lives'] });
  const settings = useSettingsStore((s) => s.settings);
  const active = settings?.profiles.find((p) => p.id === settings.activeProfileId) ?? null;

  const exportRecords = async () => {
    try {
      const { path } = await api.call('cache.exportLocal', {});
      void message.success(t('localRecords.exported', { path }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const remove = () => {
    if (!active) return;
    modal.confirm({
      title: t('localRecords.removeTitle', { name: active.name }),
      content: t('localRecords.removeConfirm'),
      okText: t('localRecords.removeOk'),
      okButtonProps: { danger: true, 'data-testid': 'local-records-remove-ok' },
      onOk: async () => {
        try {
          const { exportPath } = await api.call('cache.clearLocal', { confirmProfileId: active.id });
          void message.success(t('localRecords.removed', { path: exportPath }));
          info.refetch();
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });
  };

  const rows = LOCAL_TABLES.map((table) => ({ table, label: t(`localRecords.tables.${table}`), count: info.data?.rows[table] ?? 0 }));

  return (
    <Card
      title={t('localRecords.title')}
      size="small"
      data-testid="local-records"
      extra={
        <Space>
          <Button size="small" icon={<ExportOutlined />} onClick={() => void exportRecords()} data-testid="local-records-export">
            {t('localRecords.export')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} disabled={!active} onClick={remove} data-testid="local-records-remove">
            {t('localRecords.remove')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('localRecords.help')}</Typography.Paragraph>
      {info.error ? <ErrorAlert error={info.error} onRetry={info.refetch} /> : null}
      <RowCountTable rows={rows} countTestId={(table) => `local-rows-${table}`} />
    </Card>
  );
}
