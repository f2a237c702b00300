// Build of the desktop app (electron-vite):
//   out/main/index.js            main process (ESM); the services utility process is emitted next to
//                                it from `import servicesPath from '../services/index.ts?modulePath'`
//   out/preload/index.cjs        preload (CommonJS: sandboxed preloads cannot be ESM)
//   out/renderer/index.html      main window (a boot script and the app script: build/main-window-scripts.ts),
//                                out/renderer/launcher.html the launcher window
// Workspace packages are TypeScript sources, so they are bundled; native modules (better-sqlite3,
// keytar) and the other runtime dependencies stay external and ship in node_modules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { antdStaticStyles } from './build/antd-static-styles.ts';
import { mainWindowScripts } from './build/main-window-scripts.ts';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

const bundledWorkspacePackages = ['@wld/wecom-core', '@wld/wecom-sim'];

/**
 * React in a chunk of its own for the launcher window. (The main window is the boot script and the
 * app script: build/main-window-scripts.ts.)
 */
const vendorGroups = [{ name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 }];

export default defineConfig({
  main: {
    build: {
      sourcemap: true,
      externalizeDeps: { exclude: bundledWorkspacePackages },
    },
  },
  preload: {
    define: { __WLD_VERSION__: JSON.stringify(pkg.version) },
    build: {
      sourcemap: 'inline',
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [
      react(),
      antdStaticStyles(),
      mainWindowScripts({ root: resolve(root, 'src/renderer'), boot: 'main.tsx', app: 'app/app-script.ts' }),
    ],
    build: {
      // Smaller first chunks load faster from app:// (electron-vite leaves minification off by default).
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/renderer/index.html'),
          launcher: resolve(root, 'src/renderer/launcher.html'),
        },
        output: {
          codeSplitting: { groups: vendorGroups },
        },
      },
    },
  },
});
