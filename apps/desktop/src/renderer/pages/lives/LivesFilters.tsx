// Filters for the lives list and calendars: search (debounced), status, anchor, type, date range.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../components/UserSelect.tsx';
import { liveStatusLabel, liveTypeLabel } from '../../format.ts';
import { initialLiveFilters, useLivesStore } from '../../stores/lives.ts';
import type { LiveStatus, LiveType } from '../../stores/lives.ts';

const STATUSES: LiveStatus[] = [0, 1, 2, 3, 4];
const TYPES: LiveType[] = [0, 1, 2, 3, 4];
const SEARCH_DELAY_MS = 150;

export function LivesFilters() {
  const { t } = useTranslation('lives');
  const filters = useLivesStore((s) => s.filters);
  const view = useLivesStore((s) => s.view);
  const setFilters = useLivesStore((s) => s.setFilters);
  const resetFilters = useLivesStore((s) => s.resetFilters);
  const [text, setText] = useState(filters.query);

  useEffect(() => {
    if (text === filters.query) return;
    const timer = setTimeout(() => setFilters({ query: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.query, setFilters]);
  useEffect(() => setText(filters.query), [filters.query]);

  const active = JSON.stringify(filters) !== JSON.stringify(initialLiveFilters);
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="lives-filters">
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => setFilters({ query: value })}
        placeholder={t('filters.search')}
        style={{ width: 240 }}
        data-page-search
        data-testid="lives-search"
        aria-label={t('filters.search')}
        maxLength={100}
      />
      <Select<LiveStatus[]>
        mode="multiple"
        allowClear
        value={filters.status}
        onChange={(status) => setFilters({ status })}
        placeholder={t('filters.status')}
        aria-label={t('filters.status')}
        style={{ minWidth: 160 }}
        maxTagCount="responsive"
        options={STATUSES.map((s) => ({ value: s, label: liveStatusLabel(s) }))}
        data-testid="lives-filter-status"
      />
      <UserSelect
        allowClear
        value={filters.anchorUserid}
        onChange={(v) => setFilters({ anchorUserid: typeof v === 'string' ? v : null })}
        placeholder={t('filters.anchor')}
        aria-label={t('filters.anchor')}
        style={{ width: 200 }}
        data-testid="lives-filter-anchor"
      />
      <Select<LiveType | null>
        allowClear
        value={filters.type}
        onChange={(type) => setFilters({ type: type ?? null })}
        placeholder={t('filters.type')}
        aria-label={t('filters.type')}
        style={{ width: 150 }}
        options={TYPES.map((type) => ({ value: type, label: liveTypeLabel(type) }))}
        data-testid="lives-filter-type"
      />
      {view === 'list' ? (
        <DatePicker.RangePicker
          value={filters.range ? [dayjs(filters.range[0] * 1000), dayjs(filters.range[1] * 1000)] : null}
          onChange={(range) =>
            setFilters({
              range: range?.[0] && range[1] ? [range[0].startOf('day').unix(), range[1].endOf('day').unix()] : null,
            })
          }
          aria-label={t('filters.range')}
          data-testid="lives-filter-range"
        />
      ) : null}
      {active ? (
        <Button icon={<ClearOutlined />} onClick={resetFilters} data-testid="lives-filter-reset">
          {t('filters.reset')}
        </Button>
      ) : null}
    </Space>
  );
}
