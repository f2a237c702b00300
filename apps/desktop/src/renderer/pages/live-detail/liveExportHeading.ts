// The lines at the top of a live's exports: its title, its time (with the zone) and the export time.
import { now as clockNow } from '@wld/clock';
import type { Live } from '../../../shared/models.ts';
import { headingTime } from '../../export/heading.ts';
import i18n from '../../i18n/index.ts';

export function liveExportHeading(live: Pick<Live, 'theme' | 'livingStart' | 'livingDuration'>, now: number = clockNow()): string[] {
  const start = live.livingStart * 1000;
  return [
    live.theme,
    i18n.t('common:export.liveTime', { start: headingTime(start), end: headingTime(start + live.livingDuration * 1000) }),
    i18n.t('common:export.exportedAt', { time: headingTime(now) }),
  ];
}
