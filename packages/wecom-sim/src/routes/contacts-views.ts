// JSON views of members and departments, serialised once and reused: list endpoints splice these
// strings instead of copying and re-serialising the organisation on every call.
import type { SimDepartment, SimUser } from '../state/model.ts';

const fullUser = new WeakMap<SimUser, string>();
const simpleUser = new WeakMap<SimUser, string>();
const fullDepartment = new WeakMap<SimDepartment, string>();
const simpleDepartment = new WeakMap<SimDepartment, string>();

export function userView(u: SimUser): Record<string, unknown> {
  return {
    userid: u.userid,
    name: u.name,
    department: u.department,
    order: u.order,
    position: u.position,
    mobile: u.mobile,
    gender: u.gender,
    email: u.email,
    biz_mail: u.biz_mail,
    is_leader_in_dept: u.is_leader_in_dept,
    direct_leader: u.direct_leader,
    avatar: u.avatar,
    thumb_avatar: u.thumb_avatar,
    telephone: u.telephone,
    alias: u.alias,
    address: u.address,
    extattr: u.extattr,
    status: u.status,
    qr_code: u.qr_code,
    external_position: u.external_position,
    main_department: u.main_department,
  };
}

export function userJson(u: SimUser): string {
  let text = fullUser.get(u);
  if (text === undefined) {
    text = JSON.stringify(userView(u));
    fullUser.set(u, text);
  }
  return text;
}

export function simpleUserJson(u: SimUser): string {
  let text = simpleUser.get(u);
  if (text === undefined) {
    text = JSON.stringify({ userid: u.userid, name: u.name, department: u.department });
    simpleUser.set(u, text);
  }
  return text;
}

export function departmentView(d: SimDepartment): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    name_en: d.name_en,
    department_leader: d.department_leader,
    parentid: d.parentid,
    order: d.order,
  };
}

export function departmentJson(d: SimDepartment): string {
  let text = fullDepartment.get(d);
  if (text === undefined) {
    text = JSON.stringify(departmentView(d));
    fullDepartment.set(d, text);
  }
  return text;
}

export function simpleDepartmentJson(d: SimDepartment): string {
  let text = simpleDepartment.get(d);
  if (text === undefined) {
    text = JSON.stringify({ id: d.id, parentid: d.parentid, order: d.order });
    simpleDepartment.set(d, text);
  }
  return text;
}
