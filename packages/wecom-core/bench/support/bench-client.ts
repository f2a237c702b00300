// A client against a simulator process, with the pipeline's default quotas and no response cache.
import { createWeComClient, type WeComClient } from '../../src/client.ts';
import type { SimProcessInfo } from './sim-protocol.ts';

export const BENCH_LATENCY_MS = 30;

export async function benchClient(info: SimProcessInfo): Promise<WeComClient> {
  const client = createWeComClient({
    corpId: info.corpId,
    apps: info.apps,
    contactsSecret: info.contactsSecret,
    baseUrl: info.url,
    language: 'en-US',
    cache: { enabled: false },
  });
  // Tokens are fetched before timing: a sync normally starts with one in hand.
  await client.pipeline.fetchToken(info.apps[0]!.name);
  await client.pipeline.fetchToken('contacts');
  return client;
}
