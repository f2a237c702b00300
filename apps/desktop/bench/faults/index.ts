// `pnpm bench faults`: the fault matrix at 20%, as a markdown table.
import { formatFaultTable, runFaultMatrix } from './fault-matrix.ts';

export async function runFaultMatrixTable(): Promise<string> {
  const { cells, simMatches } = await runFaultMatrix({ rate: 0.2 });
  return formatFaultTable(cells, simMatches);
}
