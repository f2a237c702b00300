// The trainees' data straight from WeCom's API, every time (the benchmark's no-cache baseline):
// user/get and department/list for the member, get_user_all_livingid over the known anchors,
// get_living_info for each live, get_watch_stat (all pages) for the lives that ended.
import type { WeComClient } from '@wld/wecom-core';
import type { Trainee, TraineeData, TraineeLive } from '../../src/services/bot/trainee-data.ts';
import { withAncestors } from '../../src/services/bot/trainee-data.ts';

const NO_CACHE = { cache: false };

export function apiTraineeData(client: WeComClient, anchors: readonly string[]): TraineeData {
  const app = client;
  const lives = async (): Promise<Array<TraineeLive & { anchor: string }>> => {
    const ids = new Set<string>();
    for (const anchor of anchors) for await (const id of app.lives.getUserAllLivingIds(anchor)) ids.add(id);
    const infos = await Promise.all(
      [...ids].map(async (id) => ({ id, info: await app.lives.getLivingInfo(id, NO_CACHE) })),
    );
    const names = new Map<string, string | null>();
    await Promise.all(
      [...new Set(infos.map((i) => i.info.anchor_userid))].map(async (userid) => {
        names.set(userid, (await app.users.get(userid, NO_CACHE).catch(() => null))?.name ?? null);
      }),
    );
    return infos.map(({ id, info }) => ({
      livingid: id,
      theme: info.theme,
      anchor: info.anchor_userid,
      anchorName: names.get(info.anchor_userid) ?? null,
      livingStart: info.living_start,
      livingDuration: info.living_duration,
      status: info.status,
      replayReady: info.open_replay === 1 && info.replay_status === 0,
    }));
  };
  return {
    async trainee(userid): Promise<Trainee | null> {
      const user = await app.users.get(userid, NO_CACHE).catch(() => null);
      if (!user) return null;
      const departments = await app.departments.simpleList(undefined, NO_CACHE);
      const parents = new Map(departments.map((d) => [d.id, d.parentid]));
      return {
        userid: user.userid,
        name: user.name ?? user.userid,
        departmentIds: withAncestors(user.department ?? [], (id) => parents.get(id)),
        tagIds: new Set(),
      };
    },
    livesFor: () => lives(),
    async watched(userid) {
      const all = await lives();
      const watched = new Map<string, number>();
      await Promise.all(
        all
          .filter((l) => l.status === 1 || l.status === 2)
          .map(async (l) => {
            const stat = await app.lives.getWatchStatAll(l.livingid);
            const row = stat.users.find((u) => u.userid === userid);
            if (row) watched.set(l.livingid, row.watch_time);
          }),
      );
      return watched;
    },
  };
}
