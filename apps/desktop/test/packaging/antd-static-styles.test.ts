// The window's antd stylesheet is rendered at build time without the components the app never uses
// (build/antd-static-styles.ts). A component imported later from that list would render unstyled,
// so this reads every antd import of the renderer and checks the built rules cover what it uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../source-files.ts';
import { antdStylesheet, UNUSED_ANTD_COMPONENTS } from '../../build/antd-static-styles.ts';

const rendererDir = join(import.meta.dirname, '../../src/renderer');

/** The value imports from 'antd' across the renderer (type-only imports render nothing). */
function antdComponentsImported(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(rendererDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\s+(type\s+)?\{([^}]+)\}\s+from\s+'antd'/g)) {
      if (match[1]) continue;
      for (const part of match[2]!.split(',')) {
        const name = part.trim().replace(/\s+as\s+\w+$/, '');
        if (name && !name.startsWith('type ') && /^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe('antd stylesheet built ahead of time', () => {
  it('leaves out no component the renderer imports', () => {
    const imported = antdComponentsImported();
    expect(imported.size).toBeGreaterThan(20);
    expect([...imported].filter((name) => (UNUSED_ANTD_COMPONENTS as readonly string[]).includes(name))).toEqual([]);
  });

  it('has the rules of the components the renderer uses and of those they render inside', () => {
    const css = antdStylesheet();
    // Table brings pagination, selection boxes, filter menus and trees; forms bring the grid; pickers the time panel
    const classes = [
      'ant-table', 'ant-pagination', 'ant-checkbox', 'ant-radio', 'ant-dropdown', 'ant-tree', 'ant-select', 'ant-picker',
      'ant-picker-time-panel', 'ant-picker-calendar', 'ant-form', 'ant-row', 'ant-col', 'ant-modal', 'ant-drawer', 'ant-menu',
      'ant-tabs', 'ant-upload', 'ant-progress', 'ant-tooltip', 'ant-popover', 'ant-message', 'ant-notification', 'ant-empty',
      'ant-spin', 'ant-skeleton', 'ant-statistic', 'ant-card', 'ant-tag', 'ant-badge', 'ant-segmented', 'ant-switch',
      'ant-input-number', 'ant-descriptions', 'ant-result', 'ant-alert', 'ant-list', 'ant-layout', 'ant-typography',
    ];
    expect(classes.filter((name) => !css.includes(`.${name}`))).toEqual([]);
    // and none of the ones left out
    const rulesOf = (name: string) => new RegExp(`\\.${name}(?![\\w-])`).test(css);
    expect(['ant-carousel', 'ant-transfer', 'ant-tour', 'ant-color-picker', 'ant-slider'].filter(rulesOf)).toEqual([]);
  }, 120_000);
});
