// Picks one anchor (a user) by searching the cached users; clearing means "any anchor".
import { useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { nameWithId } from '../../format.ts';
import { useUserSearch } from '../../hooks/useUserSearch.ts';

export interface AnchorSelectProps {
  value: string | null;
  onChange: (userid: string | null) => void;
}

export function AnchorSelect({ value, onChange }: AnchorSelectProps) {
  const { t } = useTranslation('statistics');
  const [search, setSearch] = useState('');
  const { rows, loading } = useUserSearch(search, { limit: 30 });
  const names = useRef(new Map<string, string>());
  for (const u of rows) names.current.set(u.userid, u.name);
  const options = rows.map((u) => ({ value: u.userid, label: nameWithId(u.name, u.userid) }));

  const shown = value && !options.some((o) => o.value === value)
    ? [{ value, label: nameWithId(names.current.get(value), value) }, ...options]
    : options;

  return (
    <Select<string>
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={shown}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={loading ? <Spin size="small" /> : t('filters.noAnchor')}
      placeholder={t('filters.anyAnchor')}
      aria-label={t('filters.anchor')}
      style={{ width: 200 }}
      data-testid="stats-anchor"
    />
  );
}
