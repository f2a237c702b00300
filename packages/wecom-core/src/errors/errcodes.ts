// The errcode table lives with the dependency-free rules so that every room can read it.
export * from '../rules/errcodes.ts';
