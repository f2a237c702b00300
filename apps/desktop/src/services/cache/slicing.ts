// How reads ahead of a request are cut into slices, with the services' event loop let run between
// them (they answer the windows on the same thread): a fixed count a slice, or slices fitted to a
// time budget from the time the slices before took. A fixed count blocks a machine twice as slow
// twice as long; a budget holds the windows' questions back about as long on any machine.
export type Slicing = { fixed: number } | { budgetMs: number };

/** The services' reads ahead: slices of about this long. */
export const READ_AHEAD_BUDGET_MS = 15;
export const READ_AHEAD_SLICING: Slicing = { budgetMs: READ_AHEAD_BUDGET_MS };

/** The next slice's size: as many units as the budget holds at the last slice's pace, growing at most 4 × a slice. */
export function nextSliceSize(units: number, elapsedMs: number, budgetMs: number): number {
  const atPace = Math.floor((units * budgetMs) / Math.max(elapsedMs, 0.01));
  return Math.max(1, Math.min(atPace, units * 4));
}

/** Successive slice sizes; a budgeted cut starts with `firstBudgeted` units, whose time sizes the next. */
export function sliceSizer(slicing: Slicing, firstBudgeted: number) {
  let size = 'fixed' in slicing ? slicing.fixed : firstBudgeted;
  return {
    size: () => size,
    /** Runs one slice's work over `units` units (the pause before it not counted), and sizes the next from its time. */
    run(units: number, work: () => void): void {
      const started = performance.now();
      work();
      if ('budgetMs' in slicing) size = nextSliceSize(units, performance.now() - started, slicing.budgetMs);
    },
  };
}
