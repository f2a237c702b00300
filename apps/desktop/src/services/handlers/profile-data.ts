// A profile's data on this PC: clear what a sync gives back, export and remove the local-only
// records (export first, always), export or delete a profile's whole cache file.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServicesHandlers } from '../../shared/rpc.ts';
import { RpcError } from '../../shared/rpc.ts';
import { cacheScope } from '../cache/scope-stamp.ts';
import { deleteProfileFiles } from '../cache/profile-files.ts';
import type { ServicesContext } from '../context.ts';

type Methods = 'cache.clear' | 'cache.scope' | 'cache.exportLocal' | 'cache.clearLocal' | 'profileData.export' | 'profileData.delete';

const stamp = (at: number) => new Date(at).toISOString().replace(/[:.]/g, '-');

export function profileDataHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const exportsDir = () => {
    const dir = join(ctx.dataPaths().userData, 'exports');
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const profileTag = () => ctx.profile()?.id ?? 'none';

  function exportLocal() {
    const records = ctx.cache().exportLocalRecords();
    const path = join(exportsDir(), `${profileTag()}-local-records-${stamp(records.exportedAt)}.json`);
    writeFileSync(path, JSON.stringify({ profile: cacheScope(ctx.cache()), ...records }, null, 1));
    const rows = Object.fromEntries(Object.entries(records.tables).map(([table, list]) => [table, list.length]));
    return { path, rows };
  }

  return {
    'cache.clear': async () => {
      // a sync writing while its tables are emptied would leave half a data set: stop it first
      ctx.sync.cancelAll();
      await ctx.sync.idle();
      const report = ctx.cache().clearSyncable();
      ctx.changed('org', 'users', 'tags', 'lives', 'watch', 'stats');
      // and fill them again straight away when WeCom can be reached
      if (ctx.connection.isOnline && ctx.clientOrNull()) ctx.sync.start('all');
      return report;
    },
    'cache.scope': () => {
      const scope = cacheScope(ctx.cache());
      return { profileId: scope?.profileId ?? null, corpId: scope?.corpId ?? '' };
    },
    'cache.exportLocal': () => exportLocal(),
    'cache.clearLocal': ({ confirmProfileId }) => {
      if (confirmProfileId !== profileTag()) {
        throw new RpcError({ kind: 'validation', code: 'PROFILE_MISMATCH', message: "Only the active corp's local records can be removed" });
      }
      const { path } = exportLocal();
      const removed = ctx.cache().clearLocalRecords();
      ctx.changed('messages', 'appchat', 'lives', 'stats');
      return { exportPath: path, removed };
    },
    'profileData.export': () => {
      const path = join(exportsDir(), `${profileTag()}-cache-${stamp(ctx.now())}.db`);
      ctx.cache().backupTo(path);
      return { path, bytes: statSync(path).size };
    },
    'profileData.delete': ({ profileId }) => {
      if (profileId === ctx.profile()?.id) {
        throw new RpcError({ kind: 'validation', code: 'PROFILE_ACTIVE', message: 'The data of the corp in use cannot be deleted: switch to another corp first' });
      }
      return { removedBytes: deleteProfileFiles(ctx.dataPaths().cacheDb, profileId) };
    },
  };
}
