// Records that exist only on this PC (message history, app chats, audiences, notices and reminders,
// training records, call log): how many, export them, and remove them — a separate, explicit action
// that always exports first. The tables are the services' list (cache.info's localOnly).
import { App, Button, Card, Space, Typography } from 'antd';
import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import { RowCountTable } from './RowCountTable.tsx';

export function LocalRecordsSection() {
  const { t } = useTranslation('settings');
  const { message, modal } = App.useApp();
  const info = useServiceQuery('cache.info', {}, { topics: ['messages', 'appchat', 'lives', 'notices', 'training'] });
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

  const rows = (info.data?.localOnly ?? []).map((table) => ({
    table,
    label: t(`localRecords.tables.${table}`, { defaultValue: table }),
    count: info.data?.rows[table] ?? 0,
  }));

  return (
    <Card title={t('localRecords.title')} size="small" data-testid="local-records">
      {/* the actions in the body, not beside the title: at 1024 px they took the whole header */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button size="small" icon={<ExportOutlined />} onClick={() => void exportRecords()} data-testid="local-records-export">
          {t('localRecords.export')}
        </Button>
        <Button size="small" danger icon={<DeleteOutlined />} disabled={!active} onClick={remove} data-testid="local-records-remove">
          {t('localRecords.remove')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('localRecords.help')}</Typography.Paragraph>
      {info.error ? <ErrorAlert error={info.error} onRetry={info.refetch} /> : null}
      <RowCountTable rows={rows} countTestId={(table) => `local-rows-${table}`} />
    </Card>
  );
}
