// Fault injection: rules matched per request in the order they were added. Latency rules add up;
// the first other rule that fires decides the answer. Rates use a per-rule seeded RNG, so a given
// request sequence always sees the same faults.
import { z } from 'zod';
import type { Rng } from './random.ts';
import { deriveSeed, mulberry32 } from './random.ts';
import type { FaultRule, SimFaults } from './types.ts';

const TOKEN_PATH = '/cgi-bin/gettoken';

const faultRuleSchema = z.object({
  kind: z.enum(['errcode', 'http', 'latency', 'drop', 'malformed', 'wrongShape', 'lostAnswer']),
  path: z.union([z.string().startsWith('/'), z.instanceof(RegExp)]).optional(),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
  status: z.number().int().min(100).max(599).optional(),
  latencyMs: z.number().min(0).optional(),
  rate: z.number().min(0).max(1).optional(),
  count: z.number().int().min(0).optional(),
  skip: z.number().int().min(0).optional(),
  fromMs: z.number().min(0).optional(),
  untilMs: z.number().min(0).optional(),
});

interface ActiveRule {
  id: string;
  rule: FaultRule;
  rng: Rng;
  addedAt: number;
  /** matching requests seen (inside the schedule) */
  matched: number;
}

export interface FaultDecision {
  latencyMs: number;
  /** the rule that decides the answer (not 'latency'), if any */
  fire: FaultRule | null;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, fire: null };

function matchesPath(rule: FaultRule, path: string): boolean {
  if (rule.path === undefined) return path !== TOKEN_PATH;
  if (typeof rule.path === 'string') return rule.path === path;
  rule.path.lastIndex = 0;
  return rule.path.test(path);
}

export class FaultRegistry implements SimFaults {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  private readonly seed: number;
  private readonly now: () => number;

  constructor(seed: number, now: () => number) {
    this.seed = seed;
    this.now = now;
  }

  add(rule: FaultRule): string {
    const parsed = faultRuleSchema.safeParse(rule);
    if (!parsed.success) throw new TypeError(`invalid fault rule: ${z.prettifyError(parsed.error)}`);
    const n = this.nextId++;
    const id = `fault-${n}`;
    this.rules.push({
      id,
      rule: { ...rule },
      rng: mulberry32(deriveSeed(this.seed, id)),
      addedAt: this.now(),
      matched: 0,
    });
    return id;
  }

  remove(id: string): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): { id: string; rule: FaultRule }[] {
    return this.rules.map(({ id, rule }) => ({ id, rule }));
  }

  evaluate(path: string): FaultDecision {
    if (this.rules.length === 0) return NO_FAULT;
    const now = this.now();
    let latencyMs = 0;
    for (const active of this.rules) {
      const { rule } = active;
      if (!matchesPath(rule, path)) continue;
      const offset = now - active.addedAt;
      if (rule.fromMs !== undefined && offset < rule.fromMs) continue;
      if (rule.untilMs !== undefined && offset >= rule.untilMs) continue;
      const index = active.matched++;
      const skip = rule.skip ?? 0;
      if (index < skip) continue;
      if (rule.count !== undefined && index - skip >= rule.count) continue;
      if (rule.rate !== undefined && rule.rate < 1 && active.rng() >= rule.rate) continue;
      if (rule.kind === 'latency') {
        latencyMs += rule.latencyMs ?? 0;
        continue;
      }
      return { latencyMs, fire: rule };
    }
    return latencyMs === 0 ? NO_FAULT : { latencyMs, fire: null };
  }
}
