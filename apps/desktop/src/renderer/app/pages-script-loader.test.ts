// The pages script's loader (the production build's way to the pages other than home), in jsdom: the
// script element it adds, the pages it hands over only once the app's modules are out, and a
// failed load told as a sentence and tried again on the next ask.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageModule } from './page-modules.ts';
import type * as PagesScriptLoader from './pages-script-loader.ts';

type Loader = typeof PagesScriptLoader;

const SRC = './assets/pages-test.js';
const page: PageModule = { default: () => null };

async function freshLoader(withMeta = true): Promise<Loader> {
  vi.resetModules();
  document.head.replaceChildren();
  if (withMeta) {
    const meta = document.createElement('meta');
    meta.name = 'wld-pages-script';
    meta.content = SRC;
    document.head.append(meta);
  }
  return import('./pages-script-loader.ts');
}

const scripts = () => [...document.head.querySelectorAll('script')];
const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((done) => setTimeout(done, 0));
  return state;
};

describe('the pages script loader', () => {
  beforeEach(() => document.head.replaceChildren());
  afterEach(() => document.head.replaceChildren());

  it('adds the pages script once, and opens a page only when the script has run and the app modules are out', async () => {
    const loader = await freshLoader();
    const load = vi.fn(async () => page);
    const opened = loader.loadPageModule('org');
    void loader.loadPageModule('lives');
    expect(scripts().map((s) => s.getAttribute('src'))).toEqual([SRC]);
    loader.pagesArrived(load);
    expect(await settled(opened)).toBe('pending'); // the app has not put its modules out yet
    expect(load).not.toHaveBeenCalled();
    loader.appModulesReady();
    await expect(opened).resolves.toBe(page);
    expect(load).toHaveBeenCalledWith('org');
    expect(scripts()).toHaveLength(1);
  });

  it('takes the pages from a script that ran before anyone asked (a start on another page)', async () => {
    const loader = await freshLoader();
    loader.pagesArrived(async () => page);
    loader.appModulesReady();
    await expect(loader.loadPageModule('settings')).resolves.toBe(page);
    expect(scripts()).toHaveLength(0);
  });

  it('says when the script cannot be loaded, and adds it again on the next ask', async () => {
    const loader = await freshLoader();
    loader.appModulesReady();
    const first = loader.loadPageModule('statistics');
    const added = scripts()[0]!;
    added.dispatchEvent(new Event('error'));
    await expect(first).rejects.toBeInstanceOf(loader.PagesScriptError);
    await expect(first).rejects.toThrow(`The pages script could not be loaded (${added.src}).`);
    expect(scripts()).toHaveLength(0);
    const second = loader.loadPageModule('statistics');
    expect(scripts()).toHaveLength(1);
    loader.pagesArrived(async () => page);
    await expect(second).resolves.toBe(page);
  });

  it('says when the script throws before it has handed the pages over', async () => {
    const loader = await freshLoader();
    loader.appModulesReady();
    const opened = loader.loadPageModule('org');
    const added = scripts()[0]!;
    window.dispatchEvent(new ErrorEvent('error', { filename: added.src, message: 'Uncaught TypeError: x is undefined' }));
    await expect(opened).rejects.toThrow(`The pages script failed while it ran: Uncaught TypeError: x is undefined (${added.src}).`);
    expect(scripts()).toHaveLength(0);
  });

  it('starts nothing where the window has no pages script (development, tests)', async () => {
    const loader = await freshLoader(false);
    loader.startPagesScript();
    expect(scripts()).toHaveLength(0);
    await expect(loader.loadPagesScript()).rejects.toThrow('This window has no pages script.');
  });
});
