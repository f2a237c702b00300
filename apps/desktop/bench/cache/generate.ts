// A seeded generator of a corporate org, lives and watch stats in WeCom's wire shapes, for
// benchmarks: Chinese names, pinyin-like userids, a department tree, skewed audience sizes.
import type {
  WireDepartment,
  WireLivingInfo,
  WireUser,
  WireWatchExternalUser,
  WireWatchUser,
} from '../../src/services/cache/index.ts';

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES: Array<[string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['肖', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
];
const GIVEN: Array<[string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂', 'gui'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['文', 'wen'],
  ['辉', 'hui'],
  ['玲', 'ling'],
  ['鹏', 'peng'],
  ['宇', 'yu'],
  ['晨', 'chen'],
  ['欣', 'xin'],
  ['婷', 'ting'],
  ['浩', 'hao'],
  ['凯', 'kai'],
  ['健', 'jian'],
  ['俊', 'jun'],
  ['帆', 'fan'],
  ['雪', 'xue'],
  ['琳', 'lin'],
  ['斌', 'bin'],
];
const POSITIONS = [
  '工程师',
  '高级工程师',
  '资深工程师',
  '测试工程师',
  '产品经理',
  '项目经理',
  '设计师',
  '销售',
  '销售经理',
  '客户经理',
  '市场专员',
  '人事专员',
  'HR BP',
  '财务',
  '会计',
  '行政',
  '法务',
  '运营',
  '运营经理',
  '数据分析师',
  '架构师',
  '技术总监',
  '部门经理',
  '实习生',
  '培训师',
  '客服',
  '采购',
  '质量工程师',
  '研究员',
  '助理',
];
const DEPARTMENT_WORDS = [
  '研发',
  '产品',
  '市场',
  '销售',
  '华东',
  '华南',
  '华北',
  '西南',
  '平台',
  '客户端',
  '数据',
  '运营',
  '财务',
  '人力',
  '法务',
  '质量',
  '供应链',
  '海外',
  '创新',
  '服务',
];
const DEPARTMENT_KINDS = ['中心', '部', '组', '事业部', '小组', '项目组'];
const THEMES = [
  '季度经营会',
  '新员工培训',
  '产品发布会',
  '安全生产培训',
  '技术分享',
  '销售誓师大会',
  '合规培训',
  '管理者课堂',
  '客户沟通技巧',
  '年度表彰',
];

export interface GeneratedOrg {
  departments: WireDepartment[];
  users: WireUser[];
}

export interface GeneratedLive {
  info: WireLivingInfo;
  viewers: number;
}

export function generateOrg(seed: number, size: { users: number; departments: number }): GeneratedOrg {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const departments: WireDepartment[] = [{ id: 1, name: '总公司', parentid: 0, order: 100000 }];
  const depth = new Map<number, number>([[1, 0]]);
  for (let id = 2; id <= size.departments; id++) {
    // early departments are upper levels: a parent among the first ones keeps the tree wide and ≤ 6 deep
    let parent = 1 + Math.floor(random() * Math.min(id - 1, Math.max(10, id / 3)));
    while ((depth.get(parent) ?? 0) >= 6) parent = 1;
    depth.set(id, (depth.get(parent) ?? 0) + 1);
    departments.push({
      id,
      name: `${pick(DEPARTMENT_WORDS)}${pick(DEPARTMENT_KINDS)}${id}`,
      parentid: parent,
      order: Math.floor(random() * 100000),
    });
  }
  const users: WireUser[] = [];
  for (let i = 0; i < size.users; i++) {
    const [surname, surnamePinyin] = pick(SURNAMES);
    const given = random() < 0.6 ? [pick(GIVEN), pick(GIVEN)] : [pick(GIVEN)];
    const main = 1 + Math.floor(random() * size.departments);
    const department = random() < 0.15 ? [main, 1 + Math.floor(random() * size.departments)] : [main];
    const roll = random();
    users.push({
      userid: `${surnamePinyin}${given.map((g) => g[1]).join('')}${i}`,
      name: surname + given.map((g) => g[0]).join(''),
      department: [...new Set(department)],
      main_department: main,
      position: pick(POSITIONS),
      status: roll < 0.9 ? 1 : roll < 0.95 ? 4 : roll < 0.98 ? 2 : 5,
      alias: random() < 0.1 ? `${surnamePinyin}-${i}` : '',
    });
  }
  return { departments, users };
}

/**
 * Lives over the year before `now` (unix s) whose audiences add up to `watchRows` viewers:
 * a few big all-hands lives, many small ones. The last live is on now, one starts later.
 */
export function generateLives(
  seed: number,
  count: number,
  watchRows: number,
  now: number,
  anchors: string[],
): GeneratedLive[] {
  const random = seededRandom(seed);
  const weights = Array.from({ length: count }, () => Math.pow(random(), 3) + 0.02);
  const sum = weights.reduce((a, b) => a + b, 0);
  const viewers = weights.map((w) => Math.floor((w / sum) * watchRows));
  viewers[0] = (viewers[0] ?? 0) + watchRows - viewers.reduce((a, b) => a + b, 0);
  return viewers.map((n, i) => {
    const start = i === count - 1 ? now - 600 : now - 365 * 86400 + Math.floor((i / count) * 360 * 86400);
    const duration = [1800, 3600, 5400, 7200][i % 4] as number;
    return {
      viewers: n,
      info: {
        livingid: `lv${seed}x${i.toString().padStart(5, '0')}`,
        theme: `${THEMES[i % THEMES.length]}${i}`,
        anchor_userid: anchors[i % anchors.length] ?? 'anchor',
        living_start: start,
        living_duration: duration,
        status: i === count - 1 ? 1 : 2,
        type: i % 5,
        main_department: 1 + (i % 50),
        viewer_num: n,
      },
    };
  });
}

/**
 * The watch rows of one live, in pages: distinct users (a strided walk over the org) plus about
 * 10% external viewers.
 */
export function* watchPages(
  seed: number,
  live: GeneratedLive,
  userids: readonly string[],
  pageSize: number,
): Generator<{ users: WireWatchUser[]; external_users: WireWatchExternalUser[] }> {
  const random = seededRandom(seed);
  const n = userids.length;
  const external = Math.floor(live.viewers * 0.1);
  const internal = Math.min(n, live.viewers - external);
  const start = Math.floor(random() * n);
  let step = 1 + Math.floor(random() * (n - 1));
  while (gcd(step, n) !== 1) step++;
  const duration = live.info.living_duration;
  const row = () => ({
    watch_time: Math.floor(random() * duration * 1.1),
    is_comment: random() < 0.1 ? 1 : 0,
    is_mic: random() < 0.01 ? 1 : 0,
  });
  let page: { users: WireWatchUser[]; external_users: WireWatchExternalUser[] } = {
    users: [],
    external_users: [],
  };
  const total = internal + (live.viewers - internal);
  for (let k = 0; k < total; k++) {
    if (k < internal) page.users.push({ userid: userids[(start + k * step) % n] as string, ...row() });
    else
      page.external_users.push({
        external_userid: `wm${live.info.livingid}-${k}`,
        type: 1,
        name: `微信用户${k}`,
        ...row(),
      });
    if (page.users.length + page.external_users.length === pageSize) {
      yield page;
      page = { users: [], external_users: [] };
    }
  }
  if (page.users.length + page.external_users.length > 0) yield page;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
