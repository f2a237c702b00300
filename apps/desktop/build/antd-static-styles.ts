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

function stylesOf(mode: ThemeMode): string {
  // the same config as the window's, with run-time styles on so that they can be collected here
  return extractStyle((node) =>
    createElement(ConfigProvider, { theme: { ...staticThemeConfig(mode), zeroRuntime: false } }, node),
  );
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

export function antdStaticStyles(): Plugin {
  let css: string | null = null;
  return {
    name: 'wld-antd-static-styles',
    resolveId: (source) => (source === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      css ??= `${stylesOf('light')}\n${variableRules(stylesOf('dark')).join('\n')}`;
      return css;
    },
  };
}
