// Matches an imported list (one userid or name per entry) against the organisation: a userid wins;
// a name matches when exactly one current member bears it; several → ambiguous (none added); none →
// unmatched. Every entry lands in exactly one of the three lists.
import type { ImportMatch } from '../../shared/training.ts';
import type { CacheContext } from '../cache/context.ts';
import { departmentPaths } from '../cache/department-paths.ts';

export function matchLearners(ctx: CacheContext, entries: readonly string[]): ImportMatch {
  const result: ImportMatch = { matched: [], ambiguous: [], unmatched: [] };
  const pathOf = departmentPaths(ctx);
  const seen = new Set<string>();
  const byUserid = ctx.stmt('SELECT userid, name FROM users WHERE userid = ? COLLATE NOCASE AND status != 5');
  const byName = ctx.stmt('SELECT userid, name, home_department AS home FROM users WHERE name = ? AND status != 5 ORDER BY userid LIMIT 20');
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '' || seen.has(entry)) continue;
    seen.add(entry);
    const user = byUserid.get(entry) as { userid: string; name: string } | undefined;
    if (user) {
      result.matched.push({ entry, userid: user.userid, name: user.name });
      continue;
    }
    const named = byName.all(entry) as Array<{ userid: string; name: string; home: number | null }>;
    if (named.length === 1) result.matched.push({ entry, userid: named[0]!.userid, name: named[0]!.name });
    else if (named.length > 1)
      result.ambiguous.push({ entry, candidates: named.map((u) => ({ userid: u.userid, name: u.name, departmentPath: pathOf(u.home) })) });
    else result.unmatched.push(entry);
  }
  return result;
}
