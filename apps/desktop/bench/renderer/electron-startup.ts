// The same start-up breakdown in the Electron build: the built app (out/main/index.js) on its Demo
// profile, the services in their utility process with WLD_PERF=1 (answers carry their queue and
// handler time), each screen loaded afresh in the main window. Where no Electron binary exists the
// caller prints the reason as "skipped", never as a result.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, skipReason, startOnDemo } from '../../e2e/electron/electron-app.ts';
import { liveDetailScreen, readBreakdown, SCREENS, timelineInitScript, type LoadBreakdown, type ScreenLoads } from './startup-breakdown.ts';

export type ElectronStartup = { skipped: string } | { results: ScreenLoads[] };

export async function measureElectronStartup(runs: number): Promise<ElectronStartup> {
  const reason = skipReason();
  if (reason) return { skipped: `skipped: no Electron binary (${reason})` };
  const app = await launchApp(mkdtempSync(join(tmpdir(), 'wld-startup-bench-')), { env: { WLD_PERF: '1' } });
  try {
    const main = await startOnDemo(app);
    await main.setViewportSize({ width: 1400, height: 900 }).catch(() => {});
    const base = main.url().split('#')[0]!;
    const screens = [...SCREENS];
    await main.goto(`${base}#/lives`);
    const row = await main.locator('[data-testid^="live-row-"]').first().getAttribute('data-testid', { timeout: 60_000 });
    if (row) screens.push(liveDetailScreen(row.replace('live-row-', '')));
    await app.context().addInitScript(timelineInitScript(screens));
    const results: ScreenLoads[] = [];
    for (const screen of screens) {
      const loads: LoadBreakdown[] = [];
      for (let i = 0; i <= runs; i++) {
        await main.goto(`${base}#${screen.route}`);
        await main.reload(); // a hash change alone would not load the window again
        const breakdown = await readBreakdown(main, screen);
        if (i > 0) loads.push(breakdown); // the first load warms the services and the code cache
      }
      results.push({ screen, loads });
    }
    return { results };
  } finally {
    await app.close();
  }
}
