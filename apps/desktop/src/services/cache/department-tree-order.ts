// Departments in the order of a walk of the tree (each department before its sub-departments, a
// department's whole subtree in one run), so that a live's per-department rows kept in that order
// hold any subtree as one contiguous range: statistics by the viewers' department then read a
// range per live instead of testing every row.
import type { DepartmentPaths } from './department-paths.ts';

/** Root-first chains compared id by id; a chain before its extensions (a parent before its children). */
function compareChains(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** Each department's place in the walk (`departments[i]` → keys[i]), over the departments given. */
export function treeKeys(departments: readonly number[], paths: DepartmentPaths): Int32Array {
  const chains = departments.map((id) => paths.chain(id));
  const order = departments.map((_, i) => i).sort((a, b) => compareChains(chains[a]!, chains[b]!));
  const keys = new Int32Array(departments.length);
  order.forEach((index, key) => (keys[index] = key));
  return keys;
}

/**
 * The keys a subtree's departments hold, as one range, when they are one run of the walk (the
 * tree the keys were made from agrees with the subtree given); null otherwise, or when none of its
 * departments has a key.
 */
export function subtreeRange(keysOfSubtree: readonly number[]): { first: number; last: number } | null {
  if (keysOfSubtree.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const key of keysOfSubtree) {
    if (key < first) first = key;
    if (key > last) last = key;
  }
  return last - first + 1 === keysOfSubtree.length ? { first, last } : null;
}
