// React served as one ES module (build/react-as-esm.ts): bundled for the window, modules that import
// React share one set of its exports instead of each making an interop copy of them, and they get
// React's own functions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type Plugin, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { reactAsEsm } from '../../build/react-as-esm.ts';

const renderer = join(import.meta.dirname, '../../src/renderer');
// inside the project's node_modules, so `react` resolves as it does for the renderer
const cache = join(import.meta.dirname, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'react-as-esm-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// three modules importing React three ways, as the app's, antd's and rc-component's modules do
writeFileSync(join(dir, 'a.ts'), `import { useState, useEffect } from 'react';\nexport const a = [useState, useEffect];\n`);
writeFileSync(join(dir, 'b.ts'), `import * as React from 'react';\nexport const b = [React.useState, React.useMemo];\n`);
writeFileSync(join(dir, 'c.ts'), `import React from 'react';\nexport const c = [React.useState, React.version];\n`);
// imported on demand, as the app script imports mount.tsx: each module is then initialised lazily,
// in a wrapper of its own, and took its own interop copy of React there
writeFileSync(
  join(dir, 'entry.ts'),
  `Promise.all([import('./a.ts'), import('./b.ts'), import('./c.ts')]).then(([{ a }, { b }, { c }]) => {\n  globalThis.result = { a, b, c };\n});\n`,
);

async function bundle(plugins: Plugin[]): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'error',
    root: dir,
    plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, rolldownOptions: { input: join(dir, 'entry.ts'), output: { format: 'iife', codeSplitting: false } } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).find((f) => f.type === 'chunk');
  return chunk!.code;
}

const interopCopies = (code: string) => code.match(/__toESM\(require_react\(\)/g)?.length ?? 0;

describe('react served as one ES module', () => {
  it('leaves one interop of React instead of one per importing module, and gives them React itself', async () => {
    const plain = await bundle([]);
    const esm = await bundle([reactAsEsm(renderer)]);
    expect(interopCopies(plain)).toBe(3);
    expect(interopCopies(esm)).toBeLessThanOrEqual(1);

    const context: { result?: Record<string, unknown[]> } = {};
    runInNewContext(esm, { globalThis: context, console });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { a, b, c } = context.result!;
    expect(typeof a![0]).toBe('function');
    expect(a![0]).toBe(b![0]);
    expect(a![0]).toBe(c![0]);
    expect(b![1]).toBeTypeOf('function');
    expect(c![1]).toMatch(/^19\./);
  }, 60_000);
});
