// Which page and which first questions the warm start picks from the window's hash.
import { describe, expect, it } from 'vitest';
import { pageForPath, pathOfHash } from './page-paths.ts';
import { firstQueriesOf } from './warm-start.ts';
import { overviewInput, useStatisticsStore } from '../stores/statistics.ts';
import { livesListInput, useLivesStore } from '../stores/lives.ts';

describe('warm start', () => {
  it('reads the route path from a hash-router hash', () => {
    expect(pathOfHash('')).toBe('/');
    expect(pathOfHash('#/')).toBe('/');
    expect(pathOfHash('#/lives?new=1')).toBe('/lives');
    expect(pathOfHash('#/lives/lv%2F1')).toBe('/lives/lv%2F1');
    expect(pathOfHash('#nonsense')).toBe('/');
  });

  it('names the page the router would show, or none for an unknown path', () => {
    expect(pageForPath('/')).toBe('home');
    expect(pageForPath('/lives')).toBe('lives');
    expect(pageForPath('/lives/abc')).toBe('live-detail');
    expect(pageForPath('/lives/abc/more')).toBeNull();
    expect(pageForPath('/api-usage')).toBe('api-usage');
    expect(pageForPath('/settings')).toBe('settings');
    expect(pageForPath('/home')).toBeNull();
    expect(pageForPath('/live-detail')).toBeNull();
    expect(pageForPath('/org/x')).toBeNull();
    expect(pageForPath('/training')).toBe('training');
    expect(pageForPath('/training/series/7')).toBe('series');
    expect(pageForPath('/series')).toBeNull();
    expect(pageForPath('/nowhere')).toBeNull();
  });

  it('asks only the first queries whose input does not hang on a page filter', () => {
    expect(firstQueriesOf('home', '/')).toEqual([{ method: 'stats.home', input: {} }]);
    expect(firstQueriesOf('live-detail', '/lives/lv%2F1')).toEqual([
      { method: 'lives.get', input: { livingid: 'lv/1' } },
      { method: 'org.departments', input: {} },
    ]);
    // the users table and the statistics start from their stores' state, as the pages will ask
    expect(firstQueriesOf('org', '/org')[0]).toEqual({
      method: 'users.search',
      input: { query: '', departmentId: null, recursive: true, status: null, sort: 'name', desc: false, offset: 0, limit: 50 },
    });
    const overview = firstQueriesOf('statistics', '/statistics')[0];
    expect(overview?.method).toBe('stats.overview');
    expect(overview?.input).toEqual(overviewInput(useStatisticsStore.getState().filters));
    // the lives page starts on the list view, whose input has no span: the very input the page asks
    const lives = useLivesStore.getState();
    expect(lives.view).toBe('list');
    expect(firstQueriesOf('lives', '/lives')).toEqual([{ method: 'lives.list', input: livesListInput(lives.filters, lives.view, lives.cursor) }]);
  });
});
