// Training on top of the cache: the store (records) and the reads computed against the org and the
// watch statistics (live learners, series progress, learner reports, import matching, suggestions).
import type { CacheContext } from '../cache/context.ts';
import type { OrgAggregates } from '../cache/org-aggregates.ts';
import { matchLearners } from './import-match.ts';
import { createLiveTraining } from './live-learners.ts';
import { createLearnerReports } from './reports.ts';
import { createLearnerResolver } from './resolve-learners.ts';
import { createSeriesProgress, seriesSummary } from './series-progress.ts';
import { createSqliteTrainingStore } from './sqlite-store.ts';
import type { SeriesRecord, TrainingStore } from './store.ts';
import { suggestSeries } from './suggest-series.ts';

export type { TrainingStore, SeriesRecord } from './store.ts';

export function createTraining(ctx: CacheContext, aggregates: OrgAggregates) {
  const resolver = createLearnerResolver(ctx, aggregates);
  const store: TrainingStore = createSqliteTrainingStore(ctx, resolver);
  return {
    store,
    resolver,
    liveTraining: createLiveTraining(ctx, store, resolver),
    seriesProgress: createSeriesProgress(ctx, store, resolver),
    seriesSummary: (record: SeriesRecord) => seriesSummary(ctx, record),
    learnerReport: createLearnerReports(ctx, store, resolver, aggregates),
    matchLearners: (entries: readonly string[]) => matchLearners(ctx, entries),
    seriesSuggestions: () => suggestSeries(ctx),
  };
}

export type Training = ReturnType<typeof createTraining>;
