// The pure data generator: same seed and size => the same organisation (departments, users, tags,
// lives). Live times are relative to `nowMs`. Usable without HTTP (benchmarks, cache tests).
import { deriveSeed, hashInt, HEX, mulberry32, randomString } from '../random.ts';
import type { GeneratedOrg } from '../state/model.ts';
import type { SimSize } from '../types.ts';
import { COMPANIES } from './catalog.ts';
import type { CompanyName } from './catalog.ts';
import { generateDepartments } from './generate-departments.ts';
import { generateLives } from './generate-lives.ts';
import { generateTags } from './generate-tags.ts';
import { generateUsers } from './generate-users.ts';
import { systemClock } from '@wld/clock';

export type ResolvedSize = Required<SimSize>;

export const DEFAULT_SIZE: ResolvedSize = {
  departments: 20,
  users: 200,
  tags: 8,
  lives: 40,
  maxViewers: 300,
};

/** The Demo app's agentid: generated lives belong to it. */
export const DEMO_AGENT_ID = 1000002;

export interface GenerateOrgOptions {
  /** clock the lives are placed around (ms); default systemClock.now() */
  nowMs?: number;
  /** agentid recorded as the creator of generated lives */
  creatorAgentId?: number;
}

function count(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`size must be a non-negative number, got ${value}`);
  return Math.floor(value);
}

export function resolveSize(size: SimSize = {}): ResolvedSize {
  return {
    departments: Math.max(1, count(size.departments, DEFAULT_SIZE.departments)),
    users: count(size.users, DEFAULT_SIZE.users),
    tags: count(size.tags, DEFAULT_SIZE.tags),
    lives: count(size.lives, DEFAULT_SIZE.lives),
    maxViewers: count(size.maxViewers, DEFAULT_SIZE.maxViewers),
  };
}

export function corpIdFor(seed: number): string {
  return 'wwsim' + randomString(mulberry32(deriveSeed(seed, 'corpid')), 13, HEX);
}

export function generateOrg(
  seed: number = 1,
  size: SimSize = {},
  options: GenerateOrgOptions = {},
): GeneratedOrg {
  const resolved = resolveSize(size);
  const nowMs = options.nowMs ?? systemClock.now();
  const company = COMPANIES[deriveSeed(seed, 'company') % COMPANIES.length] as CompanyName;
  const { departments, divisionOf } = generateDepartments(
    mulberry32(deriveSeed(seed, 'departments')),
    resolved.departments,
    company,
  );
  const users = generateUsers(
    mulberry32(deriveSeed(seed, 'users')),
    seed,
    resolved.users,
    departments,
    divisionOf,
    company,
  );
  const tags = generateTags(mulberry32(deriveSeed(seed, 'tags')), resolved.tags, users, departments);
  const { lives, shareInfos } = generateLives({
    rng: mulberry32(deriveSeed(seed, 'lives')),
    count: resolved.lives,
    users,
    nowMs,
    maxViewers: resolved.maxViewers,
    creatorAgentId: options.creatorAgentId ?? DEMO_AGENT_ID,
  });
  const licenceSeed = deriveSeed(seed, 'licence');
  const unlicensedUserIds = users.filter((_, i) => hashInt(licenceSeed, i) % 64 === 0).map((u) => u.userid);
  return {
    seed,
    corpId: corpIdFor(seed),
    corpName: company.name,
    corpNameEn: company.nameEn,
    emailDomain: company.domain,
    departments,
    users,
    tags,
    lives,
    unlicensedUserIds,
    shareInfos,
  };
}
