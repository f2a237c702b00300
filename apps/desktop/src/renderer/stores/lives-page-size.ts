// The lives list's page size, kept on this PC: an admin who reads 50 lives a page gets 50 again at
// the next start, and the warm start asks for that many.
const KEY = 'wld.livesPageSize';

/** The sizes the list offers (antd's pagination defaults). */
export const LIVES_PAGE_SIZES: readonly number[] = [10, 20, 50, 100];
const DEFAULT_SIZE = 20;

export function storedLivesPageSize(): number {
  try {
    const size = Number(localStorage.getItem(KEY));
    return LIVES_PAGE_SIZES.includes(size) ? size : DEFAULT_SIZE;
  } catch {
    return DEFAULT_SIZE; // no storage (a locked-down browser): the default each start
  }
}

export function storeLivesPageSize(size: number): void {
  if (!LIVES_PAGE_SIZES.includes(size)) return;
  try {
    localStorage.setItem(KEY, String(size));
  } catch {
    // not kept: the list still shows this size until the window closes
  }
}
