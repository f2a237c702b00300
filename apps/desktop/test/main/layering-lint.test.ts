// The layering rules (eslint.layering.js) fire where they must and stay quiet where imports are allowed.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, importLine: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = y;\n`, { filePath: resolve(root, file) });
  const messages = result?.messages ?? [];
  // a file that did not parse would pass the "allowed" cases vacuously
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.some((m) => /no-restricted-imports/.test(m.ruleId ?? ''));
}

describe('layering by lint', () => {
  it.each([
    ['apps/desktop/src/renderer/x.ts', "import { y } from '@wld/wecom-core';", true],
    ['apps/desktop/src/renderer/x.ts', "import { y } from '../services/x.ts';", true],
    ['apps/desktop/src/renderer/x.ts', "import { y } from 'node:fs';", true],
    ['apps/desktop/src/renderer/x.ts', "import { LIVING_LIMITS as y } from '@wld/wecom-core/rules';", false],
    ['apps/desktop/src/shared/x.ts', "import { y } from '../main/x.ts';", true],
    ['apps/desktop/src/services/x.ts', "import { y } from 'electron';", true],
    ['apps/desktop/src/services/x.ts', "import { y } from '@wld/wecom-core';", false],
    ['apps/desktop/src/main/csp.ts', "import { app as y } from 'electron';", true],
    ['apps/desktop/src/main/csp.ts', "import type { App as y } from 'electron';", false],
    ['apps/desktop/src/main/csp.ts', "import { y } from './paths.ts';", true],
    ['apps/desktop/src/main/paths.ts', "import { app as y } from 'electron';", false],
    ['apps/desktop/src/main/paths.ts', "import { y } from '@wld/wecom-core';", true],
    ['apps/desktop/src/main/index.ts', "import y from '../services/index.ts?modulePath';", false],
    ['apps/desktop/src/main/index.ts', "import { y } from '../services/cache/index.ts';", true],
    ['apps/desktop/src/services/cache/migrations/009-x.ts', "import { y } from '../search-text.ts';", true],
    ['apps/desktop/src/services/cache/migrations/009-x.ts', "import type { Migration as y } from './types.ts';", false],
    ['packages/wecom-core/src/rules/x.ts', "import { y } from '../http/redact.ts';", true],
    ['packages/wecom-core/src/http/x.ts', "import { y } from '@wld/wecom-sim';", true],
  ])('%s: %s → restricted %s', async (file, line, expected) => {
    expect(await restricted(file, line)).toBe(expected);
  });
});
