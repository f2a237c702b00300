// Departments (部门). Root id is 1; a larger `order` sorts earlier.
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export const departmentSchema = z.object({
  id: z.number().int(),
  name: z.string().optional(),
  name_en: z.string().optional(),
  department_leader: z.array(z.string()).optional(),
  parentid: z.number().int(),
  order: z.number().optional(),
});
export type Department = z.infer<typeof departmentSchema>;

export const simpleDepartmentSchema = z.object({
  id: z.number().int(),
  parentid: z.number().int(),
  order: z.number().optional(),
});
export type SimpleDepartment = z.infer<typeof simpleDepartmentSchema>;

export const departmentListResponseSchema = z.object({
  ...envelopeShape,
  department: z.array(departmentSchema),
});
export const departmentSimpleListResponseSchema = z.object({
  ...envelopeShape,
  department_id: z.array(simpleDepartmentSchema),
});
export const departmentGetResponseSchema = z.object({ ...envelopeShape, department: departmentSchema });
