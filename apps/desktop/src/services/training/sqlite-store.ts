// The TrainingStore kept in the profile's own SQLite cache (per corp): migration 005's tables.
import { requiredLearnersSchema, type RequiredLearners } from '../../shared/training.ts';
import { readAudience } from '../cache/audience.ts';
import type { CacheContext } from '../cache/context.ts';
import type { LearnerResolver } from './resolve-learners.ts';
import type { SeriesInput, SeriesRecord, TrainingStore } from './store.ts';

interface SeriesRow {
  id: number;
  name: string;
  threshold: number | null;
  required: string | null;
}

const parseRequired = (json: string | null): RequiredLearners | null =>
  json === null ? null : requiredLearnersSchema.parse(JSON.parse(json));

/** A request that names nobody is the same as none. */
const isEmpty = (r: RequiredLearners) => r.departments.length === 0 && r.tagIds.length === 0 && r.userids.length === 0;

export function createSqliteTrainingStore(ctx: CacheContext, resolver: LearnerResolver): TrainingStore {
  const toSeries = (row: SeriesRow): SeriesRecord => ({
    id: row.id,
    name: row.name,
    threshold: row.threshold,
    required: parseRequired(row.required),
    livingids: ctx
      .stmt(
        `SELECT s.livingid FROM training_series_lives s LEFT JOIN lives l ON l.livingid = s.livingid
         WHERE s.series_id = ? ORDER BY l.living_start, s.livingid`,
      )
      .pluck()
      .all(row.id) as string[],
  });

  const ownRequired = (livingid: string) =>
    parseRequired((ctx.stmt('SELECT spec FROM training_required WHERE livingid = ?').pluck().get(livingid) as string | undefined) ?? null);

  const seriesOf = (livingid: string): SeriesRecord | null => {
    const row = ctx
      .stmt(
        `SELECT t.id, t.name, t.threshold, t.required FROM training_series_lives s
         JOIN training_series t ON t.id = s.series_id WHERE s.livingid = ?`,
      )
      .get(livingid) as SeriesRow | undefined;
    return row ? toSeries(row) : null;
  };

  const store: TrainingStore = {
    ownRequired,
    setRequired(livingid, required) {
      if (required === null || isEmpty(required)) {
        ctx.stmt('DELETE FROM training_required WHERE livingid = ?').run(livingid);
        return;
      }
      ctx
        .stmt('INSERT OR REPLACE INTO training_required (livingid, spec, updated_at) VALUES (?, ?, ?)')
        .run(livingid, JSON.stringify(requiredLearnersSchema.parse(required)), ctx.now());
    },
    effectiveRequired(livingid) {
      const own = ownRequired(livingid);
      if (own) return { required: own, source: 'live' };
      const series = seriesOf(livingid);
      if (series?.required) return { required: series.required, source: 'series' };
      const audience = readAudience(ctx, livingid);
      if (audience && (audience.userids.length || audience.departmentIds.length || audience.tagIds.length)) {
        return {
          required: {
            departments: audience.departmentIds.map((id) => ({ id, withSub: true })),
            tagIds: audience.tagIds,
            userids: audience.userids,
          },
          source: 'audience',
        };
      }
      return null;
    },
    requiredLearners(livingid) {
      const effective = store.effectiveRequired(livingid);
      return effective ? resolver.resolve(effective.required).map((l) => l.userid) : [];
    },
    liveThreshold: (livingid) =>
      (ctx.stmt('SELECT threshold FROM training_live_rules WHERE livingid = ?').pluck().get(livingid) as number | undefined) ?? null,
    setLiveThreshold(livingid, threshold) {
      if (threshold === null) ctx.stmt('DELETE FROM training_live_rules WHERE livingid = ?').run(livingid);
      else
        ctx
          .stmt('INSERT OR REPLACE INTO training_live_rules (livingid, threshold, updated_at) VALUES (?, ?, ?)')
          .run(livingid, threshold, ctx.now());
    },
    listSeries: () =>
      (ctx.stmt('SELECT id, name, threshold, required FROM training_series ORDER BY name, id').all() as SeriesRow[]).map(toSeries),
    getSeries(id) {
      const row = ctx.stmt('SELECT id, name, threshold, required FROM training_series WHERE id = ?').get(id) as SeriesRow | undefined;
      return row ? toSeries(row) : null;
    },
    seriesOf,
    saveSeries(input: SeriesInput) {
      const required = input.required && !isEmpty(input.required) ? JSON.stringify(requiredLearnersSchema.parse(input.required)) : null;
      if (input.id === null) {
        return Number(
          ctx
            .stmt('INSERT INTO training_series (name, threshold, required, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.name, input.threshold, required, ctx.now(), ctx.now()).lastInsertRowid,
        );
      }
      ctx
        .stmt('UPDATE training_series SET name = ?, threshold = ?, required = ?, updated_at = ? WHERE id = ?')
        .run(input.name, input.threshold, required, ctx.now(), input.id);
      return input.id;
    },
    deleteSeries: (id) =>
      ctx.tx(() => {
        ctx.stmt('DELETE FROM training_series_lives WHERE series_id = ?').run(id);
        return ctx.stmt('DELETE FROM training_series WHERE id = ?').run(id).changes > 0;
      }),
    setSeriesLives(id, add, remove) {
      ctx.tx(() => {
        for (const livingid of remove) ctx.stmt('DELETE FROM training_series_lives WHERE livingid = ? AND series_id = ?').run(livingid, id);
        for (const livingid of add)
          ctx
            .stmt('INSERT OR REPLACE INTO training_series_lives (livingid, series_id, added_at) VALUES (?, ?, ?)')
            .run(livingid, id, ctx.now());
      });
    },
  };
  return store;
}
