// The main window's scripts in the production build: three classic scripts (IIFEs).
//   1. the boot script (`main.tsx`): listens for the services port and sends the start-up questions
//      (warm-start.ts). Small.
//   2. the app script (`app/app-script.ts`: app/mount.tsx and everything it imports: React, antd, the
//      shell, home). Both are deferred, and run in this order.
//   3. the pages script (`app/pages-script.ts`: every other page, app/page-modules.ts), loaded when
//      needed (app/pages-script-loader.ts): at once on a start on another page, after the first
//      render on a start on home. A first start on home (no code cache) then parses half the code:
//      parsed beside the app script, the pages took the same two cores and made home later.
//      It takes every module the app script holds from the app script (`globalThis.__wldApp`), so
//      React, antd's contexts and the stores are one instance.
// Why classic scripts: Chromium keeps V8's code cache for classic scripts and not for module scripts,
// so from the second start on the app's functions come compiled from the cache instead of being
// compiled on the main thread while React renders (bench/renderer: code-cache.ts). (A module boot
// before a classic app script also made Chromium compile the app script again on the main thread on
// a first start: both are classic.)
// The app must use the boot's instances of the modules both import (the services client and its
// early answers, the port): the boot exposes those modules on `globalThis.__wldBoot`
// (virtual:wld-boot-modules) and the app script takes them from there instead of bundling a copy.
// The app script exposes those the pages script takes the same way (virtual:wld-app-modules).
// In development (vite serve) the boot and the app are loaded as modules, the pages as the app's
// dynamic imports, and nothing is exposed.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type Rolldown } from 'vite';
import { antdStaticStyles } from './antd-static-styles.ts';
import { reactAsEsm } from './react-as-esm.ts';
import {
  APP_EXPOSURE,
  BOOT_EXPOSURE,
  emptyExposure,
  exposeModules,
  isShareableAppModule,
  moduleFacts,
  sourceOf,
  takeFrom,
  type ModuleFacts,
} from './shared-modules.ts';

/** Packages the boot script must not load: the app script brings them, compiled from the code cache. */
const NOT_IN_BOOT = /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand|antd|@ant-design)[\\/]/;

type BuiltFile = { fileName: string; source: string | Uint8Array };

interface Options {
  /** src/renderer */
  root: string;
  /** The boot script's entry (relative to root). */
  boot: string;
  /** The app script's entry (relative to root). */
  app: string;
  /** The pages script's entry (relative to root). */
  pages: string;
  /** The pages' module (dynamic imports; relative to root), which the pages script bundles… */
  pageModules: string;
  /** …and the app script gets this one in its place (same exports; relative to root): it asks the pages script. */
  pagesFromScript: string;
}

/**
 * A script module of the project (not a package from node_modules, a virtual or a helper module).
 * Only these are shared by the boot: the packages it uses (zod) keep no state the scripts would have
 * to share, and the boot's exposure stays small.
 */
const isProjectModule = (id: string) => !id.startsWith('\0') && /\.[cm]?[jt]sx?$/.test(id) && !/[\\/]node_modules[\\/]/.test(id);

/** Only the main window's page gets these scripts; the launcher is one module graph of its own. */
const isMainWindowHtml = (path: string) => /(^|[\\/])index\.html$/.test(path);

function outputFiles(output: Rolldown.RolldownOutput | Rolldown.RolldownOutput[] | unknown): Array<Rolldown.OutputChunk | Rolldown.OutputAsset> {
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output);
}

/** The project's modules the boot script's graph holds (each becomes one instance shared with the app). */
async function bootGraph(options: Options, target: unknown): Promise<Map<string, ModuleFacts>> {
  const facts = new Map<string, Omit<ModuleFacts, 'renderedLength'>>();
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: options.root,
    base: './',
    plugins: [emptyExposure(BOOT_EXPOSURE), moduleFacts(facts)],
    build: { write: false, target: target as string, minify: false, rolldownOptions: { input: resolve(options.root, options.boot) } },
  });
  const all = outputFiles(output).flatMap((file) => (file.type === 'chunk' ? file.moduleIds : []));
  const heavy = all.find((id) => NOT_IN_BOOT.test(id));
  if (heavy)
    throw new Error(`The main window's boot script (${options.boot}) imports ${heavy}: it must stay small and leave React, antd and the stores to the app script.`);
  return new Map([...new Set(all.filter(isProjectModule))].sort().map((id) => [id, { renderedLength: 1, exports: [], format: 'unknown' as const, ...facts.get(id) }]));
}

/** A built script: its files, and the modules in it. */
interface BuiltScript {
  files: BuiltFile[];
  modules: Map<string, ModuleFacts>;
}

/** One classic script (IIFE, no chunks) and its stylesheet, named `assets/<name>-<hash>`. */
async function classicScript(
  options: Options,
  target: unknown,
  name: string,
  entry: string,
  plugins: Plugin[],
): Promise<BuiltScript> {
  const facts = new Map<string, Omit<ModuleFacts, 'renderedLength'>>();
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: options.root,
    base: './',
    plugins: [...plugins, reactAsEsm(options.root), react(), antdStaticStyles(), moduleFacts(facts)],
    build: {
      write: false,
      target: target as string,
      minify: true,
      cssCodeSplit: false,
      modulePreload: false,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: resolve(options.root, entry),
        output: {
          format: 'iife',
          codeSplitting: false,
          entryFileNames: `assets/${name}-[hash].js`,
          assetFileNames: `assets/${name}-[hash][extname]`,
        },
        // the one `import.meta` is the bundler's preload helper for dynamic imports, which has no
        // chunks to preload in a single-file build and never reads it
        onLog(level, log, handler) {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
      },
    },
  });
  const chunks = outputFiles(output).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  const modules = new Map(
    chunks.flatMap((chunk) => Object.entries(chunk.modules).map(([id, module]) => [id, { renderedLength: module.renderedLength, exports: [], format: 'unknown' as const, ...facts.get(id) }] as const)),
  );
  const files = outputFiles(output).map((file) => ({ fileName: file.fileName, source: file.type === 'chunk' ? file.code : file.source }));
  const script = files.find((f) => typeof f.source === 'string' && f.fileName.endsWith('.js'));
  // a module left external compiles to require() in a classic script, which fails in the window
  const required = typeof script?.source === 'string' ? /\brequire\("([^"]+)"\)/.exec(script.source) : null;
  if (required)
    throw new Error(`The ${name} script would require("${required[1]}") at run time, which a classic script cannot.`);
  return { files, modules };
}

/** Serves the app script `pagesFromScript` in place of `pageModules`: the pages come from the pages script. */
function pagesFromPagesScript(options: Options): Plugin {
  const pageModules = resolve(options.root, options.pageModules);
  const fromScript = resolve(options.root, options.pagesFromScript);
  return {
    name: 'wld-pages-from-pages-script',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      return resolved?.id === pageModules ? fromScript : null;
    },
  };
}

/** The three scripts, each taking the modules it shares from the earlier ones. */
async function mainWindowBuild(options: Options, target: unknown): Promise<Record<'boot' | 'app' | 'pages', BuiltFile[]>> {
  const boot = sourceOf(BOOT_EXPOSURE, await bootGraph(options, target));
  const appScript = (exposure: Plugin) => {
    return classicScript(options, target, 'app', options.app, [takeFrom([boot]), pagesFromPagesScript(options), exposure]);
  };
  // The app's own modules first, then the pages taking them, then the app exposing those taken.
  // Exposing a whole module keeps exports the app left out, and a module they bring in would then be
  // in both scripts, as two instances: the pages are built again to take it too, until none is.
  let held = await appScript(emptyExposure(APP_EXPOSURE));
  for (let round = 1; ; round++) {
    const app = sourceOf(APP_EXPOSURE, new Map([...held.modules].filter(([id, facts]) => isShareableAppModule(id, facts.renderedLength))));
    const pages = await classicScript(options, target, 'pages', options.pages, [takeFrom([boot, app])]);
    const exposingApp = await appScript(exposeModules(app));
    const twice = [...pages.modules.keys()].filter((id) => !app.index.has(id) && isShareableAppModule(id, exposingApp.modules.get(id)?.renderedLength ?? 0));
    if (twice.length === 0) return { boot: (await classicScript(options, target, 'boot', options.boot, [exposeModules(boot)])).files, app: exposingApp.files, pages: pages.files };
    if (round === MAX_ROUNDS) throw new Error(`Both the app script and the pages script would hold ${twice[0]} (and ${twice.length - 1} more).`);
    held = exposingApp;
  }
}

/** Builds of the pages script, at most, before the app script holds all it brings in. */
const MAX_ROUNDS = 4;

/** The pages script's entry and the two modules it swaps in the app script (relative to src/renderer). */
export const PAGES_SCRIPT = { pages: 'app/pages-script.ts', pageModules: 'app/page-modules.ts', pagesFromScript: 'app/pages-script-loader.ts' } as const;

/** A script tag that runs after the page is parsed, in document order with the other deferred ones. */
const deferredScript = (file: BuiltFile, attrs: Record<string, string | boolean> = {}) => ({ tag: 'script', attrs: { defer: true, src: `./${file.fileName}`, ...attrs }, injectTo: 'head' as const });
const stylesheet = (file: BuiltFile) => ({ tag: 'link', attrs: { rel: 'stylesheet', href: `./${file.fileName}` }, injectTo: 'head' as const });

export function mainWindowScripts(options: Options): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let target: unknown;
  let files: Record<'boot' | 'app' | 'pages', BuiltFile[]> = { boot: [], app: [], pages: [] };
  const empty = [emptyExposure(BOOT_EXPOSURE), emptyExposure(APP_EXPOSURE)];
  return {
    name: 'wld-main-window-scripts',
    // development: main.tsx's and app-script.ts's imports of the exposures are empty
    resolveId: (id, importer) => empty.map((p) => (p.resolveId as (id: string, importer?: string) => string | null)(id, importer)).find(Boolean) ?? null,
    load: (id) => empty.map((p) => (p.load as (id: string) => string | null)(id)).find(Boolean) ?? null,
    configResolved(config) {
      command = config.command;
      target = config.build.target;
    },
    async buildStart() {
      if (command !== 'build') return;
      files = await mainWindowBuild(options, target);
    },
    generateBundle() {
      for (const file of [...files.boot, ...files.app, ...files.pages]) this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!isMainWindowHtml(context.filename)) return html;
        if (command !== 'build')
          return { html, tags: [options.boot, options.app].map((src) => ({ tag: 'script', attrs: { type: 'module', src: `/${src}` }, injectTo: 'head' as const })) };
        const script = (built: BuiltFile[]) => {
          const found = built.find((f) => f.fileName.endsWith('.js'));
          if (!found) throw new Error('A main window script was not built');
          return found;
        };
        const styles = [...files.boot, ...files.app, ...files.pages].filter((f) => f.fileName.endsWith('.css'));
        return {
          html,
          tags: [
            ...styles.map(stylesheet),
            deferredScript(script(files.boot)),
            deferredScript(script(files.app), { 'data-wld-app': true }),
            // loaded when needed (app/pages-script-loader.ts)
            { tag: 'meta', attrs: { name: 'wld-pages-script', content: `./${script(files.pages).fileName}` }, injectTo: 'head' as const },
          ],
        };
      },
    },
  };
}
