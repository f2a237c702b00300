// Top-bar sync: start a sync (all, or one scope), see its progress, cancel it.
import { useEffect, useRef } from 'react';
import { App, Button, Dropdown, Progress, Space, Tooltip, Typography } from 'antd';
import { CloseOutlined, DownOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SyncProgress } from '../../shared/models.ts';
import { formatDateTime } from '../format.ts';
import { isRunning, syncPercent, useSyncStore } from '../stores/sync.ts';
import type { SyncScope } from '../stores/sync.ts';
import { errorText } from '../errors.ts';
import { useOnlineAction } from '../hooks/useOnlineAction.ts';

const SCOPES: SyncScope[] = ['all', 'org', 'lives', 'watch'];

const PART_NAMES = new Set(['org', 'lives', 'watch']);

/** Why the job is slow, in words: the note's code and params, with the end of a wait in local time. */
function noteText(t: TFunction, note: NonNullable<SyncProgress['note']>): string {
  const until = note.until === null ? '' : formatDateTime(note.until);
  const params = note.params ?? {};
  const context = typeof params.endpoint === 'string' ? 'endpoint' : undefined;
  return t(`sync.note.${note.code}`, { defaultValue: note.message, errcode: 45009, ...params, until, ...(context ? { context } : {}) });
}

export function SyncButton() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const current = useSyncStore((s) => s.current);
  const starting = useSyncStore((s) => s.starting);
  const error = useSyncStore((s) => s.error);
  const start = useSyncStore((s) => s.start);
  const cancel = useSyncStore((s) => s.cancel);
  const startedHere = useSyncStore((s) => s.startedHere);
  const online = useOnlineAction();
  const running = isRunning(current);

  // Tell the user once when a job ends: a success only of a sync they started (the services' own
  // refreshes, at start-up and on their schedule, ended in a "Sync finished" nobody had asked for;
  // the header and Home show when each kind of data was synced), every failure whoever started it.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!current || current.state === 'running') return;
    // a job of ours may end before sync.start's answer names it: this runs again when it does
    if (current.state === 'done' && current.jobId !== startedHere) return;
    const key = `${current.jobId}:${current.state}`;
    if (announced.current === key) return;
    announced.current = key;
    if (current.state === 'done') void message.success(t('sync.done'));
    else if (current.state === 'cancelled') void message.info(t('sync.cancelled'));
    // stopped by something other than the person (the client set up again after a settings change):
    // not a failure of the sync itself
    else if (current.error?.kind === 'cancelled') void message.info(t('sync.interrupted'));
    else void message.error(t('sync.failed', { message: current.error ? errorText(current.error) : '' }));
  }, [current, message, startedHere, t]);

  useEffect(() => {
    if (error) void message.error(t('sync.failed', { message: errorText(error) }));
  }, [error, message, t]);

  if (running && current) {
    const percent = syncPercent(current);
    // the services name the part they work on; the scope's name until they do
    const partLabel = t(`sync.scope.${PART_NAMES.has(current.label) ? current.label : current.scope}`);
    const runningLabel = t('sync.running', { label: partLabel });
    return (
      // the header's tall line height would push the label to the bottom of the bar: measured here at normal
      <Space size={8} data-testid="sync-progress" aria-live="polite" style={{ lineHeight: 'normal' }}>
        <Progress
          type="circle"
          size={22}
          percent={percent ?? 50}
          showInfo={false}
          status={percent === null ? 'active' : 'normal'}
          aria-label={t('sync.running', { label: partLabel })}
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
            title={noteText(t, current.note)}
            style={{ maxWidth: 260, lineHeight: 'normal' }}
            data-testid="sync-note"
            data-code={current.note.code}
          >
            {noteText(t, current.note)}
          </Typography.Text>
        ) : null}
        <Tooltip title={t('sync.cancel')} placement="left">
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
    // to the left: below, it would cover the offline banner's Reconnect button under this one
    <Tooltip title={online.reason ?? t('sync.tooltip')} placement="left">
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
