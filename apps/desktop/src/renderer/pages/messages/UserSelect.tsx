// Picks users from the cache by name, userid or position (server-side search, debounced), showing
// names for picked ids and stopping at a cap. The list offers only people not yet picked, and only
// the results of what is typed now: Enter adds the highlighted person, never removes a picked one
// and never adds a result of an earlier search.
import { useEffect, useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { userLabel } from '../../components/UserSelect.tsx';
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
  const searched = useUserSearch(search, { limit: SEARCH_LIMIT, status: 1 });
  const loading = searched.loading;
  const found = { query: searched.answers, users: searched.rows };
  // Picked users keep their names after the search moves on.
  useEffect(() => {
    if (searched.rows.length > 0) rememberLabels(Object.fromEntries(searched.rows.map((u) => [`user:${u.userid}`, u.name])));
  }, [searched.rows, rememberLabels]);

  // a picked person's chip shows the name (the userid on hover); the list, who else matches
  const picked = useMemo(() => value.map((id) => ({ value: id, label: <span title={id}>{labels[`user:${id}`] ?? id}</span> })), [value, labels]);
  const current = found.query === search.trim();
  const options = useMemo(() => {
    const pickedSet = new Set(value);
    return found.users
      .filter((u) => !pickedSet.has(u.userid))
      .map((u) => ({ value: u.userid, label: userLabel(u) }));
  }, [value, found]);

  return (
    <Select<Array<{ value: string }>>
      mode="multiple"
      labelInValue
      value={picked}
      onChange={(next) => onChange(next.map((v) => v.value))}
      options={current ? options : []}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      maxCount={maxCount}
      placeholder={placeholder ?? t('recipients.usersPlaceholder')}
      notFoundContent={loading || !current ? <Spin size="small" /> : t('recipients.noUsers')}
      disabled={disabled}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      onBlur={() => setSearch('')}
    />
  );
}
