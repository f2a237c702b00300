// Start-up details of a simulator: its apps and secrets (derived from the seed, so a seed always
// gives the same credentials) and the checks on the options.
import { DEMO_AGENT_ID } from './data/generate-org.ts';
import { deriveSeed, ID_CHARS, mulberry32, randomString } from './random.ts';
import type { SimApp, SimOptions } from './types.ts';

export function appsFor(seed: number): { apps: SimApp[]; contactsSecret: string } {
  const rng = mulberry32(deriveSeed(seed, 'secrets'));
  const apps: SimApp[] = [
    { name: 'live-desk', agentId: DEMO_AGENT_ID, secret: randomString(rng, 43, ID_CHARS) },
    { name: 'training-notice', agentId: 1000003, secret: randomString(rng, 43, ID_CHARS) },
  ];
  return { apps, contactsSecret: randomString(rng, 43, ID_CHARS) };
}

export function validateOptions(options: SimOptions): void {
  const nonNegative = (name: string, v: number | undefined): void => {
    if (v !== undefined && (!Number.isFinite(v) || v < 0))
      throw new RangeError(`${name} must be a non-negative number, got ${v}`);
  };
  nonNegative('latencyMs', options.latencyMs);
  nonNegative('tokenTtlSeconds', options.tokenTtlSeconds);
  nonNegative('port', options.port);
  for (const [k, v] of Object.entries(options.quotas ?? {})) nonNegative(`quotas.${k}`, v);
}
