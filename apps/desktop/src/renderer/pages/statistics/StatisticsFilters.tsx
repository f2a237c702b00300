// The date range (with 7/30/90-day presets) and the anchor, type and department filters.
import { Button, DatePicker, Flex, Select, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/models.ts';
import { liveTypeLabel } from '../../format.ts';
import { presetRange, useStatisticsStore } from '../../stores/statistics.ts';
import type { DepartmentBy, LiveType, RangePreset } from '../../stores/statistics.ts';
import { DepartmentPicker } from '../../components/DepartmentPicker.tsx';
import { AnchorSelect } from './AnchorSelect.tsx';
import { now as clockNow } from '@wld/clock';

const PRESETS: readonly RangePreset[] = [7, 30, 90];

export function StatisticsFilters({ departments }: { departments: readonly Department[] }) {
  const { t } = useTranslation('statistics');
  const filters = useStatisticsStore((s) => s.filters);
  const setPreset = useStatisticsStore((s) => s.setPreset);
  const setRange = useStatisticsStore((s) => s.setRange);
  const setAnchor = useStatisticsStore((s) => s.setAnchor);
  const setType = useStatisticsStore((s) => s.setType);
  const setDepartment = useStatisticsStore((s) => s.setDepartment);
  const setDepartmentBy = useStatisticsStore((s) => s.setDepartmentBy);
  const resetFilters = useStatisticsStore((s) => s.resetFilters);

  const presets = PRESETS.map((days) => {
    const r = presetRange(days);
    return { label: t('filters.lastDays', { days }), value: [dayjs.unix(r.from), dayjs.unix(r.to)] as [Dayjs, Dayjs] };
  });

  return (
    <Flex gap={8} wrap align="center" data-testid="stats-filters">
      <Flex gap={4}>
        {PRESETS.map((days) => (
          <Button
            key={days}
            type={filters.preset === days ? 'primary' : 'default'}
            onClick={() => setPreset(days)}
            data-testid={`stats-preset-${days}`}
          >
            {t('filters.lastDays', { days })}
          </Button>
        ))}
      </Flex>
      <DatePicker.RangePicker
        value={[dayjs.unix(filters.from), dayjs.unix(filters.to)]}
        presets={presets}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(clockNow()).endOf('day'))}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) setRange(from.startOf('day').unix(), to.endOf('day').unix());
        }}
        aria-label={t('filters.range')}
        data-testid="stats-range"
      />
      <AnchorSelect value={filters.anchorUserid} onChange={setAnchor} />
      <Select<LiveType | 'all'>
        value={filters.type ?? 'all'}
        onChange={(v) => setType(v === 'all' ? null : v)}
        style={{ width: 140 }}
        aria-label={t('filters.type')}
        data-testid="stats-type"
        options={[{ value: 'all', label: t('filters.anyType') }, ...([0, 1, 2, 3, 4] as const).map((v) => ({ value: v, label: liveTypeLabel(v) }))]}
      />
      <Space.Compact>
        <Tooltip title={t(`filters.departmentBy.${filters.departmentBy}Help`)}>
          <Select<DepartmentBy>
            value={filters.departmentBy}
            onChange={setDepartmentBy}
            aria-label={t('filters.departmentBy.label')}
            data-testid="stats-department-by"
            popupMatchSelectWidth={false}
            options={(['audience', 'host'] as const).map((v) => ({ value: v, label: t(`filters.departmentBy.${v}`) }))}
          />
        </Tooltip>
        <DepartmentPicker<number>
          departments={departments}
          allowClear
          value={filters.departmentId ?? undefined}
          onChange={(v) => setDepartment(v ?? null)}
          placeholder={t('filters.anyDepartment')}
          aria-label={t(`filters.departmentBy.${filters.departmentBy}`)}
          style={{ width: 200 }}
          data-testid="stats-department"
        />
      </Space.Compact>
      <Button onClick={() => resetFilters()}>{t('common:actions.reset')}</Button>
    </Flex>
  );
}
