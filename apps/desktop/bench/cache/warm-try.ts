import { writeFileSync } from 'node:fs';
import { buildWarmCache } from './warm-cache.ts';
const t = performance.now();
const w = await buildWarmCache('/tmp/wld-warm/cache.sqlite', { users: 100_000, departments: 3000, watchRows: 1_000_000 });
writeFileSync('/tmp/wld-warm/meta.json', JSON.stringify({ lives: w.lives, now: w.now }));
console.log(w.timings, w.lives.length, (performance.now() - t).toFixed(0));
