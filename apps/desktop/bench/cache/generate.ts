// A seeded generator of a corporate org, lives and watch stats in WeCom's wire shapes, for
// benchmarks: Chinese names, pinyin-like userids, a department tree, skewed audience sizes.
import { mulberry32 } from '@wld/wecom-sim';
import type {
  WireDepartment,
  WireLivingInfo,
  WireUser,
  WireWatchExternalUser,
  WireWatchUser,
} from '../../src/services/cache/index.ts';

/** The simulator's seeded generator (mulberry32): the same seed gives the same data. */
export const seededRandom = mulberry32;

/** "王wang 李li" → [['王', 'wang'], ['李', 'li']]: a character and a pinyin-like spelling for userids */
const pairs = (text: string): Array<[string, string]> =>
  text.split(' ').map((pair) => [pair.slice(0, 1), pair.slice(1)] as [string, string]);

const words = (text: string): string[] => text.split(' ');

const SURNAMES = pairs(
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong',
);
const GIVEN = pairs(
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 建jian 国guo 文wen 辉hui 玲ling 鹏peng 宇yu 晨chen 欣xin 婷ting 浩hao 凯kai 健jian 俊jun 帆fan 雪xue 琳lin 斌bin',
);
const POSITIONS = words(
  '工程师 高级工程师 资深工程师 测试工程师 产品经理 项目经理 设计师 销售 销售经理 客户经理 市场专员 人事专员 HRBP 财务 会计 行政 法务 运营 运营经理 数据分析师 架构师 技术总监 部门经理 实习生 培训师 客服 采购 质量工程师 研究员 助理',
);
const DEPARTMENT_WORDS = words(
  '研发 产品 市场 销售 华东 华南 华北 西南 平台 客户端 数据 运营 财务 人力 法务 质量 供应链 海外 创新 服务',
);
const DEPARTMENT_KINDS = words('中心 部 组 事业部 小组 项目组');
const THEMES = words(
  '季度经营会 新员工培训 产品发布会 安全生产培训 技术分享 销售誓师大会 合规培训 管理者课堂 客户沟通技巧 年度表彰',
);

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
