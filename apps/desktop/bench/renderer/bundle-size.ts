// What the main window loads at start: the boot script of index.html (the entry), the app script and
// the stylesheets (raw and gzip), against the whole renderer build measured in the same run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  firstLoadFiles: string[];
  firstLoadBytes: number;
  firstLoadGzipBytes: number;
  entryChunkBytes: number;
  entryChunkGzipBytes: number;
  allJsBytes: number;
}

export function measureBundle(rendererDir: string): BundleFigures {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  // the first script is the entry (the boot script, build/main-window-scripts.ts), the others follow it
  const [entry, ...scripts] = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  if (!entry) throw new Error('index.html has no script');
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  const files = [entry, ...scripts, ...styles];
  const read = (file: string) => readFileSync(join(rendererDir, file));
  const sizes = files.map((file) => ({ raw: read(file).length, gzip: gzipSync(read(file)).length }));
  const assets = join(rendererDir, 'assets');
  const allJsBytes = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
  return {
    firstLoadFiles: files,
    firstLoadBytes: sizes.reduce((s, x) => s + x.raw, 0),
    firstLoadGzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
    entryChunkBytes: sizes[0]!.raw,
    entryChunkGzipBytes: sizes[0]!.gzip,
    allJsBytes,
  };
}
