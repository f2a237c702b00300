// Where the time goes from navigation until a screen shows its first data: the renderer's User
// Timing entries (src/renderer/perf/timeline.ts, on with localStorage `wld.perf`), the services' queue
// and handler time carried on each answer, and the moment the screen's first data is in the DOM.
// Host-agnostic: the browser host and the Electron build hand it a page (Playwright Page) each.
import type { Page } from '@playwright/test';

export interface Screen {
  name: string;
  /** Hash route, without the leading '#'. */
  route: string;
  /** The services call (`rpc:<method>`) or main call (`main:<method>`) whose answer the screen shows first. */
  query: string;
  /** The first data in the DOM: an element matching this selector… */
  selector: string;
  /** …whose text matches this (when the element is there before its data). */
  text?: string;
}

export const SCREENS: readonly Screen[] = [
  { name: 'home', route: '/', query: 'rpc:stats.home', selector: '[data-testid="home-stat-lives"]' },
  { name: 'org', route: '/org', query: 'rpc:users.search', selector: '[data-testid="users-total"]', text: '\\d' },
  { name: 'lives', route: '/lives', query: 'rpc:lives.list', selector: '[data-testid^="live-row-"]' },
  { name: 'statistics', route: '/statistics', query: 'rpc:stats.overview', selector: '[data-testid="stats-total-lives"]' },
  { name: 'messages', route: '/messages', query: 'rpc:org.departments', selector: '[data-testid="messages-page"][aria-busy="false"]' },
  { name: 'api usage', route: '/api-usage', query: 'rpc:apiUsage.stats', selector: '[data-testid="api-usage-totals"]' },
  { name: 'settings', route: '/settings', query: 'main:settings.get', selector: '[data-testid="profiles-table"] tr[data-row-key]' },
];

export function liveDetailScreen(livingid: string): Screen {
  return { name: 'live detail', route: `/lives/${livingid}`, query: 'rpc:lives.get', selector: '[data-testid="live-info"]' };
}

/** One page load, in ms since navigation (milestones) or as spans; null where the entry is missing. */
export interface LoadBreakdown {
  /** The screen's first data in the DOM. */
  shown: number;
  /** DOMContentLoaded: the HTML parsed and the deferred scripts (the boot script, then the app script) run. */
  entry: number | null;
  /** React, antd, i18n and the shell have loaded and run. */
  modules: number | null;
  firstCommit: number | null;
  /** The navigation menu and the status bar rendered (they follow the first commit). */
  chrome: number | null;
  /** main's settings.get (language, theme, active profile) — the gate before the pages render. */
  settings: Span | null;
  /** The services port: asked for → in hand. */
  port: Span | null;
  /** cache.scope: whose data the services answer with — the other gate. */
  scope: Span | null;
  /** The page's lazy chunk: asked for → evaluated. */
  chunk: Span | null;
  query: QuerySpan | null;
  /** From the query's answer to the data in the DOM (React render, commit, layout). */
  render: number | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface QuerySpan extends Span {
  queuedMs: number | null;
  runMs: number | null;
}

/** The entries a page load leaves, as read from the page. */
export interface TimelineEntry {
  name: string;
  entryType: string;
  startTime: number;
  duration: number;
  detail?: unknown;
}

function firstSpan(entries: readonly TimelineEntry[], name: string): Span | null {
  const entry = entries.find((e) => e.name === name && e.entryType === 'measure');
  return entry ? { start: entry.startTime, end: entry.startTime + entry.duration } : null;
}

function markAt(entries: readonly TimelineEntry[], name: string): number | null {
  return entries.find((e) => e.name === name && e.entryType === 'mark')?.startTime ?? null;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Reads one load's breakdown from its timeline entries and the moment its data appeared. */
export function breakdownOf(screen: Screen, entries: readonly TimelineEntry[], shown: number): LoadBreakdown {
  const queryName = `wld:${screen.query}`;
  // the answer the screen showed: the last call of its method answered before the data appeared
  const answered = entries.filter((e) => e.name === queryName && e.entryType === 'measure' && e.startTime + e.duration <= shown);
  const last = answered.at(-1);
  const detail = (last?.detail ?? {}) as Record<string, unknown>;
  const query: QuerySpan | null = last
    ? {
        start: last.startTime,
        end: last.startTime + last.duration,
        queuedMs: numberOrNull(detail.queuedMs),
        runMs: numberOrNull(detail.runMs),
      }
    : null;
  return {
    shown,
    entry: entries.find((e) => e.entryType === 'navigation')?.duration ?? null,
    modules: markAt(entries, 'wld:boot:app-module'),
    firstCommit: markAt(entries, 'wld:boot:first-commit'),
    chrome: markAt(entries, 'wld:boot:chrome'),
    settings: firstSpan(entries, 'wld:main:settings.get'),
    port: firstSpan(entries, 'wld:bridge:port'),
    scope: firstSpan(entries, 'wld:rpc:cache.scope'),
    chunk: firstSpan(entries, `wld:chunk:${screen.route === '/' ? 'home' : chunkOf(screen.route)}`),
    query,
    render: query ? shown - query.end : null,
  };
}

function chunkOf(route: string): string {
  const [first, second] = route.split('/').filter(Boolean);
  return first === 'lives' && second ? 'live-detail' : (first ?? 'home');
}

/**
 * Before the page's own scripts: turn the timeline on and watch the DOM for the first data of the
 * screen the URL's hash names (its moment is kept in window.__wldShown, on the page's clock).
 */
export function timelineInitScript(screens: readonly Screen[]): { content: string } {
  const byRoute = Object.fromEntries(screens.map((s) => [s.route, { selector: s.selector, text: s.text ?? null }]));
  const content = `(() => {
    try { localStorage.setItem('wld.perf', '1'); } catch {}
    const screens = ${JSON.stringify(byRoute)};
    const route = (location.hash.replace(/^#/, '').split('?')[0]) || '/';
    const screen = screens[route];
    if (!screen) return;
    const pattern = screen.text === null ? null : new RegExp(screen.text);
    const check = () => {
      const found = pattern === null
        ? document.querySelector(screen.selector) !== null
        : [...document.querySelectorAll(screen.selector)].some((el) => pattern.test(el.textContent || ''));
      if (!found) return false;
      window.__wldShown = performance.now();
      performance.mark('wld:bench:data-shown');
      return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    // nodes added, text changed, and the one attribute a selector waits on (aria-busy)
    observer.observe(document, { subtree: true, childList: true, characterData: pattern !== null, attributeFilter: ['aria-busy'] });
  })();`;
  return { content };
}

/** After a load with timelineInitScript: waits for the data and returns the breakdown. */
export async function readBreakdown(page: Page, screen: Screen, timeoutMs = 60_000): Promise<LoadBreakdown> {
  await page.waitForFunction(() => typeof (window as unknown as { __wldShown?: number }).__wldShown === 'number', undefined, { timeout: timeoutMs });
  // the window is complete once the menu is in too (a build that renders it in the first commit
  // has no mark for it: the menu itself is the sign)
  await page.waitForFunction(
    () => performance.getEntriesByName('wld:boot:chrome').length > 0 || document.querySelector('[data-testid="nav-home"]') !== null,
    undefined,
    { timeout: timeoutMs },
  );
  const { entries, shown } = await page.evaluate(() => ({
    shown: (window as unknown as { __wldShown: number }).__wldShown,
    entries: performance
      .getEntries()
      .filter((e) => e.name.startsWith('wld:') || e.entryType === 'navigation')
      .map((e) => ({
        name: e.name,
        entryType: e.entryType,
        startTime: e.startTime,
        // navigation: DOMContentLoaded stands for "the page's scripts run"
        duration: e.entryType === 'navigation' ? (e as PerformanceNavigationTiming).domContentLoadedEventEnd : e.duration,
        detail: (e as PerformanceMeasure).detail as unknown,
      })),
  }));
  return breakdownOf(screen, entries, shown);
}

// ---- summary ----

const pct = (values: number[], p: number): number | null => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : null;
};
const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(0));
const both = (values: Array<number | null>) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? `${fmt(pct(present, 50))} / ${fmt(pct(present, 95))}` : '—';
};

/** The columns of the breakdown, each a figure per load. */
const COLUMNS: Array<[string, (b: LoadBreakdown) => number | null]> = [
  ['data shown', (b) => b.shown],
  ['entry run (DOMContentLoaded)', (b) => b.entry],
  ['modules run', (b) => b.modules],
  ['first commit', (b) => b.firstCommit],
  ['menu and status bar in', (b) => b.chrome],
  ['settings.get (main) ends', (b) => b.settings?.end ?? null],
  ['port in hand', (b) => b.port?.end ?? null],
  ['cache.scope ends', (b) => b.scope?.end ?? null],
  ['page chunk', (b) => (b.chunk ? b.chunk.end - b.chunk.start : null)],
  ['query sent', (b) => b.query?.start ?? null],
  ['query round trip', (b) => (b.query ? b.query.end - b.query.start : null)],
  ['… services queue', (b) => b.query?.queuedMs ?? null],
  ['… services run', (b) => b.query?.runMs ?? null],
  ['… hop (round trip − services)', (b) => (b.query && b.query.queuedMs !== null && b.query.runMs !== null ? b.query.end - b.query.start - b.query.queuedMs - b.query.runMs : null)],
  ['render (answer → data in DOM)', (b) => b.render],
];

export interface ScreenLoads {
  screen: Screen;
  loads: LoadBreakdown[];
  /** Loads that never showed the data, with what the page showed instead. */
  failures?: string[];
}

/** p50 / p95 per column, one row per screen; milestones are ms since navigation, the rest spans. */
export function formatBreakdown(title: string, results: readonly ScreenLoads[]): string {
  const head = `| ${title} (ms, p50 / p95) | runs | ${COLUMNS.map(([name]) => name).join(' | ')} |`;
  const rule = `|---|---|${COLUMNS.map(() => '---').join('|')}|`;
  const rows = results.map(
    ({ screen, loads, failures = [] }) =>
      `| ${screen.name} (${screen.query}) | ${loads.length}${failures.length ? ` (+${failures.length} FAILED)` : ''} | ${COLUMNS.map(([, read]) => both(loads.map(read))).join(' | ')} |`,
  );
  const failed = results.flatMap(({ screen, failures = [] }) => failures.map((f) => `- ${screen.name}: ${f}`));
  return [head, rule, ...rows, ...(failed.length ? ['', 'Loads that never showed their data:', ...failed] : [])].join('\n');
}

export function p50Shown(loads: readonly LoadBreakdown[]): number | null {
  return pct(loads.map((l) => l.shown), 50);
}
