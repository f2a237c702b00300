// The training records of one corp behind one interface: required learners, completion rules and
// series. The screens and handlers use only this, so a shared team store (several admins of one corp)
// can take the SQLite one's place later.
import type { RequiredLearners } from '../../shared/training.ts';

export interface SeriesRecord {
  id: number;
  name: string;
  /** the series' completion threshold, or null (the default applies) */
  threshold: number | null;
  /** required learners of the series' lives that have none of their own, or null */
  required: RequiredLearners | null;
  /** its lives, by livingid */
  livingids: string[];
}

export interface SeriesInput {
  id: number | null;
  name: string;
  threshold: number | null;
  required: RequiredLearners | null;
}

/** Where a live's required learners come from. */
export type RequiredSource = 'live' | 'series' | 'audience';

export interface TrainingStore {
  /** The required learners set on the live itself, or null. */
  ownRequired(livingid: string): RequiredLearners | null;
  /** Sets (null: removes) a live's own required learners. */
  setRequired(livingid: string, required: RequiredLearners | null): void;
  /** The live's required learners in force: its own, else its series', else the audience picked when it was created here. */
  effectiveRequired(livingid: string): { required: RequiredLearners; source: RequiredSource } | null;
  /** The userids a live's required learners stand for today (departments and tags expanded; disabled and departed people left out). */
  requiredLearners(livingid: string): string[];

  /** A live's own completion threshold, or null. */
  liveThreshold(livingid: string): number | null;
  setLiveThreshold(livingid: string, threshold: number | null): void;

  listSeries(): SeriesRecord[];
  getSeries(id: number): SeriesRecord | null;
  /** The series a live belongs to, or null. */
  seriesOf(livingid: string): SeriesRecord | null;
  /** Creates (id null) or updates a series; returns its id. */
  saveSeries(input: SeriesInput): number;
  /** Removes a series record (its lives are not touched); false when unknown. */
  deleteSeries(id: number): boolean;
  /** Adds lives to (moving them from any other series) and removes lives from a series. */
  setSeriesLives(id: number, add: string[], remove: string[]): void;
}
