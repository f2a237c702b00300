// Members (成员) as returned by user/get, user/list, user/simplelist and user/list_id.
// Unknown fields are accepted and dropped; fields WeCom withholds from newer apps are optional.
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export const userStatusSchema = z.number().int(); // 1 activated, 2 disabled, 4 not activated, 5 left

export const userSchema = z.object({
  userid: z.string(),
  name: z.string().optional(),
  department: z.array(z.number().int()).optional(),
  order: z.array(z.number()).optional(),
  position: z.string().optional(),
  mobile: z.string().optional(),
  gender: z.string().optional(),
  email: z.string().optional(),
  biz_mail: z.string().optional(),
  is_leader_in_dept: z.array(z.number().int()).optional(),
  direct_leader: z.array(z.string()).optional(),
  avatar: z.string().optional(),
  thumb_avatar: z.string().optional(),
  telephone: z.string().optional(),
  alias: z.string().optional(),
  status: userStatusSchema.optional(),
  address: z.string().optional(),
  open_userid: z.string().optional(),
  main_department: z.number().int().optional(),
  extattr: z.unknown().optional(),
  qr_code: z.string().optional(),
  external_profile: z.unknown().optional(),
  external_position: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

export const simpleUserSchema = z.object({
  userid: z.string(),
  name: z.string().optional(),
  department: z.array(z.number().int()).optional(),
  open_userid: z.string().optional(),
});
export type SimpleUser = z.infer<typeof simpleUserSchema>;

export const userGetResponseSchema = z.object({ ...envelopeShape, ...userSchema.shape });
export type UserGetResponse = z.infer<typeof userGetResponseSchema>;

export const userListResponseSchema = z.object({ ...envelopeShape, userlist: z.array(userSchema) });
export const userSimpleListResponseSchema = z.object({
  ...envelopeShape,
  userlist: z.array(simpleUserSchema),
});

/** One row per (user, department) pair. */
export const deptUserSchema = z.object({ userid: z.string(), department: z.number().int() });
export type DeptUser = z.infer<typeof deptUserSchema>;

export const userListIdResponseSchema = z.object({
  ...envelopeShape,
  /** '' (or absent) on the last page. */
  next_cursor: z.string().optional(),
  dept_user: z.array(deptUserSchema).default([]),
});
export type UserListIdPage = z.infer<typeof userListIdResponseSchema>;
