// Top-bar sync: start a sync (all, or one scope), see its progress, cancel it.
import { useEffect, useRef } from 'react';
import { App, Button, Dropdown, Progress, Space, Tooltip, Typography } from 'antd';
import { CloseOutlined, DownOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isRunning, syncPercent, useSyncStore } from '../stores/sync.ts';
import type { SyncScope } from '../stores/sync.ts';
import { useOnlineAction } from '../hooks/useOnlineAction.ts';

const SCOPES: SyncScope[] = ['all', 'org', 'lives', 'watch'];

export function SyncButton() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const current = useSyncStore((s) => s.current);
  const starting = useSyncStore((s) => s.starting);
  const error = useSyncStore((s) => s.error);
  const start = useSyncStore((s) => s.start);
  const cancel = useSyncStore((s) => s.cancel);
  const online = useOnlineAction();
  const running = isRunning(current);

  // Tell the user once when a job ends, however it ends.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!current || current.state === 'running') return;
    const key = `${current.jobId}:${current.state}`;
    if (announced.current === key) return;
    announced.current = key;
    if (current.state === 'done') void message.success(t('sync.done'));
    else if (current.state === 'cancelled') void message.info(t('sync.cancelled'));
    else void message.error(t('sync.failed', { message: current.error?.message ?? '' }));
  }, [current, message, t]);

  useEffect(() => {
    if (error) void message.error(t('sync.failed', { message: error.message }));
  }, [error, message, t]);

  if (running && current) {
    const percent = syncPercent(current);
    const runningLabel = t('sync.running', { label: current.label || t(`sync.scope.${current.scope}`) });
    return (
      <Space size={8} data-testid="sync-progress" aria-live="polite">
        <Progress
          type="circle"
          size={22}
          percent={percent ?? 50}
          showInfo={false}
          status={percent === null ? 'active' : 'normal'}
          aria-label={t('sync.running', { label: current.label })}
        />
        {/* a long label is cut, never the percent; the whole text is on hover */}
        <Tooltip title={[runningLabel, current.left ? t('sync.left', { count: current.left }) : null, current.calls ? t('sync.calls', { count: current.calls }) : null].filter(Boolean).join(' · ')}>
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text ellipsis style={{ maxWidth: 200, lineHeight: 'normal' }}>
              {runningLabel}
            </Typography.Text>
            {percent !== null ? <Typography.Text>{`${percent}%`}</Typography.Text> : null}
          </Space>
        </Tooltip>
        {current.note ? (
          // why the job is slow: a rate-limit wait with its end, or a retry
          <Typography.Text
            type="warning"
            ellipsis
            title={current.note.message}
            style={{ maxWidth: 260, lineHeight: 'normal' }}
            data-testid="sync-note"
            data-code={current.note.code}
          >
            {current.note.message}
          </Typography.Text>
        ) : null}
        <Tooltip title={t('sync.cancel')}>
          <Button size="small" icon={<CloseOutlined />} aria-label={t('sync.cancel')} data-testid="sync-cancel" onClick={() => void cancel()} />
        </Tooltip>
      </Space>
    );
  }

  const menu = {
    items: SCOPES.map((scope) => ({ key: scope, label: t(`sync.scope.${scope}`) })),
    onClick: ({ key }: { key: string }) => void start(key as SyncScope),
  };
  return (
    <Tooltip title={online.reason ?? t('sync.tooltip')}>
      <Space.Compact>
        <Button
          icon={<SyncOutlined />}
          loading={starting}
          disabled={online.disabled}
          data-testid="sync-button"
          onClick={() => void start('all')}
        >
          {t('sync.button')}
        </Button>
        <Dropdown menu={menu} disabled={online.disabled} trigger={['click']}>
          <Button icon={<DownOutlined />} disabled={online.disabled} aria-label={t('sync.scope.all')} />
        </Dropdown>
      </Space.Compact>
    </Tooltip>
  );
}
