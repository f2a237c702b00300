// A live as the services answer it, for component tests: a reserved 通用直播 an hour from now,
// with `patch` on top.
import { systemClock } from '@wld/clock';
import type { Live } from '../../shared/models.ts';

export function liveFixture(livingid: string, patch: Partial<Live> = {}): Live {
  const now = Math.floor(systemClock.now() / 1000);
  return {
    livingid,
    theme: `直播 ${livingid}`,
    anchorUserid: 'zhangsan',
    anchorName: '张三',
    livingStart: now + 3600,
    livingDuration: 3600,
    status: 0,
    type: 3,
    description: '',
    remindTime: 900,
    reserveStart: null,
    reserveLivingDuration: null,
    mainDepartment: 1,
    viewerNum: 0,
    commentNum: 0,
    micNum: 0,
    onlineCount: 0,
    subscribeCount: 0,
    openReplay: true,
    replayStatus: null,
    pushStreamUrl: null,
    fetchedAt: systemClock.now() - 1000,
    ...patch,
  };
}
