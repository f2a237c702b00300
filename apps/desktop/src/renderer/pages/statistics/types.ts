// The `stats.overview` answer, as the statistics components read it.
import type { MethodOutput } from '../../../shared/contract.ts';

export type Overview = MethodOutput<'stats.overview'>;
