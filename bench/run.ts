// `pnpm bench`: every benchmark of the project, one after the other (they share 2 cores), each
// printing its markdown table with the baseline it measured in the same run.
//   pnpm bench [core|sim|cache|scale|services|faults|bot|renderer ...]
import { cpus, totalmem } from 'node:os';

const suites: Record<string, () => Promise<string>> = {
  sim: async () => {
    const { runSimBench, toMarkdown } = await import('../packages/wecom-sim/bench/sim.bench.ts');
    return toMarkdown(await runSimBench());
  },
  core: async () => (await import('../packages/wecom-core/bench/index.ts')).runCoreBenchmarksTable(),
  cache: async () => (await import('../apps/desktop/bench/cache/index.ts')).runCacheBenchmarksTable(),
  scale: async () => (await import('../apps/desktop/bench/cache/scale.bench.ts')).runScaleBenchmarks(),
  services: async () => (await import('../apps/desktop/bench/services/index.ts')).runServicesBenchmarksTable(),
  faults: async () => (await import('../apps/desktop/bench/faults/index.ts')).runFaultMatrixTable(),
  bot: async () => (await import('../apps/desktop/bench/bot/bot.bench.ts')).runBotBenchmarkTable(),
  renderer: async () => {
    const { runRendererBenchmarks, formatTable } = await import('../apps/desktop/bench/renderer/renderer.bench.ts');
    return formatTable(await runRendererBenchmarks());
  },
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) if (!suites[name]) throw new Error(`unknown suite ${name}; one of ${Object.keys(suites).join(', ')}`);

console.log(`# WeCom Live Desk benchmarks\n\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
let failed = 0;
for (const name of names) {
  const started = Date.now();
  console.log(`## ${name}\n`);
  try {
    console.log(await suites[name]!());
  } catch (error) {
    // one suite that cannot finish says why; the others still run, and the command exits 1
    failed++;
    console.log(`**The ${name} suite failed:** ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
process.exit(failed ? 1 : 0);
