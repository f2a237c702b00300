import { rmSync } from 'node:fs';
import { openCache } from '../../src/services/cache/index.ts';
import { generateOrg, watchPages } from './generate.ts';
rmSync('/tmp/wld-warm', { recursive: true, force: true });
const userids = generateOrg(3, { users: 180000, departments: 50 }).users.map((u) => u.userid);
const live = { viewers: 200000, info: { livingid: 'X', theme: 't', anchor_userid: 'a', living_start: 1, living_duration: 7200, status: 2 } };
const pages = [...watchPages(11, live, userids, 500)];
const c = openCache('/tmp/wld-warm/p.sqlite');
c.upsertLives([live.info]);
let t = performance.now();
let key = '0';
pages.forEach((page, i) => {
  const next = String(i + 1);
  c.appendWatchPage('X', page, { nextKey: next, ending: 0, fromKey: key });
  key = next;
});
console.log('staged', (performance.now() - t).toFixed(0)); t = performance.now();
c.finishWatch('X');
console.log('finish', (performance.now() - t).toFixed(0));
