// The main window's scripts in the production build: two classic scripts (IIFEs), run in order.
//   1. the boot script (`main.tsx`): listens for the services port and sends the start-up questions
//      (warm-start.ts). Small.
//   2. the app script (`app/app-script.ts`: app/mount.tsx and everything it imports: React, antd, every page).
// Why classic scripts: Chromium keeps V8's code cache for classic scripts and not for module scripts,
// so from the second start on the app's functions come compiled from the cache instead of being
// compiled on the main thread while React renders (bench/renderer: code-cache.ts). (A module boot
// before a classic app script also made Chromium compile the app script again on the main thread on
// a first start: both are classic.)
// The app must use the boot's instances of the modules both import (the services client and its
// early answers, the port): the boot exposes those modules on `globalThis.__wldBoot`
// (virtual:wld-boot-modules) and the app script takes them from there instead of bundling a copy.
// In development (vite serve) both are loaded as modules and nothing is exposed.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type Rolldown } from 'vite';
import { antdStaticStyles } from './antd-static-styles.ts';
import { reactAsEsm } from './react-as-esm.ts';

const BOOT_MODULES_ID = 'virtual:wld-boot-modules';
const RESOLVED_BOOT_MODULES_ID = '\0wld-boot-modules';
const BOOT_GLOBAL = '__wldBoot';

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
}

/**
 * A script module of the project (not a package from node_modules, a virtual or a helper module).
 * Only these are shared: a package the boot uses (zod) may re-export all of another module, which a
 * classic script cannot take from a global, and packages keep no state the two would have to share.
 */
const isProjectModule = (id: string) => !id.startsWith('\0') && /\.[cm]?[jt]sx?$/.test(id) && !/[\\/]node_modules[\\/]/.test(id);

/** Only the main window's page gets these scripts; the launcher is one module graph of its own. */
const isMainWindowHtml = (path: string) => /(^|[\\/])index\.html$/.test(path);

/** Serves virtual:wld-boot-modules with `code` (empty where nothing is exposed). */
function bootModules(name: string, code: () => string): Plugin {
  return {
    name,
    resolveId: (id) => (id === BOOT_MODULES_ID ? RESOLVED_BOOT_MODULES_ID : null),
    load: (id) => (id === RESOLVED_BOOT_MODULES_ID ? code() : null),
  };
}

function outputFiles(output: Rolldown.RolldownOutput | Rolldown.RolldownOutput[] | unknown): Array<Rolldown.OutputChunk | Rolldown.OutputAsset> {
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output);
}

/** The project's modules the boot script's graph holds (each becomes one instance shared with the app). */
async function bootGraph(options: Options, target: unknown): Promise<string[]> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: options.root,
    base: './',
    plugins: [bootModules('wld-boot-modules-empty', () => 'export {};')],
    build: { write: false, target: target as string, minify: false, rolldownOptions: { input: resolve(options.root, options.boot) } },
  });
  const all = outputFiles(output).flatMap((file) => (file.type === 'chunk' ? file.moduleIds : []));
  const heavy = all.find((id) => NOT_IN_BOOT.test(id));
  if (heavy)
    throw new Error(`The main window's boot script (${options.boot}) imports ${heavy}: it must stay small and leave React, antd and the stores to the app script.`);
  return [...new Set(all.filter(isProjectModule))].sort();
}

/** One classic script (IIFE, no chunks) and its stylesheet, named `assets/<name>-<hash>`. */
async function classicScript(
  options: Options,
  target: unknown,
  name: string,
  entry: string,
  plugins: Plugin[],
  globals?: (id: string) => string,
): Promise<BuiltFile[]> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: options.root,
    base: './',
    plugins: [...plugins, reactAsEsm(options.root), react(), antdStaticStyles()],
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
          globals,
        },
        // the one `import.meta` is the bundler's preload helper for dynamic imports, which has no
        // chunks to preload in a single-file build and never reads it
        onLog(level, log, handler) {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
      },
    },
  });
  const files = outputFiles(output).map((file) => ({ fileName: file.fileName, source: file.type === 'chunk' ? file.code : file.source }));
  const script = files.find((f) => typeof f.source === 'string' && f.fileName.endsWith('.js'));
  // `export * from` a shared module compiles to require() in a classic script, which fails in the window
  const required = typeof script?.source === 'string' ? /\brequire\("([^"]+)"\)/.exec(script.source) : null;
  if (required)
    throw new Error(`The ${name} script would require("${required[1]}") at run time: import that module's names one by one instead of re-exporting it whole.`);
  return files;
}

/** The app script: the boot's modules taken from the global; `taken` collects those the app imports. */
function appScript(options: Options, bootIds: readonly string[], target: unknown, taken: Set<string>): Promise<BuiltFile[]> {
  const bootIndex = new Map(bootIds.map((id, i) => [id, i]));
  const takeBootModules: Plugin = {
    name: 'wld-app-takes-boot-modules',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (!resolved || !bootIndex.has(resolved.id)) return null;
      taken.add(resolved.id);
      return { id: resolved.id, external: true };
    },
  };
  return classicScript(options, target, 'app', options.app, [takeBootModules], (id) => `${BOOT_GLOBAL}.m${bootIndex.get(id)}`);
}

/** The boot script, exposing the modules the app takes. */
function bootScript(options: Options, bootIds: readonly string[], target: unknown, taken: ReadonlySet<string>): Promise<BuiltFile[]> {
  const expose = bootModules('wld-boot-exposes-modules', () => exposeBootModules(bootIds, taken));
  return classicScript(options, target, 'boot', options.boot, [expose]);
}

/** The module the boot imports: puts the modules the app takes on the global, numbered as the app expects. */
function exposeBootModules(bootIds: readonly string[], taken: ReadonlySet<string>): string {
  const exposed = bootIds.flatMap((id, i) => (taken.has(id) ? [{ id, name: `m${i}` }] : []));
  const imports = exposed.map(({ id, name }) => `import * as ${name} from ${JSON.stringify(id)};`);
  return [...imports, `globalThis.${BOOT_GLOBAL} = Object.freeze({ ${exposed.map(({ name }) => name).join(', ')} });`].join('\n');
}

/** A script tag that runs after the page is parsed, in document order with the other deferred ones. */
const deferredScript = (file: BuiltFile, attrs: Record<string, string | boolean> = {}) => ({ tag: 'script', attrs: { defer: true, src: `./${file.fileName}`, ...attrs }, injectTo: 'head' as const });
const stylesheet = (file: BuiltFile) => ({ tag: 'link', attrs: { rel: 'stylesheet', href: `./${file.fileName}` }, injectTo: 'head' as const });

export function mainWindowScripts(options: Options): Plugin {
  let command: 'build' | 'serve' = 'serve';
  let target: unknown;
  let files: { boot: BuiltFile[]; app: BuiltFile[] } = { boot: [], app: [] };
  return {
    // development: main.tsx's import of the exposure is empty
    ...bootModules('wld-main-window-scripts', () => 'export {};'),
    configResolved(config) {
      command = config.command;
      target = config.build.target;
    },
    async buildStart() {
      if (command !== 'build') return;
      const bootIds = await bootGraph(options, target);
      const taken = new Set<string>();
      const app = await appScript(options, bootIds, target, taken);
      files = { boot: await bootScript(options, bootIds, target, taken), app };
    },
    generateBundle() {
      for (const file of [...files.boot, ...files.app]) this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
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
        const styles = [...files.boot, ...files.app].filter((f) => f.fileName.endsWith('.css'));
        return { html, tags: [...styles.map(stylesheet), deferredScript(script(files.boot)), deferredScript(script(files.app), { 'data-wld-app': true })] };
      },
    },
  };
}
