// Fetches every row of a paged source, page by page, reporting progress; cancellable with a signal.
import type { FetchPage } from '../components/VirtualTable.tsx';

export interface CollectProgress {
  done: number;
  total: number | null;
}

export async function collectPages<R>(
  fetchPage: FetchPage<R>,
  options: { pageSize?: number; signal: AbortSignal; onProgress?: (p: CollectProgress) => void },
): Promise<R[]> {
  const pageSize = options.pageSize ?? 1000;
  const rows: R[] = [];
  let total: number | null = null;
  options.onProgress?.({ done: 0, total });
  for (let offset = 0; total === null || offset < total; offset += pageSize) {
    options.signal.throwIfAborted();
    const page = await fetchPage(offset, pageSize, options.signal);
    total = page.total;
    rows.push(...page.rows);
    options.onProgress?.({ done: rows.length, total });
    if (page.rows.length === 0) break; // the source shrank underneath us
  }
  options.signal.throwIfAborted();
  return rows;
}
