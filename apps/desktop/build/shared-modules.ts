// Modules shared between the main window's classic scripts (build/main-window-scripts.ts): a later
// script takes the modules an earlier one holds from that script's global instead of bundling a
// second instance of them (React, antd's contexts, the stores, the services client and its answers).
// The earlier script exposes them (an exposure: a virtual module its entry imports), the later one
// reads them through stand-in modules.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { REACT_ESM_ID } from './react-as-esm.ts';

/** A script's exposure of the modules a later script takes from it, and the global it fills. */
export interface Exposure {
  /** The virtual module the script's entry imports. */
  id: string;
  resolved: string;
  global: string;
}

export const BOOT_EXPOSURE: Exposure = { id: 'virtual:wld-boot-modules', resolved: '\0wld-boot-modules', global: '__wldBoot' };
export const APP_EXPOSURE: Exposure = { id: 'virtual:wld-app-modules', resolved: '\0wld-app-modules', global: '__wldApp' };

/**
 * A package's index: a module that re-exports many names from other modules (antd's, the icons',
 * React Router's). The pages script does not take one from the app script: taking it would make the
 * app script hold everything it re-exports (all of antd). It bundles the index instead, which then
 * takes each module it re-exports from the app script where the app script holds that module.
 */
export function isPackageIndex(id: string, seen = new Set<string>()): boolean {
  if (!/[\\/]node_modules[\\/]/.test(id) || !existsSync(id) || seen.has(id)) return false;
  seen.add(id);
  const code = readFileSync(id, 'utf8');
  if (reexportedNames(code) >= PACKAGE_INDEX_NAMES) return true;
  // an index that re-exports all of another index (the icons' index, of the 800 icons')
  return [...code.matchAll(/^\s*export\s*\*\s*from\s*["'](\.[^"']*)["']/gm)].some((m) => {
    const target = [`${m[1]}.js`, `${m[1]}/index.js`, m[1]!].map((path) => resolve(dirname(id), path)).find((path) => existsSync(path) && path.endsWith('.js'));
    return target !== undefined && isPackageIndex(target, seen);
  });
}

/** Re-exported names from which a module counts as a package's index. */
const PACKAGE_INDEX_NAMES = 10;

/** A `{ a, b as c }` list's names: the local (first) name of each. */
const listNames = (list: string) => list.split(',').map((entry) => entry.trim().split(/\s+as\s+/)[0]!.trim()).filter(Boolean);

/** How many names a module exports that it imports from another (`export { a } from`, or imported then exported). */
function reexportedNames(code: string): number {
  const fromOthers = [...code.matchAll(/^\s*export\s*\{([^}]*)\}\s*from\s/gm)].flatMap((m) => listNames(m[1]!));
  const imported = new Set([...code.matchAll(/^\s*import\s*\{([^}]*)\}\s*from\s/gm)].flatMap((m) => listNames(m[1]!)));
  const passedOn = [...code.matchAll(/^\s*export\s*\{([^}]*)\}\s*;?\s*$/gm)].flatMap((m) => listNames(m[1]!)).filter((name) => imported.has(name));
  return fromOthers.length + passedOn.length;
}

/**
 * A module of the app script the pages script may take: a file with code in the app script (a
 * package's too: antd's contexts must be one instance), or React as an ES module, but not a package's
 * index, nor the bundler's helpers (stateless: each script has its own). The pages script's entry
 * imports a helper (vite's preload helper) and runs before the app script on a start on another
 * page: a taken helper would read the app's global before it is there.
 */
export const isShareableAppModule = (id: string, renderedLength: number) =>
  renderedLength > 0 && (id === REACT_ESM_ID || (!id.startsWith('\0') && /\.[cm]?[jt]sx?$/.test(id) && !isPackageIndex(id)));

/** Serves an exposure's virtual module with `code` (empty where nothing is exposed). */
export function exposureModule(name: string, exposure: Exposure, code: () => string): Plugin {
  return {
    name,
    enforce: 'pre',
    // the exposure imports modules by their resolved ids (a virtual one too, e.g. React as ESM)
    resolveId: (id, importer) => (id === exposure.id ? exposure.resolved : importer === exposure.resolved ? id : null),
    load: (id) => (id === exposure.resolved ? code() : null),
  };
}

export const emptyExposure = (exposure: Exposure) => exposureModule(`${exposure.global}-empty`, exposure, () => 'export {};');

/** What a later script must know of a module it takes. */
export interface ModuleFacts {
  /** Its code's length in the script (0: nothing of it is left). */
  renderedLength: number;
  exports: readonly string[];
  format: 'es' | 'cjs' | 'unknown';
}

/** Collects each module's exported names and format at the end of a build. */
export function moduleFacts(into: Map<string, Omit<ModuleFacts, 'renderedLength'>>): Plugin {
  return {
    name: 'wld-module-facts',
    async buildEnd() {
      // the bundler lists `export * from` as '*': the names are those of the modules re-exported whole
      const own = new Map<string, { names: string[]; whole: string[]; format: ModuleFacts['format'] }>();
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info) continue;
        const sources = info.exports.includes('*') ? [...(info.code ?? '').matchAll(/export\s*\*\s*from\s*["']([^"']+)["']/g)].map((m) => m[1]!) : [];
        const whole = await Promise.all(sources.map(async (source) => (await this.resolve(source, id))?.id ?? source));
        own.set(id, { names: info.exports.filter((name) => name !== '*'), whole, format: info.inputFormat });
      }
      const namesOf = (id: string, seen: Set<string>): string[] => {
        const module = own.get(id);
        if (!module || seen.has(id)) return [];
        seen.add(id);
        return [...module.names, ...module.whole.flatMap((other) => namesOf(other, seen).filter((name) => name !== 'default'))];
      };
      for (const [id, module] of own) into.set(id, { exports: [...new Set(namesOf(id, new Set()))], format: module.format });
    },
  };
}

/** Modules an earlier script holds, numbered: a later script takes them from that script's global. */
export interface Source {
  exposure: Exposure;
  index: Map<string, number>;
  /** The modules a later script took (the earlier script exposes these). */
  taken: Set<string>;
  modules: ReadonlyMap<string, ModuleFacts>;
}

export const sourceOf = (exposure: Exposure, modules: ReadonlyMap<string, ModuleFacts>): Source => ({
  exposure,
  index: new Map([...modules.keys()].map((id, i) => [id, i])),
  taken: new Set(),
  modules,
});

/** A module of a later script standing for a module it takes from an earlier script's global. */
const STAND_IN = '\0wld-taken:';

/**
 * Makes a script take, from the earlier scripts' globals, every module one of them holds. Each taken
 * module becomes a small module of the later script that reads the global: an ES module exports the
 * same names (so `export *` of it and a CommonJS `require` of it work, and its default import means
 * the same to every importer), a CommonJS module's exports are its exports. The names are read from
 * the global when the stand-in first runs, after the earlier script has run: a module whose exports
 * change later (`export let`) cannot be taken, and the build says so.
 */
export function takeFrom(sources: readonly Source[]): Plugin {
  const standIns = new Map<string, string>();
  return {
    name: 'wld-take-earlier-modules',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!importer || importer.startsWith(STAND_IN)) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      const from = resolved && sources.find((s) => s.index.has(resolved.id));
      if (!resolved || !from) return null;
      from.taken.add(resolved.id);
      const id = `${STAND_IN}${from.exposure.global}.m${from.index.get(resolved.id)}`;
      if (!standIns.has(id)) standIns.set(id, standInCode(resolved.id, `globalThis.${id.slice(STAND_IN.length)}`, from));
      return id;
    },
    load: (id) => standIns.get(id) ?? null,
  };
}

/** An exported variable (`export let x`) the module assigns again, whose value a stand-in would not follow. */
function reassignedExport(id: string): string | null {
  if (!existsSync(id)) return null;
  const code = readFileSync(id, 'utf8');
  for (const [, name] of code.matchAll(/^\s*export\s+(?:let|var)\s+([A-Za-z_$][\w$]*)/gm)) {
    const assignments = code.match(new RegExp(`(?<![\\w$.])${name!.replace(/\$/g, '\\$')}\\s*(?:[-+*/%&|^]?=(?!=)|\\+\\+|--)`, 'g')) ?? [];
    if (assignments.length > 1) return name!;
  }
  return null;
}

function standInCode(id: string, global: string, from: Source): string {
  const info = from.modules.get(id);
  if (!info) throw new Error(`The exported names of ${id} are not known.`);
  if (info.format === 'cjs') return `module.exports = ${global};`;
  const changing = reassignedExport(id);
  if (changing)
    throw new Error(`${id} exports ${changing}, which it assigns again after it has run: a later main window script cannot take it from a global.`);
  const names = info.exports.filter((name) => name !== 'default');
  return [
    `const taken = ${global};`,
    ...(names.length > 0 ? [`export const { ${names.join(', ')} } = taken;`] : []),
    ...(info.exports.includes('default') ? ['export default taken.default;'] : []),
  ].join('\n');
}

/** A script's exposure module: puts the modules later scripts take on its global, numbered as they expect. */
export function exposeModules(source: Source): Plugin {
  return exposureModule(`${source.exposure.global}-exposes-modules`, source.exposure, () => {
    const exposed = [...source.index].flatMap(([id, i]) => (source.taken.has(id) ? [{ id, name: `m${i}` }] : []));
    const imports = exposed.map(({ id, name }) => `import * as ${name} from ${JSON.stringify(id)};`);
    // a CommonJS module is exposed as its exports object (the namespace's default, unless it is an ES module compiled to CommonJS)
    const value = ({ id, name }: { id: string; name: string }) => (source.modules.get(id)?.format === 'cjs' ? `${name}.__esModule ? ${name} : ${name}.default` : name);
    return [...imports, `globalThis.${source.exposure.global} = Object.freeze({ ${exposed.map((e) => `${e.name}: ${value(e)}`).join(', ')} });`].join('\n');
  });
}

