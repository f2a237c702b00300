// Whether a reopened window runs its scripts from V8's code cache: one load traced, and for module
// scripts and classic scripts, how many were compiled and how many of them from the cache
// (`consumedCacheSize` on their compile event), with the main thread's lazy compile time beside.
import type { BrowserContext } from '@playwright/test';

export interface CodeCacheUse {
  modules: { compiled: number; fromCache: number };
  classic: { compiled: number; fromCache: number };
  /** Functions compiled on first call on the main thread (V8.CompileCode), ms. */
  lazyCompileMs: number;
}

interface TraceEvent {
  name: string;
  ph?: string;
  dur?: number;
  args?: { data?: { consumedCacheSize?: number; url?: string } };
}

export async function measureCodeCache(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<CodeCacheUse> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'v8,devtools.timeline,disabled-by-default-v8.compile',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const count = (name: string) => {
    const compiled = events.filter((e) => e.name === name && e.args?.data?.url);
    return {
      compiled: compiled.length,
      fromCache: compiled.filter((e) => (e.args?.data?.consumedCacheSize ?? 0) > 0).length,
    };
  };
  const lazyCompileMs =
    events
      .filter((e) => e.name === 'V8.CompileCode' && e.ph === 'X')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return { modules: count('v8.compileModule'), classic: count('v8.compile'), lazyCompileMs };
}

export function formatCodeCache(use: CodeCacheUse): string {
  return (
    `Code cache in a reopened load of home (one traced load): module scripts ${use.modules.fromCache} of ${use.modules.compiled} compiled from the cache, ` +
    `classic scripts ${use.classic.fromCache} of ${use.classic.compiled}; functions compiled on first call on the main thread: ${use.lazyCompileMs.toFixed(0)} ms.`
  );
}
