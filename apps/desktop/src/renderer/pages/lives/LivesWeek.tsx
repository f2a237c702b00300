// A simple week grid: seven columns (from the language's first day of the week), each day's lives by
// start time, under a button to create a live on that day (from today on).
import { Button, Card, Flex, Space, Typography, theme } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { formatDuration, formatTime } from '../../format.ts';
import { useLivesStore, weekStart } from '../../stores/lives.ts';
import { dayKey, livesByDay } from './livesByDay.ts';
import { now } from '@wld/clock';
import { useRerenderAtMidnight } from '../../hooks/useRerenderAt.ts';
import { CreateOnDayButton } from './CreateOnDay.tsx';

export function LivesWeek({ lives }: { lives: Live[] }) {
  const { t } = useTranslation('lives');
  const { token } = theme.useToken();
  const cursor = useLivesStore((s) => s.cursor);
  const shiftWeek = useLivesStore((s) => s.shiftWeek);
  const setCursor = useLivesStore((s) => s.setCursor);
  const start = weekStart(cursor);
  const days = Array.from({ length: 7 }, (_, i) => start.add(i, 'day'));
  const byDay = livesByDay(lives);
  const today = dayKey(now());
  // left open overnight, "today" moves to the next day at midnight
  useRerenderAtMidnight();

  return (
    <div data-testid="lives-week">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space>
          <Button icon={<LeftOutlined />} aria-label={t('week.prev')} onClick={() => shiftWeek(-1)} data-testid="week-prev" />
          <Button onClick={() => setCursor(now())}>{t('week.today')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('week.next')} onClick={() => shiftWeek(1)} data-testid="week-next" />
        </Space>
        <Typography.Text strong data-testid="week-range">
          {t('week.range', { from: start.format('YYYY-MM-DD'), to: start.add(6, 'day').format('YYYY-MM-DD') })}
        </Typography.Text>
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 8 }}>
        {days.map((day) => {
          const key = dayKey(day.valueOf());
          const list = byDay.get(key) ?? [];
          const isToday = key === today;
          return (
            <section
              key={key}
              aria-label={day.format('dddd YYYY-MM-DD')}
              aria-current={isToday ? 'date' : undefined}
              style={{
                border: `1px solid ${isToday ? token.colorPrimary : token.colorBorderSecondary}`,
                borderRadius: token.borderRadius,
                minHeight: 280,
                minWidth: 0,
                padding: 8,
                background: token.colorBgContainer,
              }}
            >
              <Typography.Text strong style={{ color: isToday ? token.colorPrimary : undefined }}>
                {day.format('ddd MM-DD')}
              </Typography.Text>
              <Flex vertical gap={6} style={{ marginTop: 8 }}>
                {/* above the day's lives, so a busy day's stays in view; a busy day takes one more live
                    too (a second session), a past day none */}
                <CreateOnDayButton day={day} />
                {list.length === 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('week.empty')}
                  </Typography.Text>
                ) : (
                  list.map((live) => (
                    <Card key={live.livingid} size="small" styles={{ body: { padding: 6 } }} data-testid={`week-live-${live.livingid}`}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatTime(live.livingStart * 1000)} · {formatDuration(live.livingDuration)}
                      </Typography.Text>
                      <div>
                        <Link to={`/lives/${encodeURIComponent(live.livingid)}`} style={{ fontSize: 13 }}>
                          {live.theme}
                        </Link>
                      </div>
                      <LiveStatusTag status={live.status} />
                    </Card>
                  ))
                )}
              </Flex>
            </section>
          );
        })}
      </div>
    </div>
  );
}
