// antd's component styles for the main window, rendered at build time with the app's own theme
// (`themeConfig`), so the window does not generate them at run time (antd's zero-runtime mode): at
// start-up antd's CSS-in-JS spent about a third of React's first render computing and inserting
// styles. One stylesheet: the light theme's styles and component variables, plus the dark theme's
// component variables under html[data-theme="dark"] (the app sets that attribute; the global design
// tokens stay runtime CSS variables that ConfigProvider writes for the current mode).
//   import 'virtual:antd-static.css'   (see electron.vite.config.ts)
import { createElement } from 'react';
import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import type { Plugin } from 'vite';
import { staticThemeConfig, type ThemeMode } from '../src/renderer/theme/index.ts';

const VIRTUAL_ID = 'virtual:antd-static.css';
const RESOLVED_ID = '/__wld-antd-static.css';

/**
 * antd components the app never renders, by itself or inside the ones it uses (Table brings Tree,
 * Pagination, Checkbox, Radio, Dropdown; DatePicker brings the time panel): their rules would only
 * make the window parse and match a larger stylesheet at every start. test/packaging/antd-static-styles.test.ts
 * fails when the renderer starts importing one of them.
 */
export const UNUSED_ANTD_COMPONENTS = [
  'Affix', 'Anchor', 'AutoComplete', 'Avatar', 'BackTop', 'BorderBeam', 'Breadcrumb', 'Carousel', 'Cascader',
  'Collapse', 'ColorPicker', 'FloatButton', 'Image', 'Listy', 'Masonry', 'Mentions', 'QRCode', 'Rate',
  'Slider', 'Splitter', 'Steps', 'TimePicker', 'Timeline', 'Tour', 'Transfer', 'Watermark',
] as const;

function stylesOf(mode: ThemeMode): string {
  return extractStyle({
    // the same config as the window's, with run-time styles on so that they can be collected here
    customTheme: (node) => createElement(ConfigProvider, { theme: { ...staticThemeConfig(mode), zeroRuntime: false } }, node),
    excludes: [...UNUSED_ANTD_COMPONENTS],
  });
}

/** The rules of a stylesheet that only set custom properties (antd's component variables). */
function variableRules(css: string): string[] {
  const rules: string[] = [];
  for (const match of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const [, selector = '', body = ''] = match;
    const declarations = body.split(';').filter((d) => d.trim() !== '');
    if (declarations.length > 0 && declarations.every((d) => d.trim().startsWith('--'))) {
      const scoped = selector
        .split(',')
        .map((s) => `html[data-theme="dark"] ${s.trim()}`)
        .join(',');
      rules.push(`${scoped}{${body}}`);
    }
  }
  return rules;
}

/** The whole stylesheet: the light theme's rules, then the dark theme's component variables. */
export function antdStylesheet(): string {
  return `${stylesOf('light')}\n${variableRules(stylesOf('dark')).join('\n')}`;
}

export function antdStaticStyles(): Plugin {
  let css: string | null = null;
  return {
    name: 'wld-antd-static-styles',
    resolveId: (source) => (source === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      css ??= antdStylesheet();
      return css;
    },
  };
}
