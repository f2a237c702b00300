// The fault matrix as a test: -1, 45009, 45033, 40014/42001, 5xx, resets, timeouts, malformed and
// wrong-shape answers at 20% on every WeCom path, for the org, lives and watch syncs. Every job
// completes with exactly the simulator's rows, none twice, and the message sent under each fault
// reaches WeCom exactly when the client says it was sent. Rate-limit windows pass on a virtual
// clock; no assertion depends on wall time.
import { describe, expect, it } from 'vitest';
import { formatFaultTable, runFaultMatrix } from '../../bench/faults/fault-matrix.ts';

describe('fault matrix at 20%', () => {
  it('every sync completes with exactly the simulator rows under every fault', async () => {
    const { cells, simMatches } = await runFaultMatrix({ rate: 0.2 });
    const table = formatFaultTable(cells, simMatches);
    expect(simMatches, table).toBe(true);
    expect(cells).toHaveLength(27);
    for (const cell of cells) {
      const what = `${cell.scope} × ${cell.fault}\n${table}`;
      expect(cell.state, what).toBe('done');
      expect({ missing: cell.missing, extra: cell.extra, duplicates: cell.duplicates }, what).toEqual({ missing: 0, extra: 0, duplicates: 0 });
      expect(cell.received, what).toBe(cell.send === 'ok' ? 1 : 0);
    }
  }, 300_000);
});
