// Creating a live on a day picked in the calendar: the form opens with its start on that day (today:
// the next free half hour; a later day: 09:00). Past days, and today once no half hour is left in it,
// cannot take a new live (startOnDay).
import { useMemo } from 'react';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { now } from '@wld/clock';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useRerenderAt } from '../../hooks/useRerenderAt.ts';
import { useLivesStore } from '../../stores/lives.ts';
import { createClosesAt, startOnDay } from './liveFormRules.ts';

/** Asks "create a live on <day>?" and opens the form there. */
export function useCreateOnDay(): (day: Dayjs) => void {
  const { t } = useTranslation('lives');
  const { modal, message } = App.useApp();
  const openCreate = useLivesStore((s) => s.openCreate);
  const online = useOnlineAction();
  return (day) => {
    const nowMs = now();
    const start = startOnDay(day, nowMs);
    if (start === null) {
      void message.info(t(day.isSame(dayjs(nowMs), 'day') ? 'month.noTimeLeft' : 'month.pastDay'));
      return;
    }
    if (online.disabled) {
      void message.warning(online.reason ?? '');
      return;
    }
    modal.confirm({
      title: t('month.createHereTitle', { date: day.format('YYYY-MM-DD') }),
      content: t('month.createHereBody', { time: dayjs(start).format('YYYY-MM-DD HH:mm') }),
      okText: t('month.createHereOk'),
      onOk: () => openCreate(start),
    });
  };
}

export function CreateOnDayButton({ day }: { day: Dayjs }) {
  const { t } = useTranslation('lives');
  const createOnDay = useCreateOnDay();
  // a calendar left open: the button goes when the day stops taking new lives (found once per day:
  // the bisection is ~0.2 ms, and the week view renders its seven buttons at every change)
  const dayStart = day.startOf('day').valueOf();
  const closesAt = useMemo(() => createClosesAt(dayjs(dayStart)), [dayStart]);
  useRerenderAt(closesAt);
  if (startOnDay(day, now()) === null) return null;
  return (
    <Button
      size="small"
      type="dashed"
      icon={<PlusOutlined />}
      onClick={() => createOnDay(day)}
      aria-label={t('month.createHere')}
      data-testid={`create-on-${day.format('YYYY-MM-DD')}`}
      title={t('month.createHere')}
      style={{ maxWidth: '100%' }}
    >
      {/* a short label that a narrow day column holds whole ("Create a live on this day" was cut to
          "Creat…" at 1024 px); the whole sentence is the button's name and its tooltip */}
      <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('month.createShort')}</span>
    </Button>
  );
}
