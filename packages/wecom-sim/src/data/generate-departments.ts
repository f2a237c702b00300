// The department tree: root 1 named after the company, divisions, departments, then teams/regions
// and groups, 3-5 levels deep. Filled breadth-first so any count gives a balanced, realistic tree.
import type { Rng } from '../random.ts';
import { randInt, sampleIndexes } from '../random.ts';
import type { SimDepartment } from '../state/model.ts';
import type { CompanyName, Division } from './catalog.ts';
import { CHINESE_NUMERALS, DIVISIONS, FUNCTIONS, REGIONS, TEAMS } from './catalog.ts';

/** Deepest level below the root (root 0 .. 4 = five levels). */
const MAX_LEVEL = 4;
const ORDER_TOP = 100_000_000;

export interface GeneratedDepartments {
  /** pre-order */
  departments: SimDepartment[];
  /** division (index into DIVISIONS) of each department id; -1 for the root */
  divisionOf: Map<number, number>;
}

interface Draft {
  dept: SimDepartment;
  division: number;
  children: Draft[];
  usedNames: Set<string>;
}

function numeral(n: number): string {
  return n <= CHINESE_NUMERALS.length ? (CHINESE_NUMERALS[n - 1] as string) : String(n);
}

function childName(rng: Rng, parent: Draft, division: Division | undefined, level: number): [string, string] {
  if (level === 1 && division) return [division.name, division.nameEn];
  const pool: readonly (readonly [string, string])[] =
    level === 2 && division
      ? division.children
      : level === 3 && division
        ? division.units === 'regions'
          ? REGIONS
          : division.units === 'teams'
            ? TEAMS
            : FUNCTIONS
        : [];
  const unused = pool.filter(([zh]) => !parent.usedNames.has(zh));
  if (unused.length > 0) {
    const [zh, en] = unused[Math.floor(rng() * unused.length)] as readonly [string, string];
    return [zh, en];
  }
  if (level >= 4 || pool.length === 0) {
    const n = parent.children.length + 1;
    return [`第${numeral(n)}小组`, `Group ${n}`];
  }
  // Pool exhausted: a numbered copy of a pool name ("华东大区二部").
  const [zh, en] = pool[parent.children.length % pool.length] as readonly [string, string];
  const n = Math.floor(parent.children.length / pool.length) + 1;
  return [`${zh}${numeral(n)}部`, `${en} ${n}`];
}

export function generateDepartments(rng: Rng, count: number, company: CompanyName): GeneratedDepartments {
  const total = Math.max(1, Math.floor(count));
  let nextId = 1;
  const root: Draft = {
    dept: {
      id: nextId++,
      name: company.name,
      name_en: company.nameEn,
      parentid: 0,
      order: ORDER_TOP,
      department_leader: [],
      level: 0,
    },
    division: -1,
    children: [],
    usedNames: new Set(),
  };
  let remaining = total - 1;
  const branching = Math.max(2, Math.pow(total, 1 / MAX_LEVEL));

  const addChild = (parent: Draft, division: number): Draft => {
    const level = parent.dept.level + 1;
    const [name, nameEn] = childName(rng, parent, DIVISIONS[division], level);
    parent.usedNames.add(name);
    const draft: Draft = {
      dept: {
        id: nextId++,
        name,
        name_en: nameEn,
        parentid: parent.dept.id,
        order: ORDER_TOP - (parent.children.length + 1) * 1000,
        department_leader: [],
        level,
      },
      division,
      children: [],
      usedNames: new Set(),
    };
    parent.children.push(draft);
    remaining--;
    return draft;
  };

  // Level 1: divisions, distinct and in random order.
  const divisionCount = Math.min(remaining, DIVISIONS.length, Math.max(3, Math.round(branching * 1.4)));
  const divisionOrder = sampleIndexes(rng, DIVISIONS.length, divisionCount);
  let frontier: Draft[] = [];
  for (const division of divisionOrder) frontier.push(addChild(root, division));

  // Deeper levels, breadth-first, until the count is reached.
  while (remaining > 0 && frontier.length > 0 && (frontier[0] as Draft).dept.level < MAX_LEVEL) {
    const next: Draft[] = [];
    for (const parent of frontier) {
      if (remaining === 0) break;
      const n = Math.min(remaining, randInt(rng, Math.ceil(branching * 0.6), Math.ceil(branching * 1.5)));
      for (let i = 0; i < n; i++) next.push(addChild(parent, parent.division));
    }
    frontier = next;
  }
  // Still some left (tiny branching): spread them over the levels that may have children.
  const all: Draft[] = [];
  const collect = (d: Draft): void => {
    all.push(d);
    d.children.forEach(collect);
  };
  collect(root);
  const parents = all.filter((d) => d.dept.level >= 1 && d.dept.level < MAX_LEVEL);
  while (remaining > 0 && parents.length > 0) {
    const parent = parents[Math.floor(rng() * parents.length)] as Draft;
    addChild(parent, parent.division);
  }

  const departments: SimDepartment[] = [];
  const divisionOf = new Map<number, number>();
  const visit = (d: Draft): void => {
    departments.push(d.dept);
    divisionOf.set(d.dept.id, d.division);
    d.children.forEach(visit);
  };
  visit(root);
  return { departments, divisionOf };
}
