// Sent messages (`messages.history`, newest first, paged) with recall inside WeCom's 24-hour window,
// and today's / yesterday's send statistics.
import { useState } from 'react';
import { App, Button, Card, Col, Flex, Popconfirm, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, SentMessage, Tag as WeComTag } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { recallBlockedKey } from './recall.ts';
import { readableSummary } from './readableSummary.ts';
import { recipientsNames, recipientsText } from './recipientsText.ts';
import { problemCount } from './SendResultView.tsx';
import { SendStatistics } from './SendStatistics.tsx';

const PAGE_SIZE = 20;

export interface HistoryTabProps {
  /** To name the departments and tags a message went to. */
  departments: readonly Department[];
  tags: readonly WeComTag[];
}

export function HistoryTab({ departments, tags }: HistoryTabProps) {
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
      void message.error(errorText(e));
    } finally {
      setRecalling(null);
    }
  };

  const columns: TableColumnsType<SentMessage> = [
    // when it was sent and what sent it (the composer, an invitation, a reminder) in one cell, so the
    // content keeps the width at 1024 px
    {
      key: 'sentAt',
      title: t('history.sentAt'),
      width: 150,
      render: (_: unknown, m) => (
        <Flex vertical>
          <span>{formatDateTime(m.sentAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`origin.${m.origin}`, { defaultValue: m.origin })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'summary',
      title: t('history.summary'),
      ellipsis: true,
      render: (_: unknown, m) => {
        const text = readableSummary(m.summary);
        return (
          <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{text.full}</div>}>
            <span data-testid={`history-summary-${m.id}`}>
              <Tag>{t(`types.${m.msgtype}`, { defaultValue: m.msgtype })}</Tag>
              {text.line}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'recipients',
      title: t('history.recipients'),
      width: 150,
      render: (_: unknown, m) => (
        <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{recipientsNames(t, m.recipients, departments, tags)}</div>}>
          <span data-testid={`history-recipients-${m.id}`}>{recipientsText(t, m.recipients)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'result',
      title: t('history.result'),
      width: 130,
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
    {
      key: 'recall',
      title: '',
      width: 96,
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
