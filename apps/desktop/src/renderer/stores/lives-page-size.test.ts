// The lives list's page size outlives the window: the next start shows, and the warm start asks for,
// as many lives a page as the admin last picked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../test-support/jsdom.ts';

afterEach(() => {
  localStorage.clear();
  vi.resetModules();
});

const freshModules = async () => {
  vi.resetModules();
  return {
    lives: await import('./lives.ts'),
    warm: await import('../app/warm-start.ts'),
  };
};

describe('lives page size', () => {
  it('is 20 at first, and when what is stored is not a size the list offers', async () => {
    expect((await freshModules()).lives.initialLivesPage.size).toBe(20);
    localStorage.setItem('wld.livesPageSize', '7');
    expect((await freshModules()).lives.initialLivesPage.size).toBe(20);
    localStorage.setItem('wld.livesPageSize', 'lots');
    expect((await freshModules()).lives.initialLivesPage.size).toBe(20);
  });

  it('is the size last picked at the next start, for the page and for the warm start', async () => {
    const before = await freshModules();
    before.lives.useLivesStore.getState().setPage({ size: 50, current: 1 });
    expect(localStorage.getItem('wld.livesPageSize')).toBe('50');

    const next = await freshModules();
    expect(next.lives.useLivesStore.getState().page).toMatchObject({ size: 50, current: 1 });
    expect(next.warm.firstQueriesOf('lives', '/lives')).toEqual([
      {
        method: 'lives.list',
        input: expect.objectContaining({ page: expect.objectContaining({ offset: 0, limit: 50 }) }),
      },
    ]);
  });
});
