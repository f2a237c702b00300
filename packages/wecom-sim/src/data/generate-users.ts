// Members: Chinese names with pinyin userids, positions from their division, realistic statuses,
// some in two departments; each department with members gets a leader.
import type { Rng } from '../random.ts';
import { cumulative, hashInt, pick, weightedIndex } from '../random.ts';
import type { SimDepartment, SimUser, UserStatus } from '../state/model.ts';
import type { CompanyName } from './catalog.ts';
import { DIVISIONS } from './catalog.ts';
import { ENGLISH_NAMES, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './names.ts';

const ROOT_POSITIONS = ['总经理', '副总经理', '董事长助理', '总裁办主任'];
const STATUSES: readonly UserStatus[] = [1, 4, 2, 5];
const STATUS_WEIGHTS = cumulative([0.86, 0.09, 0.03, 0.02]);
const SURNAME_WEIGHTS = cumulative(SURNAMES.map((_, i) => 1 / (i + 3)));
const SECOND_DEPARTMENT_SHARE = 0.12;
const MOBILE_PREFIXES = ['13', '15', '18', '17', '19'];

/** 32 hex digits derived from (seed, n): avatar ids without per-character string building. */
function hex32(seed: number, n: number): string {
  const a = hashInt(seed, n);
  const b = hashInt(a, 1);
  const c = hashInt(b, 2);
  const d = hashInt(c, 3);
  return (
    a.toString(16).padStart(8, '0') +
    b.toString(16).padStart(8, '0') +
    c.toString(16).padStart(8, '0') +
    d.toString(16).padStart(8, '0')
  );
}

function chineseName(rng: Rng): { name: string; pinyin: string; gender: '1' | '2' } {
  const [surname, surnamePinyin] = SURNAMES[weightedIndex(rng, SURNAME_WEIGHTS)] as readonly [string, string];
  const gender = rng() < 0.5 ? '1' : '2';
  const given = gender === '1' ? MALE_GIVEN : FEMALE_GIVEN;
  const [g1, p1] = pick(rng, given);
  if (rng() < 0.4) return { name: surname + g1, pinyin: surnamePinyin + p1, gender };
  const [g2, p2] = pick(rng, given);
  return { name: surname + g1 + g2, pinyin: surnamePinyin + p1 + p2, gender };
}

function departmentWeight(d: SimDepartment, isLeaf: boolean): number {
  if (d.level === 0) return 0.3;
  const byLevel = d.level === 1 ? 0.6 : d.level === 2 ? 1.2 : 2;
  return isLeaf ? byLevel * 1.5 : byLevel;
}

export function generateUsers(
  rng: Rng,
  seed: number,
  count: number,
  departments: readonly SimDepartment[],
  divisionOf: ReadonlyMap<number, number>,
  company: CompanyName,
): SimUser[] {
  const hasChildren = new Set(departments.map((d) => d.parentid));
  const weights = cumulative(departments.map((d) => departmentWeight(d, !hasChildren.has(d.id))));
  const taken = new Map<string, number>();
  const mailBase = company.domain.split('.')[0] ?? 'corp';
  const users: SimUser[] = [];

  for (let i = 0; i < count; i++) {
    const { name, pinyin, gender } = chineseName(rng);
    const seen = taken.get(pinyin) ?? 0;
    taken.set(pinyin, seen + 1);
    const userid = seen === 0 ? pinyin : `${pinyin}${seen + 1}`;

    const main = departments[weightedIndex(rng, weights)] as SimDepartment;
    const department = [main.id];
    if (departments.length > 2 && rng() < SECOND_DEPARTMENT_SHARE) {
      const other = departments[weightedIndex(rng, weights)] as SimDepartment;
      if (other.id !== main.id) department.push(other.id);
    }
    const division = DIVISIONS[divisionOf.get(main.id) ?? -1];
    const position = division ? pick(rng, division.positions) : pick(rng, ROOT_POSITIONS);
    const status = STATUSES[weightedIndex(rng, STATUS_WEIGHTS)] as UserStatus;
    const avatarId = hex32(seed, i);

    users.push({
      userid,
      name,
      department,
      order: department.map(() => 0),
      position,
      mobile: pick(rng, MOBILE_PREFIXES) + String(100_000_000 + Math.floor(rng() * 900_000_000)).slice(0, 9),
      gender,
      email: `${userid}@${company.domain}`,
      biz_mail: `${userid}@${mailBase}.wecom.work`,
      is_leader_in_dept: department.map(() => 0),
      direct_leader: [],
      avatar: `https://wework.qpic.cn/wwhead/${avatarId}/0`,
      thumb_avatar: `https://wework.qpic.cn/wwhead/${avatarId}/100`,
      telephone: rng() < 0.3 ? `021-6${String(Math.floor(rng() * 10_000_000)).padStart(7, '0')}` : '',
      alias: rng() < 0.2 ? pick(rng, ENGLISH_NAMES) : '',
      status,
      address: '',
      main_department: main.id,
      qr_code: `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc${avatarId.slice(8, 24)}`,
      external_position: '',
      extattr: { attrs: [{ type: 0, name: '工号', text: { value: `E${100_000 + i}` } }] },
    });
  }
  assignLeaders(users, departments);
  return users;
}

/** One activated member per department leads it; everyone else reports to their main department's leader. */
function assignLeaders(users: SimUser[], departments: readonly SimDepartment[]): void {
  const leaderOf = new Map<number, SimUser>();
  for (const user of users) {
    if (user.status !== 1) continue;
    user.department.forEach((id, k) => {
      if (leaderOf.has(id)) return;
      leaderOf.set(id, user);
      user.is_leader_in_dept[k] = 1;
      user.order[k] = 100;
    });
  }
  const byId = new Map(departments.map((d) => [d.id, d]));
  for (const [id, leader] of leaderOf) {
    const dept = byId.get(id);
    if (dept) dept.department_leader = [leader.userid];
  }
  for (const user of users) {
    let deptId: number | undefined = user.main_department;
    while (deptId !== undefined) {
      const leader = leaderOf.get(deptId);
      if (leader && leader !== user) {
        user.direct_leader = [leader.userid];
        break;
      }
      const parent: number | undefined = byId.get(deptId)?.parentid;
      deptId = parent ? parent : undefined;
    }
  }
}
