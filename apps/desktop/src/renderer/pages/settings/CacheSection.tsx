// The local cache: where it is, how big, how many rows per table, exporting it, and clearing what a
// sync can give back (with a confirmation that names what goes and what stays).
import { App, Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatBytes, formatNumber } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { errorText } from '../../errors.ts';
import { RowCountTable } from './RowCountTable.tsx';

export function CacheSection() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const info = useServiceQuery('cache.info', {}, { topics: ['org', 'users', 'lives', 'watch', 'messages', 'appchat'] });
  const [clearing, setClearing] = useState(false);

  const clear = async () => {
    setClearing(true);
    try {
      const report = await api.call('cache.clear', {});
      const sum = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);
      void message.success(t('cache.cleared', { cleared: formatNumber(sum(report.cleared)), kept: formatNumber(sum(report.kept)) }));
      info.refetch();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setClearing(false);
    }
  };

  const exportProfile = async () => {
    try {
      const { path } = await api.call('profileData.export', {});
      void message.success(t('cache.exported', { path }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  // what "Clear the cache" empties; the local-only tables are listed (and removed) in their own card
  const localOnly = new Set(info.data?.localOnly ?? []);
  const rows = Object.entries(info.data?.rows ?? {})
    .filter(([table]) => !localOnly.has(table))
    .map(([table, count]) => ({ table, count }));

  return (
    <Card title={t('cache.title')} size="small">
      {/* the actions in the body, not beside the title: at 1024 px they took the whole header and the title was cut to nothing */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button size="small" icon={<ReloadOutlined />} onClick={info.refetch} aria-label={t('common:actions.refresh')} />
        <Button size="small" icon={<ExportOutlined />} onClick={() => void exportProfile()} data-testid="profile-export">
          {t('cache.exportProfile')}
        </Button>
        <Popconfirm
          title={t('cache.clearConfirmTitle')}
          description={t('cache.clearConfirm')}
          okButtonProps={{ danger: true }}
          onConfirm={() => clear()}
        >
          <Button size="small" danger icon={<DeleteOutlined />} loading={clearing} data-testid="cache-clear">
            {t('cache.clear')}
          </Button>
        </Popconfirm>
      </Space>
      {info.error ? <ErrorAlert error={info.error} onRetry={info.refetch} /> : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'path',
            label: t('cache.path'),
            children: info.data ? <Typography.Text copyable code>{info.data.path}</Typography.Text> : '–',
          },
          {
            key: 'size',
            label: t('cache.size'),
            children: <span data-testid="cache-size">{info.data ? formatBytes(info.data.bytes) : '–'}</span>,
          },
        ]}
      />
      {rows.length > 0 ? (
        <RowCountTable rows={rows} style={{ marginTop: 8 }} />
      ) : null}
    </Card>
  );
}
