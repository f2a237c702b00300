// The pages script (build/main-window-scripts.ts): every page but home, a classic script of its own
// that the window loads when it needs it, so that a start on home parses only the app script. The
// boot loads it at once when the window starts on another page; the app loads it once home has
// rendered, so that the other pages open at once. The build serves the app script this module's
// `loadPageModule` in place of page-modules.ts'. In development and in the tests there is no pages
// script (no <meta name="wld-pages-script">): the pages are page-modules.ts' dynamic imports.
import type { PageModule, ScriptPageName } from './page-modules.ts';

type LoadPageModule = (page: ScriptPageName) => Promise<PageModule>;

/** The pages script could not be loaded (the page that asked says so in the window's language). */
export class PagesScriptError extends Error {
  override name = 'PagesScriptError';
}

const META = 'meta[name="wld-pages-script"]';

let loading: Promise<LoadPageModule> | null = null;
let arrived: ((load: LoadPageModule) => void) | null = null;

// The pages take the app script's modules from its global, which it fills once it has mounted: a
// page is opened only after that, though the pages script may have run before it.
let appModulesExposed: () => void = () => undefined;
const appModules = new Promise<void>((resolve) => (appModulesExposed = resolve));

/** Called by the app script once the modules the pages take are on its global. */
export function appModulesReady(): void {
  appModulesExposed();
}

/** Called by the pages script once it has run. */
export function pagesArrived(load: LoadPageModule): void {
  if (arrived) arrived(load);
  else loading = Promise.resolve(load);
}

/** Starts loading the pages script (once; again after a failure). */
export function loadPagesScript(): Promise<LoadPageModule> {
  if (loading) return loading;
  const src = document.querySelector<HTMLMetaElement>(META)?.content;
  if (!src) return Promise.reject(new Error('This window has no pages script.'));
  loading = new Promise<LoadPageModule>((resolve, reject) => {
    arrived = resolve;
    const script = document.createElement('script');
    script.src = src;
    const failed = (what: string) => {
      loading = null;
      script.remove();
      window.removeEventListener('error', thrown);
      reject(new PagesScriptError(`The pages script ${what} (${script.src}).`));
    };
    // a script that loads but throws before it has handed the pages over fires no error on itself
    const thrown = (event: ErrorEvent) => {
      if (event.filename === script.src) failed(`failed while it ran: ${String(event.message)}`);
    };
    script.addEventListener('error', () => failed('could not be loaded'));
    script.addEventListener('load', () => window.removeEventListener('error', thrown));
    window.addEventListener('error', thrown);
    document.head.append(script);
  });
  return loading;
}

/** Starts loading the pages script where the window has one; a failure is told to the page loads that ask. */
export function startPagesScript(): void {
  if (document.querySelector(META)) loadPagesScript().catch(() => undefined);
}

export function loadPageModule(page: ScriptPageName): Promise<PageModule> {
  return Promise.all([loadPagesScript(), appModules]).then(([load]) => load(page));
}
