// Renderer benchmark: the production build in Debian's Chromium, the real services under Node on the
// simulator. First paint of the main window (against a static page in the same browser), every
// screen's first data from navigation with where the time went (startup-breakdown.ts; the same in the
// Electron build where its binary exists), users-table filter-to-render on 100k users (against a
// 1k-user org in the same run), and the size of the boot script and of what the window loads at start.
//   node apps/desktop/bench/renderer/renderer.bench.ts
//   WLD_STARTUP_RUNS=20 …   loads per screen for the breakdown (default 10)
//   node … renderer.bench.ts startup   the breakdown alone; for a quick A/B of two builds:
//   WLD_STARTUP_ONLY=fresh|reopened, WLD_STARTUP_SCREENS="lives,live detail" (screen names)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:http';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startCorpApp } from '../../browser-host/corp-app.ts';
import { measureBundle } from './bundle-size.ts';
import { formatBreakdown, liveDetailScreen, p50Shown, readBreakdown, SCREENS, timelineInitScript, type LoadBreakdown, type ScreenLoads } from './startup-breakdown.ts';
import { measureElectronStartup, type ElectronStartup } from './electron-startup.ts';
import { learnersFilterRows, measureLearnersFilter } from './learners-filter.ts';
import { formatCodeCache, measureCodeCache, type CodeCacheUse } from './code-cache.ts';

// WLD_RENDERER_DIR: another renderer build against the same host (e.g. an earlier commit's, for a same-run baseline)
const rendererDir = resolve(process.env.WLD_RENDERER_DIR ?? resolve(import.meta.dirname, '../../out/renderer'));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RendererBenchRow {
  name: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(0)} KiB`;

const STARTUP_RUNS = Math.max(10, Number(process.env.WLD_STARTUP_RUNS ?? 10));
const SCREEN_TARGET_MS = 300;
const meetsScreenTarget = (p50: number) => p50 <= SCREEN_TARGET_MS;

/** The screens WLD_STARTUP_SCREENS asks for (names, comma-separated); undefined: all of them. */
const wantedScreens = () => process.env.WLD_STARTUP_SCREENS?.split(',').map((name) => name.trim());

async function withCorpHost<T>(users: number, run: (url: string, app: Awaited<ReturnType<typeof startCorpApp>>) => Promise<T>, lives = 6): Promise<T> {
  const app = await startCorpApp(rendererDir, {
    seed: 11,
    size: { users, departments: Math.max(20, Math.round(users / 100)), lives, maxViewers: 50 },
  }, { timings: true }); // answers carry the services' queue and handler time (the start-up breakdown)
  try {
    return await run(app.host.url, app);
  } finally {
    await app.close();
  }
}

/**
 * Every screen loaded `runs` times on the warm services cache. 'fresh': a new browser profile per
 * load (nothing kept: the first visit ever). 'reopened': one profile on disk per screen, loaded again
 * and again (the HTTP cache and V8's code cache kept, as when a person opens the app again). An
 * in-memory (incognito) context would keep no code cache, so it is a persistent context, warmed by
 * REOPEN_WARMUP loads: Chromium writes a script's code cache on its second load. Whether the code
 * cache is then used is measured, not assumed (code-cache.ts): this Chromium takes it for classic
 * scripts only, which is why the app script is one (build/main-window-scripts.ts).
 */
async function measureScreens(browser: Browser, url: string, runs: number, profile: 'fresh' | 'reopened' = 'fresh', only?: string[]): Promise<ScreenLoads[]> {
  const wanted = only ?? wantedScreens();
  const screens = SCREENS.filter((screen) => !wanted || wanted.includes(screen.name));
  if (!wanted || wanted.includes('live detail')) {
    const probe = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await probe.goto(`${url}/index.html#/lives`);
    const row = await probe.locator('[data-testid^="live-row-"]').first().getAttribute('data-testid', { timeout: 60_000 });
    await probe.close();
    if (row) screens.push(liveDetailScreen(row.replace('live-row-', '')));
  }
  const script = timelineInitScript(screens);
  const results: ScreenLoads[] = [];
  for (const screen of screens) {
    const loads: LoadBreakdown[] = [];
    const newContext = async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(script);
      return context;
    };
    const kept = profile === 'reopened' ? await persistentContext(script) : null;
    const warmup = kept ? REOPEN_WARMUP : 1;
    const failures: string[] = [];
    for (let i = 0; i < runs + warmup; i++) {
      const context = kept ?? (await newContext());
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text().slice(0, 200)}`);
      });
      try {
        await page.goto(`${url}/index.html#${screen.route}`);
        const breakdown = await readBreakdown(page, screen);
        if (i >= warmup) loads.push(breakdown); // the first loads warm the services' statements (and a kept profile's code cache)
      } catch (error) {
        // a load that never shows its data is reported with what the page said, and the run goes on
        failures.push(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${await describeStuckPage(page, screen)}; ${problems.join('; ') || 'no page errors'}`);
      }
      await page.close();
      if (!kept) await context.close();
    }
    if (kept && screen.name === 'home') codeCache = await measureCodeCache(kept, `${url}/index.html#${screen.route}`, screen.selector);
    await kept?.close();
    if (kept) rmSync(kept.userDataDir, { recursive: true, force: true });
    results.push({ screen, loads, failures });
  }
  return results;
}

/** What the last reopened run found of V8's code cache (measureCodeCache). */
let codeCache: CodeCacheUse | null = null;

/** Loads of a reopened profile that are not counted: the second one writes the code cache. */
const REOPEN_WARMUP = 3;

/** A browser profile on disk (Chromium keeps code cache only there), with the timeline script. */
async function persistentContext(script: { content: string }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'wld-reopened-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  await context.addInitScript(script);
  return Object.assign(context, { userDataDir });
}

/** What a screen that never showed its data looked like (the element waited for, its aria-busy, the text). */
async function describeStuckPage(page: Page, screen: { selector: string }): Promise<string> {
  return page
    .evaluate((selector) => {
      const base = selector.replace(/\[aria-busy="false"\]$/, '');
      const element = document.querySelector(base);
      const busy = element?.getAttribute('aria-busy');
      return `${base}: ${element ? `present, aria-busy=${busy ?? 'unset'}` : 'absent'}; text: ${document.body.innerText.replace(/\s+/g, ' ').slice(0, 160)}`;
    }, screen.selector)
    .catch((error: unknown) => `the page could not be read (${String(error)})`);
}

/** The scale suite's number of lives: the lives screen is also measured over a list that long. */
const MANY_LIVES = 2_000;

/** The lives screen, reopened, over a corp with MANY_LIVES lives. */
function measureManyLives(browser: Browser, runs: number): Promise<ScreenLoads[]> {
  return withCorpHost(
    1_000,
    async (url, app) => {
      await app.host.services()?.initialized();
      return measureScreens(browser, url, runs, 'reopened', ['lives']);
    },
    MANY_LIVES,
  );
}

export interface StartupFigures {
  browser: ScreenLoads[];
  reopened: ScreenLoads[];
  /** The lives screen, reopened, in a corp with MANY_LIVES lives (the list a big corp's admin opens). */
  manyLives: ScreenLoads[];
  codeCache: CodeCacheUse | null;
  electron: ElectronStartup;
}

/** The start-up breakdown alone, browser host and Electron build (`node … renderer.bench.ts startup`). */
export async function runStartupBenchmarks(runs = STARTUP_RUNS): Promise<StartupFigures> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const results = await withCorpHost(1_000, async (url, app) => {
      await app.host.services()?.initialized();
      const only = process.env.WLD_STARTUP_ONLY;
      return {
        fresh: only === 'reopened' ? [] : await measureScreens(browser, url, runs),
        reopened: only === 'fresh' ? [] : await measureScreens(browser, url, runs, 'reopened'),
      };
    });
    const wanted = wantedScreens();
    const manyLives = process.env.WLD_STARTUP_ONLY === 'fresh' || (wanted && !wanted.includes('lives')) ? [] : await measureManyLives(browser, runs);
    return { browser: results.fresh, reopened: results.reopened, manyLives, codeCache, electron: await measureElectronStartup(runs) };
  } finally {
    await browser.close();
  }
}

export function formatStartup(figures: StartupFigures): string {
  const lines = [
    formatBreakdown('browser host, fresh profile: from navigation', figures.browser),
    '',
    formatBreakdown('browser host, reopened (profile kept on disk: HTTP cache and code cache): from navigation', figures.reopened),
    '',
    ...(figures.codeCache ? [formatCodeCache(figures.codeCache), ''] : []),
    'Milestones (data shown, entry run, modules run, first commit, menu and status bar in, … ends, port in hand, query sent) are ms since navigation; the rest are spans.',
    '',
    '| first data ≤ 300 ms p50 | browser host, fresh profile | browser host, reopened | Electron build |',
    '|---|---|---|---|',
  ];
  const electron = 'results' in figures.electron ? figures.electron.results : null;
  const verdict = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} ms ${meetsScreenTarget(v) ? 'meets' : 'MISSES'}`);
  const shownIn = (runs: readonly ScreenLoads[], name: string) => {
    const found = runs.find((r) => r.screen.name === name);
    return found ? p50Shown(found.loads) : null;
  };
  // every screen measured in any of the builds (WLD_STARTUP_ONLY measures one profile kind only)
  const names = [...new Set([...figures.browser, ...figures.reopened].map((r) => r.screen.name))];
  for (const name of names) {
    const inElectron = electron ? verdict(shownIn(electron, name)) : 'skipped';
    lines.push(`| ${name} | ${verdict(shownIn(figures.browser, name))} | ${verdict(shownIn(figures.reopened, name))} | ${inElectron} |`);
  }
  lines.push('');
  if (figures.manyLives.length > 0) {
    lines.push(formatBreakdown(`browser host, reopened, a corp with ${MANY_LIVES.toLocaleString('en-US')} lives (the scale suite's count; the others have 6): from navigation`, figures.manyLives));
    lines.push('', '| first data ≤ 300 ms p50, many lives | data shown | target | met |', '|---|---:|---|:---:|');
    for (const { screen, loads } of figures.manyLives) {
      const p50 = p50Shown(loads);
      lines.push(`| ${screen.name}, ${MANY_LIVES.toLocaleString('en-US')} lives, reopened | ${p50 === null ? '—' : `${p50.toFixed(0)} ms`} | target ≤ ${SCREEN_TARGET_MS} ms | ${p50 !== null && meetsScreenTarget(p50) ? 'meets' : 'MISSES'} |`);
    }
    lines.push('');
  }
  if (electron) lines.push(formatBreakdown('Electron build: from navigation', electron));
  else if ('skipped' in figures.electron) lines.push(`Electron build: ${figures.electron.skipped}`);
  return lines.join('\n');
}

async function firstContentfulPaint(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const found = performance.getEntriesByName('first-contentful-paint')[0];
        if (found) return done(found.startTime);
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) done(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

async function staticPageUrl(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><body><h1>企微直播台</h1></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Median FCP over fresh pages (no cache), and the time until the home page shows data. */
async function measureFirstPaint(browser: Browser, url: string, runs: number, readySelector?: string) {
  const paints: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    paints.push(await firstContentfulPaint(page, url));
    if (readySelector) {
      await page.locator(readySelector).first().waitFor({ timeout: 60_000 });
      ready.push(Date.now() - started);
    }
    await context.close();
  }
  paints.sort((a, b) => a - b);
  ready.sort((a, b) => a - b);
  return { fcp: pct(paints, 50), ready: ready.length ? pct(ready, 50) : NaN };
}

/** Filter-to-render: from a new query in the users table to its first rows in the DOM (User Timing). */
async function measureFilterToRender(browser: Browser, url: string, users: number): Promise<{ render: number[]; fetch: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/index.html#/org`);
  await page.getByTestId('users-total').filter({ hasText: new RegExp(`(^|\\D)(${users}|${users.toLocaleString('en-US')})(\\D|$)`) }).waitFor({ timeout: 240_000 });
  // 45 distinct queries, each a new key (a repeated query answers from the table's cache and would flatter the figure)
  const queries = [
    '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
    '工程师', '经理', '专员', '主管', '总监', '产品', '培训', '设计', '销售', '顾问',
    'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu',
  ];
  const durations: number[] = [];
  const search = page.getByTestId('users-search');
  for (const query of queries) {
    const before = await page.evaluate(() => performance.getEntriesByName('wld:table-query-to-rows').length);
    await search.fill(query);
    await page.waitForFunction((n) => performance.getEntriesByName('wld:table-query-to-rows').length > n, before, { timeout: 30_000 });
    durations.push(await page.evaluate(() => performance.getEntriesByName('wld:table-query-to-rows').at(-1)!.duration));
  }
  // the data part of it: the users.search round trip of each first page (services, FTS, RPC)
  const fetches = await page.evaluate(() => performance.getEntriesByName('wld:table-fetch').map((e) => e.duration));
  await page.close();
  const sort = (v: number[]) => v.slice(5).sort((a, b) => a - b); // the first five warm up the JIT
  return { render: sort(durations), fetch: sort(fetches.slice(-queries.length)) };
}

/** The breakdown of the last runRendererBenchmarks (formatTable prints it under the table). */
let startup: StartupFigures | null = null;

export async function runRendererBenchmarks(): Promise<RendererBenchRow[]> {
  startup = null;
  const bundle = measureBundle(rendererDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const staticPage = await staticPageUrl();
    const baseline = await measureFirstPaint(browser, staticPage.url, 5);
    await staticPage.close();
    const small = await withCorpHost(1_000, async (url, app) => {
      const paint = await measureFirstPaint(browser, `${url}/index.html`, 5, '[data-testid="home-last30"]');
      await app.host.services()?.initialized();
      return {
        paint,
        filter: await measureFilterToRender(browser, url, 1_000),
        screens: await measureScreens(browser, url, STARTUP_RUNS),
        reopened: await measureScreens(browser, url, STARTUP_RUNS, 'reopened'),
      };
    });
    startup = { browser: small.screens, reopened: small.reopened, manyLives: await measureManyLives(browser, STARTUP_RUNS), codeCache, electron: await measureElectronStartup(STARTUP_RUNS) };
    const large = await withCorpHost(100_000, async (url) => ({ filter: await measureFilterToRender(browser, url, 100_000) }));
    // required learners from a series, on its own corps (also runnable alone: learners-filter.ts)
    const learners = learnersFilterRows(await measureLearnersFilter(browser, 100_000), await measureLearnersFilter(browser, 1_000));
    return [
      { name: 'main window first contentful paint (p50 of 5)', value: ms(small.paint.fcp), baseline: `${ms(baseline.fcp)} static page`, ratio: `${(small.paint.fcp / baseline.fcp).toFixed(2)}x`, target: '—' },
      { name: 'main window: home card frame (p50 of 5, cold services)', value: ms(small.paint.ready), baseline: '—', ratio: '—', target: '—' },
      {
        name: `home shows data from navigation (p50 of ${STARTUP_RUNS}, warm cache)`,
        value: ms(p50Shown(small.screens[0]!.loads) ?? NaN),
        baseline: `${ms(small.paint.fcp)} first paint`,
        ratio: '—',
        target: `≤ ${SCREEN_TARGET_MS} ms`,
      },
      { name: 'users filter-to-render, 100k users, p50', value: ms(pct(large.filter.render, 50)), baseline: `${ms(pct(small.filter.render, 50))} at 1k users`, ratio: `${(pct(large.filter.render, 50) / pct(small.filter.render, 50)).toFixed(2)}x`, target: '< 50 ms' },
      { name: 'users filter-to-render, 100k users, p95', value: ms(pct(large.filter.render, 95)), baseline: `${ms(pct(small.filter.render, 95))} at 1k users`, ratio: `${(pct(large.filter.render, 95) / pct(small.filter.render, 95)).toFixed(2)}x`, target: '< 50 ms' },
      ...learners,
      { name: '… of which users.search round trip, 100k, p50', value: ms(pct(large.filter.fetch, 50)), baseline: `${ms(pct(small.filter.fetch, 50))} at 1k users`, ratio: `${(pct(large.filter.fetch, 50) / pct(small.filter.fetch, 50)).toFixed(2)}x`, target: '—' },
      { name: 'boot script (entry)', value: `${kb(bundle.entryChunkBytes)} (${kb(bundle.entryChunkGzipBytes)} gzip)`, baseline: `${kb(bundle.allJsBytes)} all renderer JS`, ratio: `${(bundle.entryChunkBytes / bundle.allJsBytes).toFixed(2)}`, target: 'small' },
      { name: 'loaded at start (boot script + app script + CSS)', value: `${kb(bundle.firstLoadBytes)} (${kb(bundle.firstLoadGzipBytes)} gzip)`, baseline: `${kb(bundle.allJsBytes)} all renderer JS`, ratio: `${(bundle.firstLoadBytes / bundle.allJsBytes).toFixed(2)}`, target: '—' },
    ];
  } finally {
    await browser.close();
  }
}

export function formatTable(rows: readonly RendererBenchRow[]): string {
  const lines = ['| renderer | value | baseline (same run) | ratio | target |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.name} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`);
  if (startup) lines.push('', formatStartup(startup));
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (process.argv.includes('startup')) console.log(formatStartup(await runStartupBenchmarks()));
  else console.log(formatTable(await runRendererBenchmarks()));
  process.exit(0);
}
