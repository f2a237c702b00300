// @wld/wecom-core/rules: WeCom's limits, the UTF-8 byte counter, the secret redactor and the
// root of the error family (CodedError), WeCom's errcode table. Dependency-free
// (lint forbids imports here), so the renderer, main, the services and wecom-core all share it.
export * from './limits.ts';
export * from './text-length.ts';
export * from './redact.ts';
export * from './coded-error.ts';
export * from './errcodes.ts';
