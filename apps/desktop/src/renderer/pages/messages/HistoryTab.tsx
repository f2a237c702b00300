// Sent messages (`messages.history`, newest first, paged) with recall inside WeCom's 24-hour window,
// and today's / yesterday's send statistics.
import { useState } from 'react';
import { App, Button, Card, Col, Popconfirm, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SentMessage } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { toServiceError } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { recallBlockedKey } from './recall.ts';
import { readableSummary } from './readableSummary.ts';
import { problemCount } from './SendResultView.tsx';
import { SendStatistics } from './SendStatistics.tsx';

const PAGE_SIZE = 20;

export function HistoryTab() {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const online = useOnlineAction();
  const [page, setPage] = useState(1);
  const [recalling, setRecalling] = useState<string | null>(null);
  const history = useServiceQuery('messages.history', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { topics: ['messages'] });

  const recall = async (msgid: string) => {
    setRecalling(msgid);
    try {
      await api.call('messages.recall', { msgid });
      void message.success(t('history.recalled'));
      history.refetch();
    } catch (e) {
      void message.error(toServiceError(e).message);
    } finally {
      setRecalling(null);
    }
  };

  const columns: TableColumnsType<SentMessage> = [
    { key: 'sentAt', title: t('history.sentAt'), width: 150, render: (_: unknown, m) => formatDateTime(m.sentAt) },
    { key: 'msgtype', title: t('history.type'), width: 90, render: (_: unknown, m) => <Tag>{t(`types.${m.msgtype}`, { defaultValue: m.msgtype })}</Tag> },
    {
      key: 'summary',
      title: t('history.summary'),
      ellipsis: true,
      render: (_: unknown, m) => {
        const text = readableSummary(m.summary);
        return (
          <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{text.full}</div>}>
            <span data-testid={`history-summary-${m.id}`}>{text.line}</span>
          </Tooltip>
        );
      },
    },
    {
      key: 'recipients',
      title: t('history.recipients'),
      width: 170,
      render: (_: unknown, m) =>
        t('history.recipientCounts', {
          users: m.recipients.userids.length,
          departments: m.recipients.departmentIds.length,
          tags: m.recipients.tagIds.length,
        }),
    },
    {
      key: 'result',
      title: t('history.result'),
      width: 140,
      render: (_: unknown, m) => {
        const problems = problemCount(m.result);
        if (problems === 0) return <Tag color="green">{t('history.delivered')}</Tag>;
        const detail = [
          m.result.invalidUsers.length ? `${t('result.invalidUsers')}: ${m.result.invalidUsers.join(', ')}` : '',
          m.result.invalidParties.length ? `${t('result.invalidParties')}: ${m.result.invalidParties.join(', ')}` : '',
          m.result.invalidTags.length ? `${t('result.invalidTags')}: ${m.result.invalidTags.join(', ')}` : '',
          m.result.unlicensedUsers.length ? `${t('result.unlicensedUsers')}: ${m.result.unlicensedUsers.join(', ')}` : '',
        ].filter(Boolean);
        return (
          <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{detail.join('\n')}</div>}>
            <Tag color="orange">{t('history.problems', { count: problems })}</Tag>
          </Tooltip>
        );
      },
    },
    { key: 'origin', title: t('history.origin'), width: 110, render: (_: unknown, m) => t(`origin.${m.origin}`, { defaultValue: m.origin }) },
    {
      key: 'recall',
      title: '',
      width: 110,
      align: 'right',
      render: (_: unknown, m) => {
        if (m.recalledAt !== null) {
          return (
            <Tooltip title={formatDateTime(m.recalledAt)}>
              <Tag>{t('history.recallDone')}</Tag>
            </Tooltip>
          );
        }
        const blocked = recallBlockedKey(m);
        const reason = blocked ? t(blocked) : online.reason;
        const button = (
          <Button size="small" danger disabled={reason !== null} loading={recalling === m.msgid} data-testid={`recall-${m.id}`}>
            {t('history.recall')}
          </Button>
        );
        if (reason !== null) {
          return (
            <Tooltip title={reason}>
              <span>{button}</span>
            </Tooltip>
          );
        }
        return (
          <Popconfirm
            title={t('history.recallConfirmTitle')}
            description={t('history.recallConfirm')}
            okButtonProps={{ danger: true }}
            onConfirm={() => (m.msgid ? recall(m.msgid) : undefined)}
          >
            {button}
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={18}>
        <Card size="small" title={t('history.title')}>
          {history.error ? <ErrorAlert error={history.error} onRetry={history.refetch} /> : null}
          <Table<SentMessage>
            size="small"
            rowKey="id"
            loading={history.loading}
            columns={columns}
            dataSource={history.data?.rows ?? []}
            data-testid="message-history"
            locale={{ emptyText: t('history.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: history.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              size: 'small',
              showTotal: (total) => t('history.total', { count: total }),
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('history.recallRule')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xxl={6}>
        <SendStatistics />
      </Col>
    </Row>
  );
}
