import { buildWarmCache } from './warm-cache.ts';
const t = performance.now();
const w = await buildWarmCache('/tmp/wld-warm/cache.sqlite', { users: 100_000, departments: 3000, watchRows: 1_000_000 });
console.log(w.timings, w.lives.length, (performance.now() - t).toFixed(0));
