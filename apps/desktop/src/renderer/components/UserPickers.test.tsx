// The one member picker, as the live form, audience and profile anchor use it and as messages' recipients
// and app chat members use it (active members only, chips folded, names remembered for the owner list):
// Enter adds the highlighted search result, never removes someone already picked, never adds a result
// of an earlier search; a picked person's chip shows the name.
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { fakeApi } from '../test-support/fakeApi.ts';
import { renderWithQueries } from '../test-support/queries.tsx';
import type { User } from '../../shared/models.ts';
import { useMessagesStore } from '../stores/messages.ts';
import { UserSelect } from './UserSelect.tsx';
import { MemberSelect } from '../pages/messages/MemberSelect.tsx';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

const person = (userid: string, name: string): User =>
  ({ userid, name, position: '工程师', status: 1, departments: [1], mainDepartment: 1 }) as User;
const people = [person('wangfang', '王芳'), person('boss', '王建国'), person('zhouning', '周宁')];

/** Answers users.search by name; a query listed in `held` waits until released. */
function serveSearch(held: Map<string, () => void> = new Map()) {
  fakeApi.handle('users.search', ({ query }) => {
    const rows = people.filter((p) => !query || p.name.includes(query) || p.userid.includes(query));
    const result = { asOf: 1, stale: false, total: rows.length, rows };
    if (!held.has(query ?? '')) return result;
    return new Promise((resolve) => held.set(query ?? '', () => resolve(result)));
  });
}

function Shared({ initial, onPicked }: { initial: string[]; onPicked: (ids: string[]) => void }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <UserSelect
      multiple
      value={value}
      knownLabels={{ wangfang: '王芳 (wangfang) · 工程师' }}
      onChange={(next) => {
        const ids = (next ?? []) as string[];
        setValue(ids);
        onPicked(ids);
      }}
      data-testid="picker"
    />
  );
}

function Recipients({ initial, onPicked }: { initial: string[]; onPicked: (ids: string[]) => void }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <MemberSelect
      value={value}
      maxCount={1000}
      onChange={(ids) => {
        setValue(ids);
        onPicked(ids);
      }}
      data-testid="picker"
    />
  );
}

/** Enter as a keyboard sends it; the select reads the legacy `which`, which user-event leaves at 0 in jsdom. */
function pressEnter(input: HTMLElement) {
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

/** Waits until the list highlights an option matching `text` (what Enter would pick). */
const highlighted = (text: RegExp) =>
  waitFor(() => expect(document.querySelector('.ant-select-item-option-active')).toHaveTextContent(text));

// The recipients' chips collapse to a "+N" count that jsdom cannot measure; the browser spec checks them.
const pickers = [
  ['shared UserSelect', Shared, { chipsInJsdom: true }],
  ['MemberSelect (recipients, app chat members)', Recipients, { chipsInJsdom: false }],
] as const;

beforeEach(() => {
  fakeApi.reset();
  useMessagesStore.setState({ labels: { 'user:wangfang': '王芳' } });
});

describe.each(pickers)('%s', (_name, Picker, { chipsInJsdom }) => {
  const setup = (initial: string[]) => {
    const picked: string[][] = [];
    renderWithQueries(
      <AntApp>
        <Picker initial={initial} onPicked={(ids) => picked.push(ids)} />
      </AntApp>,
    );
    return { picked, input: screen.getByRole('combobox') };
  };

  it('Enter adds the highlighted result and keeps who was picked; the chip shows the name', async () => {
    serveSearch();
    const user = userEvent.setup();
    const { picked, input } = setup(['wangfang']);
    if (chipsInJsdom) {
      expect(screen.getByTestId('picker')).toHaveTextContent('王芳');
      expect(screen.getByTestId('picker')).not.toHaveTextContent('wangfang');
    }

    await user.click(input);
    await user.keyboard('王');
    // 王芳 is picked already: the list offers 王建国 only, highlighted
    await highlighted(/王建国.*boss/);
    pressEnter(input);
    expect(picked.at(-1)).toEqual(['wangfang', 'boss']);
    if (chipsInJsdom) expect(screen.getByTestId('picker')).toHaveTextContent('王建国');
  });

  it('Enter on a search that only finds picked people removes no one', async () => {
    serveSearch();
    const user = userEvent.setup();
    const { picked, input } = setup(['wangfang']);
    await user.click(input);
    await user.keyboard('芳');
    await waitFor(() => expect(fakeApi.callsOf('users.search').some((c) => (c.input as { query?: string }).query === '芳')).toBe(true));
    pressEnter(input);
    expect(picked).toEqual([]);
    if (chipsInJsdom) expect(screen.getByTestId('picker')).toHaveTextContent('王芳');
  });

  it('Enter before the results of what was typed arrive adds no one from an earlier search', async () => {
    const held = new Map<string, () => void>([['周', () => {}]]);
    serveSearch(held);
    const user = userEvent.setup();
    const { picked, input } = setup([]);
    await user.click(input);
    // the first results (everyone) are on screen, then a new query is on its way
    await screen.findByText(/王芳/);
    await user.keyboard('周');
    await waitFor(() => expect(fakeApi.callsOf('users.search').some((c) => (c.input as { query?: string }).query === '周')).toBe(true));
    pressEnter(input);
    expect(picked).toEqual([]);
    held.get('周')?.();
    await highlighted(/周宁/);
    pressEnter(input);
    expect(picked.at(-1)).toEqual(['zhouning']);
  });
});

describe('MemberSelect (recipients, app chat members)', () => {
  it('searches active members only and remembers the names it finds for the lists that show picked ids', async () => {
    serveSearch();
    const user = userEvent.setup();
    renderWithQueries(
      <AntApp>
        <Recipients initial={[]} onPicked={() => {}} />
      </AntApp>,
    );
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('王');
    await highlighted(/王/);
    expect(fakeApi.callsOf('users.search').every((c) => (c.input as { status?: number }).status === 1)).toBe(true);
    await waitFor(() => expect(useMessagesStore.getState().labels['user:boss']).toBe('王建国'));
  });
});
