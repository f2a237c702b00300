// req_id values for frames this side starts: `<cmd>_<time>_<random>`, the shape WeCom's own SDK uses.
import { randomBytes } from 'node:crypto';

export function newReqId(cmd: string, now: number): string {
  return `${cmd}_${now}_${randomBytes(6).toString('hex')}`;
}
