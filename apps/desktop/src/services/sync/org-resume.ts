// Where an org sync stopped, so the next one (after a failure, a cancel or a restart) goes on from
// there: its generation stays open and the departments whose members are written are not asked
// again. Rows written under that generation count as seen by the final sweep, so resuming removes
// nobody who is still there.
import type { Cache } from '../cache/index.ts';

const RESUME_SCOPE = 'org:resume';
/** The cache's generation record (org-writes.ts): which full org sync is open. */
const GENERATION_KEY = 'org.generation';

export interface OrgResume {
  generation: number;
  /** departments whose members are in the cache under this generation */
  done: Set<number>;
  resumed: boolean;
  /** Marks departments done (their members were written); persisted at once. */
  markDone(departmentIds: number[]): void;
  /** The sync finished: nothing to resume. */
  clear(): void;
}

export function openOrgResume(cache: Cache): OrgResume {
  const saved = cache.getSyncState(RESUME_SCOPE)?.data as
    { generation?: unknown; departments?: unknown } | null | undefined;
  const active = cache.getMeta<{ active?: number | null }>(GENERATION_KEY)?.active ?? null;
  const resumable =
    saved &&
    typeof saved.generation === 'number' &&
    saved.generation === active &&
    Array.isArray(saved.departments);
  const generation = resumable ? (saved.generation as number) : cache.beginOrgSync();
  const done = new Set<number>(
    resumable ? (saved.departments as unknown[]).filter((d): d is number => typeof d === 'number') : [],
  );
  const save = () =>
    cache.setSyncState(RESUME_SCOPE, { status: 'running', data: { generation, departments: [...done] } });
  save();
  return {
    generation,
    done,
    resumed: Boolean(resumable),
    markDone(departmentIds) {
      if (departmentIds.length === 0) return;
      for (const id of departmentIds) done.add(id);
      save();
    },
    clear() {
      cache.setSyncState(RESUME_SCOPE, { status: 'done', data: null });
    },
  };
}
