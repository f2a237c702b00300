// Org rows are written in chunked transactions, each row stamped with the org sync's generation and
// the time it was fetched.
import { chunks, type CacheContext } from './context.ts';

export function writeStampedChunks<T>(
  ctx: CacheContext,
  rows: readonly T[],
  size: number,
  stamp: () => number,
  fetchedAt: number,
  write: (chunk: readonly T[], gen: number, at: number) => void,
): void {
  if (rows.length === 0) return;
  const gen = stamp();
  const at = Math.trunc(fetchedAt);
  for (const chunk of chunks(rows, size)) ctx.tx(() => write(chunk, gen, at));
}
