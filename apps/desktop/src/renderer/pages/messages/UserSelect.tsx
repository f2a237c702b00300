// Picks users from the cache by name, userid or position (server-side search, debounced), showing
// names for picked ids and stopping at a cap.
import { useEffect, useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../../hooks/useUserSearch.ts';
import { useMessagesStore } from '../../stores/messages.ts';

const SEARCH_LIMIT = 50;

export interface UserSelectProps {
  value: string[];
  onChange: (userids: string[]) => void;
  maxCount: number;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function UserSelect({ value, onChange, maxCount, placeholder, disabled, ...rest }: UserSelectProps) {
  const { t } = useTranslation('messages');
  const labels = useMessagesStore((s) => s.labels);
  const rememberLabels = useMessagesStore((s) => s.rememberLabels);
  const [search, setSearch] = useState('');
  const { rows: found, loading } = useUserSearch(search, { limit: SEARCH_LIMIT, status: 1 });
  // Picked users keep their names after the search moves on.
  useEffect(() => {
    if (found.length > 0) rememberLabels(Object.fromEntries(found.map((u) => [`user:${u.userid}`, u.name])));
  }, [found, rememberLabels]);

  const options = useMemo(() => {
    const picked = value.map((id) => ({ value: id, label: labels[`user:${id}`] ? `${labels[`user:${id}`]}（${id}）` : id }));
    const pickedSet = new Set(value);
    const more = found
      .filter((u) => !pickedSet.has(u.userid))
      .map((u) => ({ value: u.userid, label: `${u.name}（${u.userid}）${u.position ? ` · ${u.position}` : ''}` }));
    return [...picked, ...more];
  }, [value, found, labels]);

  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      maxCount={maxCount}
      placeholder={placeholder ?? t('recipients.usersPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('recipients.noUsers')}
      disabled={disabled}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      onBlur={() => setSearch('')}
    />
  );
}
