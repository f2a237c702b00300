// Training records the renderer sees: required learners, completion rules, series and learner reports.
import { z } from 'zod';
import { useridSchema } from './text-rules.ts';
import { departmentGroupFields, liveSchema, serviceErrorSchema, unixSeconds } from './models.ts';

/** Most learners one list may name (an imported list of a large corp fits). */
export const MAX_REQUIRED_USERIDS = 20_000;
/** The longest entry of an imported learner list (a userid or a name is far shorter). */
export const MAX_LEARNER_ENTRY_CHARS = 200;
/** 完成 when watch time ≥ this share of the live's length, unless a live or series says otherwise. */
export const DEFAULT_COMPLETION_THRESHOLD = 0.8;

/** Who must attend: departments (with or without their sub-departments), tags and people. */
export const requiredLearnersSchema = z.object({
  departments: z.array(z.object({ id: z.number().int(), withSub: z.boolean() })).max(1000),
  tagIds: z.array(z.number().int()).max(1000),
  userids: z.array(useridSchema).max(MAX_REQUIRED_USERIDS),
});
export type RequiredLearners = z.infer<typeof requiredLearnersSchema>;

/** A share of the live's length, 1%–100%. */
export const thresholdSchema = z.number().min(0.01).max(1);

/** completed 完成, partial 部分观看, absent 未参加; required: the live has not ended (no verdict yet). */
export const learnerStatusSchema = z.enum(['completed', 'partial', 'absent', 'required']);
export type LearnerStatus = z.infer<typeof learnerStatusSchema>;

export const learnerCountsSchema = z.object({
  required: z.number().int(),
  completed: z.number().int(),
  partial: z.number().int(),
  absent: z.number().int(),
});
export type LearnerCounts = z.infer<typeof learnerCountsSchema>;

export const seriesRefSchema = z.object({ id: z.number().int(), name: z.string() });

/** Where a live's required learners come from: set on the live, its series, or the audience picked when creating it. */
export const requiredSourceSchema = z.enum(['live', 'series', 'audience']);

export const liveLearnerSchema = z.object({
  userid: z.string(),
  name: z.string(),
  departmentPath: z.string(),
  watchSeconds: z.number().int(),
  /** watch time / the live's length (may exceed 1: replay is counted by WeCom too) */
  ratio: z.number(),
  status: learnerStatusSchema,
  /** The department the learner is counted under at the chosen level (0: no known department). */
  groupId: z.number().int(),
});
export type LiveLearner = z.infer<typeof liveLearnerSchema>;

export const liveTrainingSchema = z.object({
  livingid: z.string(),
  required: requiredLearnersSchema.nullable(),
  requiredSource: requiredSourceSchema.nullable(),
  threshold: z.number(),
  thresholdSource: z.enum(['live', 'series', 'default']),
  /** false while the live has not ended (or never took place): no absentees, only who is required */
  ended: z.boolean(),
  /** WeCom's watch time includes replay watching */
  includesReplay: z.boolean(),
  series: seriesRefSchema.nullable(),
  counts: learnerCountsSchema,
  learners: z.array(liveLearnerSchema),
  /** The learners' counts per department at the chosen level (一级部门…; null: each department as it is). */
  byDepartment: z.array(z.object({ departmentId: z.number().int(), name: z.string(), ...departmentGroupFields, counts: learnerCountsSchema })),
});
export type LiveTraining = z.infer<typeof liveTrainingSchema>;

export const importMatchSchema = z.object({
  matched: z.array(z.object({ entry: z.string(), userid: z.string(), name: z.string() })),
  /** names that fit several people: none is added, the list says who they could be */
  ambiguous: z.array(
    z.object({ entry: z.string(), candidates: z.array(z.object({ userid: z.string(), name: z.string(), departmentPath: z.string() })) }),
  ),
  unmatched: z.array(z.string()),
});
export type ImportMatch = z.infer<typeof importMatchSchema>;

export const seriesSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  threshold: z.number().nullable(),
  required: requiredLearnersSchema.nullable(),
  lives: z.number().int(),
  firstStart: unixSeconds.nullable(),
  lastStart: unixSeconds.nullable(),
});
export type SeriesSummary = z.infer<typeof seriesSummarySchema>;

export const seriesLearnerSchema = z.object({
  userid: z.string(),
  name: z.string(),
  departmentPath: z.string(),
  /** one status per live of the series, in the order of `lives`; null: not required for that one */
  sessions: z.array(learnerStatusSchema.nullable()),
  attended: z.number().int(),
  completed: z.number().int(),
  /** completed at least one session of the series in the period */
  completedAny: z.boolean(),
});
export type SeriesLearner = z.infer<typeof seriesLearnerSchema>;

export const seriesDetailSchema = z.object({
  series: seriesSummarySchema,
  lives: z.array(liveSchema.extend({ counts: learnerCountsSchema, ended: z.boolean() })),
  learners: z.array(seriesLearnerSchema),
  completedAny: z.number().int(),
});

export const seriesSuggestionSchema = z.object({ name: z.string(), livingids: z.array(z.string()), themes: z.array(z.string()) });

export const repeatResultSchema = z.object({
  created: z.array(z.object({ livingid: z.string(), livingStart: unixSeconds })),
  /** the create that failed (nothing after it was sent), or null */
  failed: z.object({ livingStart: unixSeconds, error: serviceErrorSchema }).nullable(),
  notAttempted: z.array(unixSeconds),
});
export type RepeatResult = z.infer<typeof repeatResultSchema>;

export const learnerReportSchema = z.object({
  from: unixSeconds,
  to: unixSeconds,
  lives: z.array(z.object({ livingid: z.string(), theme: z.string(), livingStart: unixSeconds, ended: z.boolean() })),
  rows: z.array(
    z.object({
      userid: z.string(),
      name: z.string(),
      departmentPath: z.string(),
      required: z.number().int(),
      attended: z.number().int(),
      completed: z.number().int(),
      /** completed / required lives that have ended; null when none has */
      completionRate: z.number().nullable(),
    }),
  ),
  byDepartment: z.array(
    z.object({ departmentPath: z.string(), learners: z.number().int(), required: z.number().int(), attended: z.number().int(), completed: z.number().int(), completionRate: z.number().nullable() }),
  ),
});
export type LearnerReport = z.infer<typeof learnerReportSchema>;

export const learnerReportQuerySchema = z.object({
  from: unixSeconds,
  to: unixSeconds,
  seriesId: z.number().int().nullable().default(null),
  /** learners of this department and its sub-departments */
  departmentId: z.number().int().nullable().default(null),
  userid: useridSchema.nullable().default(null),
});
