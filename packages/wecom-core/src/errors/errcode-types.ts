export type * from '../rules/errcode-types.ts';
