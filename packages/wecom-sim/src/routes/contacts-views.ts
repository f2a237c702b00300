// JSON views of members and departments, serialised once and reused: list endpoints splice these
// strings instead of copying and re-serialising the organisation on every call.
import type { SimDepartment, SimUser } from '../state/model.ts';

/** `view` serialised on the first call for an object; later calls reuse the text. */
function serialisedOnce<T extends object>(view: (item: T) => unknown): (item: T) => string {
  const texts = new WeakMap<T, string>();
  return (item) => {
    let text = texts.get(item);
    if (text === undefined) {
      text = JSON.stringify(view(item));
      texts.set(item, text);
    }
    return text;
  };
}

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

export const userJson = serialisedOnce(userView);

export const simpleUserJson = serialisedOnce((u: SimUser) => ({ userid: u.userid, name: u.name, department: u.department }));

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

export const departmentJson = serialisedOnce(departmentView);

export const simpleDepartmentJson = serialisedOnce((d: SimDepartment) => ({ id: d.id, parentid: d.parentid, order: d.order }));
