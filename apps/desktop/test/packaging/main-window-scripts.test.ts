// The main window's production scripts (build/main-window-scripts.ts), from a real build of the
// renderer into a temporary folder: a small boot script, then the app script, both classic, the app
// taking the boot's shared modules from the global the boot fills. (The browser tests run the same build.)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antdStaticStyles } from '../../build/antd-static-styles.ts';
import { mainWindowScripts } from '../../build/main-window-scripts.ts';

const root = resolve(import.meta.dirname, '../../src/renderer');
let outDir = '';
let html = '';
const read = (src: string) => readFileSync(join(outDir, src.replace(/^\.\//, '')), 'utf8');

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'wld-main-window-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root,
    base: './',
    plugins: [react(), antdStaticStyles(), mainWindowScripts({ root, boot: 'main.tsx', app: 'app/app-script.ts' })],
    build: { outDir, emptyOutDir: true, minify: true, rolldownOptions: { input: { index: join(root, 'index.html') } } },
  });
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const scriptTags = () => [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
const srcOf = (attrs: string) => /src="([^"]+)"/.exec(attrs)?.[1] ?? '';

describe('the main window scripts', () => {
  it('are the boot script, then the app script: classic, deferred (so run in this order), with its stylesheet', () => {
    const tags = scriptTags();
    expect(tags).toHaveLength(2);
    for (const tag of tags) {
      expect(tag).not.toContain('type="module"');
      expect(tag).toMatch(/\bdefer\b/);
    }
    expect(srcOf(tags[0]!)).toMatch(/^\.\/assets\/boot-[\w-]+\.js$/);
    expect(srcOf(tags[1]!)).toMatch(/^\.\/assets\/app-[\w-]+\.js$/);
    expect(tags[1]).toContain('data-wld-app');
    expect(html).toMatch(/<link rel="stylesheet" href="\.\/assets\/app-[\w-]+\.css">/);
    expect(readdirSync(join(outDir, 'assets')).filter((f) => f.startsWith('app-') && f.endsWith('.js'))).toHaveLength(1);
  });

  it('leave React to the app script and keep the boot script small', () => {
    const boot = read(srcOf(scriptTags()[0]!));
    const app = read(srcOf(scriptTags()[1]!));
    expect(app).toContain('react.transitional.element');
    expect(boot).not.toContain('react.transitional.element');
    expect(boot.length).toBeLessThan(app.length / 20);
  });

  it('give the app script every boot module it takes, and nothing it would have to require', () => {
    const boot = read(srcOf(scriptTags()[0]!));
    const app = read(srcOf(scriptTags()[1]!));
    expect(app.startsWith('(function(')).toBe(true);
    const taken = [...new Set([...app.matchAll(/__wldBoot\.(m\d+)/g)].map((m) => m[1]!))];
    expect(taken.length).toBeGreaterThan(0);
    const exposed = /__wldBoot=Object\.freeze\(\{([^}]*)\}\)/.exec(boot)?.[1];
    expect(exposed).toBeDefined();
    const names = exposed!.split(',').map((entry) => entry.split(':')[0]!.trim());
    expect(names.sort()).toEqual(taken.sort());
    expect(app).not.toMatch(/\brequire\(/);
  });
});
