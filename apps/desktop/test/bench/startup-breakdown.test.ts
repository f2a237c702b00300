// The start-up breakdown reads one page load's timeline: which answer the screen showed, the services'
// share of its round trip, and what is missing when an entry was never recorded.
import { describe, expect, it } from 'vitest';
import { breakdownOf, formatBreakdown, SCREENS, type TimelineEntry } from '../../bench/renderer/startup-breakdown.ts';

const home = SCREENS.find((s) => s.name === 'home')!;
const measure = (name: string, startTime: number, duration: number, detail?: unknown): TimelineEntry => ({ name, entryType: 'measure', startTime, duration, detail });
const mark = (name: string, startTime: number): TimelineEntry => ({ name, entryType: 'mark', startTime, duration: 0 });

describe('start-up breakdown', () => {
  it('takes the last answer of the screen’s query that arrived before its data showed', () => {
    const entries: TimelineEntry[] = [
      { name: 'https://host/index.html', entryType: 'navigation', startTime: 0, duration: 40 },
      mark('wld:boot:app-module', 100),
      mark('wld:boot:first-commit', 150),
      mark('wld:boot:chrome', 170),
      measure('wld:main:settings.get', 20, 30),
      measure('wld:bridge:port', 20, 10),
      measure('wld:rpc:cache.scope', 30, 5),
      measure('wld:chunk:home', 25, 60),
      measure('wld:rpc:stats.home', 40, 20, { queuedMs: 2, runMs: 3 }),
      measure('wld:rpc:stats.home', 300, 20, { queuedMs: 0, runMs: 1 }), // a refetch after the data showed
    ];
    const b = breakdownOf(home, entries, 200);
    expect(b).toMatchObject({
      shown: 200,
      entry: 40,
      modules: 100,
      firstCommit: 150,
      chrome: 170,
      settings: { start: 20, end: 50 },
      port: { start: 20, end: 30 },
      scope: { start: 30, end: 35 },
      chunk: { start: 25, end: 85 },
      query: { start: 40, end: 60, queuedMs: 2, runMs: 3 },
      render: 140,
    });
  });

  it('leaves out what a load never recorded, and prints a dash for it', () => {
    const b = breakdownOf(home, [], 500);
    expect(b).toMatchObject({ shown: 500, modules: null, chrome: null, query: null, render: null });
    const table = formatBreakdown('t', [{ screen: home, loads: [b] }]);
    expect(table).toContain('| home (rpc:stats.home) | 1 | 500 / 500 | — |');
  });
});
