// The WAL checkpoint thread runs from the source text of one function (wal-checkpoint-thread.ts).
// In the app that text is the bundler's output, not the TypeScript source: this takes the function
// out of the built services and runs it in a worker on a real database, as the services do. A
// bundle that renamed what the function uses, or pulled a helper into it from outside, would make
// the thread fail (the services would quietly checkpoint on their own thread again).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, walWithRows } from '../cache/helpers.ts';

const chunks = path.resolve(import.meta.dirname, '..', '..', 'out', 'main', 'chunks');
const bundles = existsSync(chunks) ? readdirSync(chunks).filter((name) => name.endsWith('.js')).map((name) => path.join(chunks, name)) : [];
const built = bundles.length > 0;
if (!built) console.warn('[checkpoint thread bundle] skipped: no build in out/ (run `pnpm --filter @wld/desktop build`)');

/** The text of `function checkpointThread` in the built services, or null. */
function builtThreadText(): string | null {
  for (const file of bundles) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('checkpointThread')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    let found: string | null = null;
    const visit = (node: ts.Node) => {
      if (found) return;
      if (ts.isFunctionDeclaration(node) && node.name?.text === 'checkpointThread') found = node.getText(source);
      else ts.forEachChild(node, visit);
    };
    visit(source);
    if (found) return found;
  }
  return null;
}

describe.skipIf(!built)('the built WAL checkpoint thread', () => {
  const tmp = tempDir('wld-ckpt-bundle-');
  afterAll(() => tmp.remove());

  it('runs from its bundled text and copies the WAL into the database file', async () => {
    const text = builtThreadText();
    expect(text, 'the built services hold no function checkpointThread').not.toBeNull();
    const file = tmp.file();
    const db = walWithRows(file, 5000);
    const before = statSync(file).size;
    const closed = new SharedArrayBuffer(4);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(`(${text!})(require)`, { eval: true, workerData: { driver, path: file, closed } });
    try {
      const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage('checkpoint');
      const done = await answer;
      expect(done).toMatchObject({ kind: 'done', busy: 0 });
      expect(done.checkpointed).toBe(done.log);
      expect(statSync(file).size).toBeGreaterThan(before + 5000 * 40);
      worker.postMessage('close');
      Atomics.wait(new Int32Array(closed), 0, 0, 10_000);
      expect(new Int32Array(closed)[0]).toBe(1);
    } finally {
      await worker.terminate();
      db.close();
    }
  });
});
