// Month calendar: each day lists its first lives (click to open) and "还有 N 场" opens the day's full
// list; clicking an empty day offers to create a live there. The month follows the calendar's panel.
import { Badge, Button, Calendar, Popover } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { formatTime } from '../../format.ts';
import { useRerenderAtMidnight } from '../../hooks/useRerenderAt.ts';
import { useLivesStore } from '../../stores/lives.ts';
import { dayKey, livesByDay } from './livesByDay.ts';
import { useCreateOnDay } from './CreateOnDay.tsx';

const PER_DAY = 3;
const STATUS_BADGE: Record<number, 'processing' | 'error' | 'default' | 'warning' | 'success'> = {
  0: 'processing',
  1: 'error',
  2: 'success',
  3: 'warning',
  4: 'default',
};

function CalendarLiveLink({ live }: { live: Live }) {
  const navigate = useNavigate();
  return (
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
  );
}

/** "还有 N 场": the day's whole list in a popover. */
function MoreLives({ date, list }: { date: Dayjs; list: Live[] }) {
  const { t } = useTranslation('lives');
  const key = dayKey(date.valueOf());
  return (
    <Popover
      trigger="click"
      placement="right"
      title={t('month.dayTitle', { date: key, count: list.length })}
      content={
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxWidth: 320, maxHeight: 360, overflowY: 'auto' }} data-testid={`calendar-day-list-${key}`}>
          {list.map((live) => (
            <li key={live.livingid}>
              <CalendarLiveLink live={live} />
            </li>
          ))}
        </ul>
      }
    >
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto', fontSize: 12 }}
        onClick={(e) => e.stopPropagation()}
        data-testid={`calendar-more-${key}`}
      >
        {t('month.more', { count: list.length - PER_DAY })}
      </Button>
    </Popover>
  );
}

export function LivesMonth({ lives }: { lives: Live[] }) {
  const cursor = useLivesStore((s) => s.cursor);
  const setCursor = useLivesStore((s) => s.setCursor);
  const createOnDay = useCreateOnDay();
  const days = livesByDay(lives);
  // left open overnight, the calendar marks the new day as today at midnight
  useRerenderAtMidnight();

  const dateCell = (date: Dayjs) => {
    const list = days.get(dayKey(date.valueOf())) ?? [];
    if (list.length === 0) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.slice(0, PER_DAY).map((live) => (
          <li key={live.livingid}>
            <CalendarLiveLink live={live} />
          </li>
        ))}
        {list.length > PER_DAY ? (
          <li>
            <MoreLives date={date} list={list} />
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
        onSelect={(d, info) => {
          if (info.source === 'date' && !days.has(dayKey(d.valueOf()))) createOnDay(d);
        }}
        cellRender={(date, info) => (info.type === 'date' ? dateCell(date) : info.originNode)}
      />
    </div>
  );
}
