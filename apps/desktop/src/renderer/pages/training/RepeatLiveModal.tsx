// Creates the next lives of a live, weekly or monthly: previews the dates, sends each create once,
// then lists what was created and what was not.
import { useState } from 'react';
import { Alert, InputNumber, List, Modal, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { repeatStarts } from '../../../shared/live-plan.ts';
import type { Live } from '../../../shared/models.ts';
import type { RepeatResult } from '../../../shared/training.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText, toServiceError } from '../../errors.ts';
import { formatUnixDateTime } from '../../format.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import type { ServiceError } from '../../../shared/models.ts';

export function RepeatLiveModal({ live, open, onClose, seriesId }: { live: Live; open: boolean; onClose: () => void; seriesId: number | null }) {
  const { t } = useTranslation('training');
  const [every, setEvery] = useState<'week' | 'month'>('week');
  const [count, setCount] = useState(3);
  const sending = useSingleFlight();
  const [result, setResult] = useState<RepeatResult | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const starts = repeatStarts(live, every, count);

  const send = () =>
    sending.run(async () => {
      setError(null);
      try {
        setResult(await api.call('training.repeatLive', { livingid: live.livingid, every, count, seriesId }));
      } catch (e) {
        setError(toServiceError(e));
      }
    });
  const close = () => {
    setResult(null);
    setError(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('repeat.title')}
      onCancel={close}
      okText={result ? t('repeat.close') : t('repeat.ok')}
      onOk={() => (result ? close() : void send())}
      confirmLoading={sending.pending}
      okButtonProps={{ 'data-testid': 'repeat-confirm' } as Record<string, string>}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {result ? (
        <div data-testid="repeat-result">
          {result.failed ? (
            <Alert
              type="error"
              showIcon
              data-testid="repeat-failed"
              title={t('repeat.failed', { start: formatUnixDateTime(result.failed.livingStart), message: errorText(result.failed.error) })}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert type="success" showIcon title={t('repeat.allCreated', { count: result.created.length })} style={{ marginBottom: 12 }} />
          )}
          <Typography.Text strong>{t('repeat.created', { count: result.created.length })}</Typography.Text>
          <List size="small" dataSource={result.created} renderItem={(c) => <List.Item>{formatUnixDateTime(c.livingStart)}</List.Item>} />
          {result.notAttempted.length > 0 ? (
            <>
              {/* stopped at the failure: the later ones were never sent to WeCom */}
              <Typography.Text strong>{t('repeat.notAttempted', { count: result.notAttempted.length })}</Typography.Text>
              <List size="small" dataSource={result.notAttempted} renderItem={(s) => <List.Item>{formatUnixDateTime(s)}</List.Item>} />
            </>
          ) : null}
        </div>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>{t('repeat.every')}</Typography.Text>
            <Segmented<'week' | 'month'>
              value={every}
              onChange={setEvery}
              options={[
                { value: 'week', label: t('repeat.week') },
                { value: 'month', label: t('repeat.month') },
              ]}
              data-testid="repeat-every"
            />
            <Typography.Text>{t('repeat.count')}</Typography.Text>
            <InputNumber min={1} max={12} precision={0} value={count} onChange={(v) => setCount(v ?? 1)} data-testid="repeat-count" />
          </Space>
          <Typography.Text>{t('repeat.preview', { count })}</Typography.Text>
          <List size="small" dataSource={starts} renderItem={(s) => <List.Item>{`${live.theme} · ${formatUnixDateTime(s)}`}</List.Item>} />
          {error ? <ErrorAlert error={error} compact /> : null}
        </Space>
      )}
    </Modal>
  );
}
