// React ships as CommonJS only. Bundled for the window, every module that imports it (the app's,
// antd's, rc-component's: 838 of them) got its own interop copy of React's exports, one getter per
// export made at start-up, and each hook call then went through a getter. This plugin serves
// `react` as one ES module instead: it takes React's CommonJS exports once and exports each name
// as a binding, so importers read them directly. The names are React's own, read at build time; a
// name the app imports that React lacks fails the build.
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ESM_ID = '\0wld-react-esm';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function reactAsEsm(root: string): Plugin {
  const require = createRequire(`${root}/`);
  return {
    name: 'wld-react-as-esm',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'react' && importer !== ESM_ID) return ESM_ID;
      return null;
    },
    load(id) {
      if (id !== ESM_ID) return null;
      const entry = require.resolve('react');
      const names = Object.keys(require(entry) as object).filter((name) => IDENTIFIER.test(name) && name !== 'default');
      return [
        `import React from ${JSON.stringify(entry)};`,
        'export default React;',
        `export const { ${names.join(', ')} } = React;`,
      ].join('\n');
    },
  };
}
