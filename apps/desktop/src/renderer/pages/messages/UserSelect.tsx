// Picks users from the cache by name, userid or position (server-side search, debounced), showing
// names for picked ids and stopping at a cap.
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
  const [found, setFound] = useState<{ userid: string; name: string; position: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      setLoading(true);
      api
        .call('users.search', { query: search.trim(), status: 1, limit: SEARCH_LIMIT, offset: 0 }, { signal: ac.signal })
        .then(
          (result) => {
            if (ac.signal.aborted) return;
            setFound(result.rows.map((u) => ({ userid: u.userid, name: u.name, position: u.position })));
            rememberLabels(Object.fromEntries(result.rows.map((u) => [`user:${u.userid}`, u.name])));
          },
          () => {
            if (!ac.signal.aborted) setFound([]);
          },
        )
        .finally(() => {
          if (!ac.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, rememberLabels]);
  useEffect(() => () => controller.current?.abort(), []);

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
