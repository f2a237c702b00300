// The training series: a table of those kept, a new one by name, and suggestions from lives whose
// themes differ only by a session number.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, List, Modal, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COMPLETION_THRESHOLD, type SeriesSummary } from '../../../shared/training.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { formatDate, formatPercent } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';

export function SeriesList() {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useServiceQuery('training.seriesList', {}, { topics: ['training', 'lives'] });
  const suggestions = useServiceQuery('training.seriesSuggestions', {}, { topics: ['training', 'lives'] });
  const [naming, setNaming] = useState<{ name: string; livingids: string[] } | null>(null);
  const saving = useSingleFlight();

  // Enter and the OK button both create; a second press while the first is on its way does nothing
  const create = () =>
    saving.run(async () => {
      const name = naming?.name.trim();
      if (!naming || !name) return;
      try {
        const { id } = await api.call('training.seriesSave', { name, livingids: naming.livingids });
        void message.success(t('series.created'));
        setNaming(null);
        void navigate(`/training/series/${id}`);
      } catch (e) {
        void message.error(errorText(e));
      }
    });

  const columns = [
    { key: 'name', title: t('series.name'), render: (_: unknown, s: SeriesSummary) => <Link to={`/training/series/${s.id}`}>{s.name}</Link> },
    { key: 'lives', dataIndex: 'lives', title: t('series.lives'), width: 90 },
    {
      key: 'span',
      title: t('series.span'),
      render: (_: unknown, s: SeriesSummary) => (s.firstStart === null ? '–' : `${formatDate(s.firstStart * 1000)} – ${formatDate((s.lastStart ?? s.firstStart) * 1000)}`),
    },
    {
      key: 'threshold',
      title: t('series.threshold'),
      width: 140,
      render: (_: unknown, s: SeriesSummary) =>
        s.threshold === null ? `${formatPercent(DEFAULT_COMPLETION_THRESHOLD, 0)} (${t('learners.ruleSource.default')})` : formatPercent(s.threshold, 0),
    },
  ];

  return (
    <div data-testid="series-list">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.refetch} /> : null}
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setNaming({ name: '', livingids: [] })} data-testid="series-new">
          {t('series.new')}
        </Button>
      </Flex>
      <Table<SeriesSummary>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.series ?? []}
        loading={list.loading && !list.data}
        pagination={false}
        locale={{ emptyText: <Empty description={t((suggestions.data?.suggestions.length ?? 0) > 0 ? 'series.noneSuggested' : 'series.none')} /> }}
        data-testid="series-table"
      />
      {(suggestions.data?.suggestions.length ?? 0) > 0 ? (
        <Card size="small" title={t('series.suggestions')} style={{ marginTop: 16 }} data-testid="series-suggestions">
          <Typography.Paragraph type="secondary">{t('series.suggestionsHint')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={suggestions.data?.suggestions ?? []}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Button key="accept" size="small" onClick={() => setNaming({ name: s.name, livingids: s.livingids })} data-testid="series-accept">
                    {t('series.accept')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={`${s.name} · ${t('series.livesCount', { count: s.livingids.length })}`} description={s.themes.slice(0, 4).join(t('common:listSeparator'))} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Modal
        open={naming !== null}
        title={t('series.new')}
        okText={t('series.create')}
        onCancel={() => setNaming(null)}
        okButtonProps={{ disabled: !naming?.name.trim(), 'data-testid': 'series-create' } as never}
        confirmLoading={saving.pending}
        onOk={() => void create()}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={naming?.name ?? ''}
          placeholder={t('series.name')}
          maxLength={100}
          onChange={(e) => setNaming((n) => (n ? { ...n, name: e.target.value } : n))}
          onPressEnter={() => void create()}
          data-testid="series-name"
        />
        {naming && naming.livingids.length > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('series.livesCount', { count: naming.livingids.length })}
          </Typography.Paragraph>
        ) : null}
      </Modal>
    </div>
  );
}
