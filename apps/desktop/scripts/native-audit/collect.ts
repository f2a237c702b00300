// The .node files a package would carry: from the production dependencies of the app (following
// pnpm's links, as electron-builder does) minus the `files` exclusions, or simply every .node under
// an unpacked package (app.asar.unpacked) after electron-builder ran.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

function findPackage(fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return null;
  }
}

/** Package directories of the app's production dependencies, transitively. */
export function productionPackages(appDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const queue: Array<[string, string]> = [[appDir, appDir]];
  while (queue.length > 0) {
    const [dir, resolveFrom] = queue.shift()!;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const packageDir = findPackage(resolveFrom, name);
      if (!packageDir || found.has(packageDir)) continue;
      found.set(packageDir, name);
      queue.push([packageDir, packageDir]);
    }
  }
  return found;
}

export function nodeFilesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.node') && statSync(full).isFile()) files.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return files.sort();
}

export interface ShippedFile {
  /** As it would sit in the package: node_modules/<name>/… */
  shippedAs: string;
  file: string;
}

/** The .node files of the production packages that no exclusion pattern removes. */
export function shippedNodeFiles(appDir: string, exclusions: string[]): ShippedFile[] {
  const shipped: ShippedFile[] = [];
  for (const [packageDir, name] of productionPackages(appDir)) {
    for (const file of nodeFilesUnder(packageDir)) {
      const shippedAs = path.posix.join('node_modules', name, path.relative(packageDir, file).split(path.sep).join('/'));
      if (exclusions.some((pattern) => path.matchesGlob(shippedAs, pattern))) continue;
      shipped.push({ shippedAs, file });
    }
  }
  return shipped;
}
