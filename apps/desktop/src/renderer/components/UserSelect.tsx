// Pick one or several members from the cache: searches `users.search` as the user types (debounced,
// the previous search cancelled) and remembers the names of what was picked.
import { useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import type { User } from '../../shared/models.ts';
import { useUserSearch } from '../hooks/useUserSearch.ts';

export interface UserSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Names for ids that may not be in the first search results (e.g. the current anchor). */
  knownLabels?: Record<string, string>;
  maxCount?: number;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

const RESULT_LIMIT = 30;

export const userLabel = (u: Pick<User, 'name' | 'userid' | 'position'>): string =>
  u.position ? `${u.name} (${u.userid}) · ${u.position}` : `${u.name} (${u.userid})`;

export function UserSelect(props: UserSelectProps) {
  const { value, onChange, multiple, knownLabels, ...rest } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const labels = useRef(new Map<string, string>());
  const { rows: results, loading } = useUserSearch(query, { enabled: open || query !== '', limit: RESULT_LIMIT });
  for (const u of results) labels.current.set(u.userid, userLabel(u));

  const selected = useMemo(() => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]), [value]);
  const options = useMemo(() => {
    const seen = new Set<string>();
    const list: { value: string; label: string }[] = [];
    for (const id of selected) {
      seen.add(id);
      list.push({ value: id, label: labels.current.get(id) ?? knownLabels?.[id] ?? id });
    }
    for (const u of results) if (!seen.has(u.userid)) list.push({ value: u.userid, label: userLabel(u) });
    return list;
  }, [selected, results, knownLabels]);

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? selected : (selected[0] ?? null)}
      onChange={(next: string | string[] | null) => {
        onChange?.(next ?? null);
        if (multiple) setQuery('');
      }}
      onOpenChange={setOpen}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      loading={loading}
    />
  );
}

export default UserSelect;
