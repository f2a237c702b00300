// Pick one or several members from the cache: searches `users.search` as the user types (debounced,
// the previous search cancelled) and remembers the names of what was picked. Picking several, the
// list offers only people not yet picked and only the results of what is typed now: Enter adds the
// highlighted person, never removes a picked one and never adds a result of an earlier search; a
// picked person's chip shows the name.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import type { User } from '../../shared/models.ts';
import { useUserSearch } from '../hooks/useUserSearch.ts';
import { useServiceQuery } from '../hooks/useServiceQuery.ts';
import { nameWithId } from '../format.ts';

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
  /** Offers active members only (a message reaches no one else). */
  activeOnly?: boolean;
  /** Said when a search finds no one. */
  notFoundText?: string;
  /** Picked chips fold into "+ N" when they do not fit one line. */
  maxTagCount?: 'responsive';
  /** Told the name of every person the picker learns about (for lists elsewhere that show them). */
  onNamed?: (users: ReadonlyArray<Pick<User, 'userid' | 'name'>>) => void;
}

const RESULT_LIMIT = 30;
/** Picked ids named per lookup (users.byIds' limit). */
const MAX_NAMED = 1000;

export const userLabel = (u: Pick<User, 'name' | 'userid' | 'position'>): string =>
  u.position ? `${nameWithId(u.name, u.userid)} · ${u.position}` : nameWithId(u.name, u.userid);

/** The name in a label made by userLabel ("王芳 (wangfang) · 工程师" → "王芳"). */
const nameOf = (label: string | undefined): string | undefined => label?.replace(/ \(.*$/, '');

export function UserSelect(props: UserSelectProps) {
  const { value, onChange, multiple, knownLabels, activeOnly, notFoundText, onNamed, ...rest } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const labels = useRef(new Map<string, string>());
  const names = useRef(new Map<string, string>());
  const search = useUserSearch(query, { enabled: open || query !== '', limit: RESULT_LIMIT, ...(activeOnly ? { status: 1 as const } : {}) });
  const loading = search.loading;
  const results = { query: search.answers, rows: search.rows };
  for (const u of search.rows) {
    labels.current.set(u.userid, userLabel(u));
    names.current.set(u.userid, u.name);
  }

  const selected = useMemo(() => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]), [value]);
  // picked people this picker has no name for yet (an edit's or a copy's audience): asked for once
  const unnamed = selected.filter((id) => !labels.current.has(id) && knownLabels?.[id] === undefined).slice(0, MAX_NAMED);
  const picked = useServiceQuery('users.byIds', { userids: unnamed }, { enabled: unnamed.length > 0, topics: ['users'] });
  for (const u of picked.data?.users ?? []) {
    labels.current.set(u.userid, userLabel(u));
    names.current.set(u.userid, u.name);
  }
  const current = results.query === query.trim().slice(0, 100);
  const options = useMemo(() => {
    const seen = new Set<string>(selected);
    // one pick: the picked person stays an option, so the box can show its label
    const list: { value: string; label: string }[] = multiple
      ? []
      : selected.map((id) => ({ value: id, label: labels.current.get(id) ?? knownLabels?.[id] ?? id }));
    if (current) for (const u of results.rows) if (!seen.has(u.userid)) list.push({ value: u.userid, label: userLabel(u) });
    return list;
  }, [selected, results, current, multiple, knownLabels, picked.data]);
  const notFound = loading || !current ? <Spin size="small" /> : notFoundText;
  useEffect(() => {
    if (onNamed && search.rows.length > 0) onNamed(search.rows);
  }, [onNamed, search.rows]);
  useEffect(() => {
    if (onNamed && picked.data?.users.length) onNamed(picked.data.users);
  }, [onNamed, picked.data]);

  if (multiple) {
    const chips = selected.map((id) => ({
      value: id,
      label: <span title={labels.current.get(id) ?? knownLabels?.[id] ?? id}>{names.current.get(id) ?? nameOf(knownLabels?.[id]) ?? id}</span>,
    }));
    return (
      <Select<Array<{ value: string }>>
        {...rest}
        showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
        mode="multiple"
        labelInValue
        value={chips}
        onChange={(next) => {
          onChange?.(next.map((v) => v.value));
          setQuery('');
        }}
        onOpenChange={setOpen}
        onBlur={() => setQuery('')}
        options={options}
        notFoundContent={notFound}
        loading={loading}
      />
    );
  }
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      value={selected[0] ?? null}
      onChange={(next: string | null) => onChange?.(next ?? null)}
      onOpenChange={setOpen}
      options={options}
      notFoundContent={notFound}
      loading={loading}
    />
  );
}

export default UserSelect;
