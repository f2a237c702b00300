// Training: required learners and completion of any live, series (by hand, suggested, repeated),
// learner reports. Records go through the cache's TrainingStore; repeating a live writes to WeCom.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { RepeatResult } from '../../shared/training.ts';
import type { ServicesContext } from '../context.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { nameTaken, notFound } from './errors.ts';
import { refetch } from './lives.ts';
import { createLiveOnce } from './live-writes-once.ts';
import { plannedSchedule, repeatStarts } from '../../shared/live-plan.ts';

/** Series names compare as a person reads them: spaces around and letter case do not count. */
const seriesNameKey = (name: string) => name.trim().toLowerCase();

type Methods = Extract<keyof ServicesHandlers, `training.${string}`>;


export function trainingHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const training = () => ctx.cache().training;
  const liveOrThrow = (livingid: string) => {
    const found = ctx.cache().getLive(livingid);
    if (!found) throw notFound('LIVE_NOT_FOUND', livingid);
    return found.live;
  };
  const seriesOrThrow = (id: number) => {
    const series = training().store.getSeries(id);
    if (!series) throw notFound('SERIES_NOT_FOUND', String(id));
    return series;
  };
  const changed = () => ctx.changed('training', 'watch');

  return {
    'training.live': ({ livingid, level }) => {
      liveOrThrow(livingid);
      const result = training().liveTraining(livingid, level);
      if (!result) throw notFound('LIVE_NOT_FOUND', livingid);
      return result;
    },
    'training.setRequired': ({ livingid, required }) => {
      liveOrThrow(livingid);
      training().store.setRequired(livingid, required);
      changed();
      return { ok: true as const };
    },
    'training.setLiveRule': ({ livingid, threshold }) => {
      liveOrThrow(livingid);
      training().store.setLiveThreshold(livingid, threshold);
      changed();
      return { ok: true as const };
    },
    'training.matchLearners': ({ entries }) => training().matchLearners(entries),
    'training.seriesList': () => ({ series: training().store.listSeries().map((s) => training().seriesSummary(s)) }),
    'training.seriesGet': ({ id, from, to }) => training().seriesProgress(seriesOrThrow(id), from, to),
    'training.seriesSave': ({ id, name, threshold, required, livingids }) => {
      if (id !== null) seriesOrThrow(id);
      // two series of one name cannot be told apart in the lists and pickers
      const key = seriesNameKey(name);
      if (training().store.listSeries().some((s) => s.id !== id && seriesNameKey(s.name) === key)) throw nameTaken('SERIES_NAME_TAKEN', name.trim());
      for (const livingid of livingids ?? []) liveOrThrow(livingid);
      const saved = training().store.saveSeries({ id, name, threshold, required });
      if (livingids) training().store.setSeriesLives(saved, livingids, []);
      changed();
      return { id: saved };
    },
    'training.seriesDelete': ({ id }) => {
      seriesOrThrow(id);
      training().store.deleteSeries(id);
      changed();
      return { ok: true as const };
    },
    'training.seriesSetLives': ({ id, add, remove }) => {
      seriesOrThrow(id);
      for (const livingid of add) liveOrThrow(livingid);
      training().store.setSeriesLives(id, add, remove);
      changed();
      return { ok: true as const };
    },
    'training.seriesSuggestions': () => ({ suggestions: training().seriesSuggestions() }),
    'training.repeatLive': async ({ livingid, every, count, seriesId }, { signal }) => {
      const source = liveOrThrow(livingid);
      const series = seriesId !== null ? seriesOrThrow(seriesId) : training().store.seriesOf(livingid);
      const required = training().store.ownRequired(livingid);
      const threshold = training().store.liveThreshold(livingid);
      // the next sessions follow the plan: when it was to start and for how long, not when it really did
      const planned = plannedSchedule(source);
      const starts = repeatStarts(source, every, count);
      const result: RepeatResult = { created: [], failed: null, notAttempted: [] };
      for (const [index, start] of starts.entries()) {
        const request = {
          anchor_userid: source.anchorUserid,
          theme: source.theme,
          living_start: start,
          living_duration: planned.duration,
          type: source.type,
          description: source.description,
          remind_time: source.remindTime ?? 0,
        };
        let created: string;
        try {
          // sent once: a lost answer is read back (the live found, or said to be unknown), never retried
          created = await createLiveOnce(ctx, request, signal);
        } catch (error) {
          result.failed = { livingStart: start, error: toServiceError(error) };
          result.notAttempted = starts.slice(index + 1);
          break;
        }
        result.created.push({ livingid: created, livingStart: start });
        await refetch(ctx, ctx.clientOrNull(), created, () => ({ livingid: created, ...request, status: 0 }), { remind_time: request.remind_time });
        if (required) training().store.setRequired(created, required);
        if (threshold !== null) training().store.setLiveThreshold(created, threshold);
        if (series) training().store.setSeriesLives(series.id, [created], []);
      }
      if (result.created.length > 0) ctx.changed('lives', 'stats', 'training');
      if (result.failed && result.notAttempted.length > 0) ctx.log('info', `repeat of ${livingid}: stopped at the first failure; ${result.notAttempted.length} later lives were not sent`);
      return result;
    },
    'training.report': (query) => training().learnerReport(query),
  };
}
