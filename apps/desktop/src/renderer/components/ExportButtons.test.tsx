import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import '../i18n/index.ts';
import type { CollectProgress } from '../export/collectPages.ts';
import { ExportButtons, PROGRESS_DELAY_MS, type ExportLoader } from './ExportButtons.tsx';

const written = vi.hoisted(() => ({ files: [] as Array<{ filename: string; rows: number }> }));
vi.mock('../export/exportRows.ts', () => ({
  exportRows: (options: { filename: string; rows: unknown[] }) => {
    written.files.push({ filename: options.filename, rows: options.rows.length });
    return Promise.resolve();
  },
}));

const columns = [{ key: 'name', title: '姓名' }];

function renderButtons(load: ExportLoader) {
  return render(
    <App>
      <ExportButtons filename="成员列表" columns={columns} load={load} />
    </App>,
  );
}

/** Whether the progress dialog was ever in the page while `during` ran. */
async function dialogSeenDuring(during: () => Promise<void>): Promise<boolean> {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="export-progress"]')) seen = true;
  });
  observer.observe(document.body, { childList: true, subtree: true });
  await during();
  observer.disconnect();
  return seen || document.querySelector('[data-testid="export-progress"]') !== null;
}

afterEach(() => {
  vi.useRealTimers();
  written.files = [];
});

describe('ExportButtons', () => {
  it('a quick export writes the file without flashing the progress dialog', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderButtons(() => Promise.resolve([{ name: '张三' }, { name: '李四' }]));
    const seen = await dialogSeenDuring(async () => {
      fireEvent.click(screen.getByTestId('export-csv'));
      // the export ends well within the delay; then the delay passes too
      await act(() => vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS - 100));
      await act(() => vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS));
    });
    expect(written.files).toEqual([{ filename: '成员列表', rows: 2 }]);
    expect(seen).toBe(false);
  });

  it('a long export opens the dialog after the delay, with its progress and a Cancel that works', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let report: ((p: CollectProgress) => void) | null = null;
    renderButtons(
      (signal, onProgress) =>
        new Promise((_, reject) => {
          report = onProgress;
          signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
        }),
    );
    fireEvent.click(screen.getByTestId('export-xlsx'));
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS - 100));
    expect(screen.queryByTestId('export-progress')).toBeNull();
    // the other format waits its turn while this one runs
    expect(screen.getByTestId('export-csv')).toBeDisabled();

    await act(() => vi.advanceTimersByTimeAsync(100));
    act(() => report?.({ done: 500, total: 2000 }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('export-progress')).toHaveTextContent('25%');

    fireEvent.click(screen.getByTestId('export-cancel'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(written.files).toEqual([]);
    expect(screen.getByTestId('export-csv')).toBeEnabled();
  });
});
