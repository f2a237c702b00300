// When each kind of data was last synced, and the sync running now.
import { Card, Descriptions, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../format.ts';
import { isRunning, syncPercent, useSyncStore } from '../../stores/sync.ts';

const SCOPES = ['org', 'lives', 'watch'] as const;

export function SyncCard({ lastSync }: { lastSync: Record<string, number | null> | undefined }) {
  const { t } = useTranslation('home');
  const { t: tc } = useTranslation('common');
  const current = useSyncStore((s) => s.current);
  const running = isRunning(current);
  const percent = syncPercent(current);
  return (
    <Card title={t('syncTitle')} size="small" data-testid="home-sync">
      {/* the times line up: each label takes the widest one's room ("Organisation:") */}
      <Descriptions size="small" column={1} styles={{ label: { minWidth: 112 } }}>
        {SCOPES.map((scope) => {
          const at = lastSync?.[scope] ?? null;
          return (
            <Descriptions.Item key={scope} label={t(`syncScope.${scope}`)}>
              {at === null ? (
                <Typography.Text type="secondary">{t('never')}</Typography.Text>
              ) : (
                <span title={formatDateTime(at)}>
                  {formatDateTime(at)} <Typography.Text type="secondary">({formatRelative(at)})</Typography.Text>
                </span>
              )}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      {running && current ? (
        <div aria-live="polite">
          <Typography.Text>{tc('sync.running', { label: current.label || tc(`sync.scope.${current.scope}`) })}</Typography.Text>
          <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} size="small" />
        </div>
      ) : null}
    </Card>
  );
}
