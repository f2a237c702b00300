// Month calendar: each day lists its lives (click to open); the month follows the calendar's panel.
import { Badge, Calendar, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { formatTime } from '../../format.ts';
import { useLivesStore } from '../../stores/lives.ts';
import { dayKey, livesByDay } from './livesByDay.ts';

const PER_DAY = 3;
const STATUS_BADGE: Record<number, 'processing' | 'error' | 'default' | 'warning' | 'success'> = {
  0: 'processing',
  1: 'error',
  2: 'success',
  3: 'warning',
  4: 'default',
};

export function LivesMonth({ lives }: { lives: Live[] }) {
  const { t } = useTranslation('lives');
  const navigate = useNavigate();
  const cursor = useLivesStore((s) => s.cursor);
  const setCursor = useLivesStore((s) => s.setCursor);
  const days = livesByDay(lives);

  const dateCell = (date: Dayjs) => {
    const list = days.get(dayKey(date.valueOf())) ?? [];
    if (list.length === 0) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.slice(0, PER_DAY).map((live) => (
          <li key={live.livingid}>
            <a
              href={`#/lives/${encodeURIComponent(live.livingid)}`}
              onClick={(e) => {
                e.preventDefault();
                e.stopPropagation();
                void navigate(`/lives/${encodeURIComponent(live.livingid)}`);
              }}
              title={live.theme}
              data-testid={`calendar-live-${live.livingid}`}
              style={{ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12 }}
            >
              <Badge status={STATUS_BADGE[live.status]} /> {formatTime(live.livingStart * 1000)} {live.theme}
            </a>
          </li>
        ))}
        {list.length > PER_DAY ? (
          <li>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('month.more', { count: list.length - PER_DAY })}
            </Typography.Text>
          </li>
        ) : null}
      </ul>
    );
  };

  return (
    <div data-testid="lives-month">
      <Calendar
        value={dayjs(cursor)}
        onChange={(d) => setCursor(d.valueOf())}
        onPanelChange={(d) => setCursor(d.valueOf())}
        cellRender={(date, info) => (info.type === 'date' ? dateCell(date) : info.originNode)}
      />
    </div>
  );
}
