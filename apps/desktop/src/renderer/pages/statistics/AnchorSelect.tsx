// Picks one anchor (a user) by searching the cached users; clearing means "any anchor".
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

export interface AnchorSelectProps {
  value: string | null;
  onChange: (userid: string | null) => void;
}

export function AnchorSelect({ value, onChange }: AnchorSelectProps) {
  const { t } = useTranslation('statistics');
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const names = useRef(new Map<string, string>());

  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api.call('users.search', { query: search.trim(), limit: 30 }, { signal: ac.signal }).then(
        (r) => {
          for (const u of r.rows) names.current.set(u.userid, u.name);
          setOptions(r.rows.map((u) => ({ value: u.userid, label: `${u.name}（${u.userid}）` })));
          setLoading(false);
        },
        () => {
          if (!ac.signal.aborted) setLoading(false);
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [search]);

  const shown = value && !options.some((o) => o.value === value)
    ? [{ value, label: names.current.get(value) ? `${names.current.get(value)}（${value}）` : value }, ...options]
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
