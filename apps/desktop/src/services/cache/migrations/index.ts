// Numbered schema migrations, applied in order; PRAGMA user_version holds the last one applied.
import { initialSchema } from './001-initial.ts';
import { userSearch } from './002-user-search.ts';
import { aggregates } from './003-aggregates.ts';
import { searchBigrams } from './004-search-bigrams.ts';
import { training } from './005-training.ts';
import { notices } from './006-notices.ts';
import { watchGenerations } from './007-watch-generations.ts';
import { sortKeysAndSummaryChanges } from './008-sort-keys-and-summary-changes.ts';
import { summaryChangesPerLive } from './009-summary-changes-per-live.ts';
import { watchRowsWrittenDirectly } from './010-watch-rows-written-directly.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

export const migrations: readonly Migration[] = [
  initialSchema,
  userSearch,
  aggregates,
  searchBigrams,
  training,
  notices,
  watchGenerations,
  sortKeysAndSummaryChanges,
  summaryChangesPerLive,
  watchRowsWrittenDirectly,
];
