// Picks users from the cache by name, userid or position (server-side search, debounced), showing
// names for picked ids and stopping at a cap. The list offers only people not yet picked, and only
// the results of what is typed now: Enter adds the highlighted person, never removes a picked one
// and never adds a result of an earlier search.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMessagesStore } from '../../stores/messages.ts';

const SEARCH_LIMIT = 50;
const DEBOUNCE_MS = 200;

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
  const [found, setFound] = useState<{ query: string; users: { userid: string; name: string; position: string }[] }>({ query: '', users: [] });
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      setLoading(true);
      const query = search.trim();
      api
        .call('users.search', { query, status: 1, limit: SEARCH_LIMIT, offset: 0 }, { signal: ac.signal })
        .then(
          (result) => {
            if (ac.signal.aborted) return;
            setFound({ query, users: result.rows.map((u) => ({ userid: u.userid, name: u.name, position: u.position })) });
            rememberLabels(Object.fromEntries(result.rows.map((u) => [`user:${u.userid}`, u.name])));
          },
          () => {
            if (!ac.signal.aborted) setFound({ query, users: [] });
          },
        )
        .finally(() => {
          if (!ac.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, rememberLabels]);
  useEffect(() => () => controller.current?.abort(), []);

  // a picked person's chip shows the name (the userid on hover); the list, who else matches
  const picked = useMemo(() => value.map((id) => ({ value: id, label: <span title={id}>{labels[`user:${id}`] ?? id}</span> })), [value, labels]);
  const current = found.query === search.trim();
  const options = useMemo(() => {
    const pickedSet = new Set(value);
    return found.users
      .filter((u) => !pickedSet.has(u.userid))
      .map((u) => ({ value: u.userid, label: `${u.name}（${u.userid}）${u.position ? ` · ${u.position}` : ''}` }));
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
