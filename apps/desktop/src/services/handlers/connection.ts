// connection.state / reconnect / test.
import { WeComApiError } from '@wld/wecom-core';
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { buildTestClient } from '../wecom/client-factory.ts';
import { toServiceError } from '../wecom/service-errors.ts';

type Methods = 'connection.state' | 'connection.reconnect' | 'connection.test';

export function connectionHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'connection.state': () => ctx.connection.current,
    'connection.reconnect': async () => {
      // no client yet (e.g. a secret was just entered): build it, which also connects
      if (!ctx.clientOrNull()) await ctx.reloadCredentials();
      else await ctx.connection.reconnect();
      return ctx.connection.current;
    },
    'connection.test': async (input, { signal }) => {
      // The secret lives only in this throwaway client, closed before answering.
      const started = performance.now();
      const client = buildTestClient(input, ctx.settings(), ctx.simulatorUrl() ?? undefined, ctx.networkEnvironment(), ctx.now);
      try {
        const result = await client.auth.testConnection({ signal });
        return { ok: true, latencyMs: Math.round(result.latencyMs) };
      } catch (error) {
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: toServiceError(error),
          ...(error instanceof WeComApiError ? { errcode: error.errcode } : {}),
        };
      } finally {
        await client.close();
      }
    },
  };
}
