import { x } from '@wld/wecom-sim';
export const y: number = x + 1;
