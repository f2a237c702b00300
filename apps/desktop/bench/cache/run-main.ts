// True when this module is the file node was started with: one helper for every benchmark.
export { isMain } from '../../../../packages/wecom-core/bench/support/run-main.ts';
