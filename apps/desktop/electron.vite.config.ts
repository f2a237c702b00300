// Build of the desktop app (electron-vite):
//   out/main/index.js            main process (ESM); the services utility process is emitted next to
//                                it from `import servicesPath from '../services/index.ts?modulePath'`
//   out/preload/index.cjs        preload (CommonJS: sandboxed preloads cannot be ESM)
//   out/renderer/index.html      main window, out/renderer/launcher.html the launcher window
// Workspace packages are TypeScript sources, so they are bundled; native modules (better-sqlite3,
// keytar) and the other runtime dependencies stay external and ship in node_modules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { antdStaticStyles } from './build/antd-static-styles.ts';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

const bundledWorkspacePackages = ['@wld/wecom-core', '@wld/wecom-sim'];

/**
 * Chunks of the renderer that are set by hand: React (shared by both windows; the launcher loads it
 * alone), and the entry's first two imports. antd and the charts are left to the bundler's own
 * splitting: a chunk per set of pages that share a component, so a window start loads the antd
 * components of the shell and its first page instead of all of antd, and the charts load with the
 * pages that draw them.
 */
const vendorGroups = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  // The entry's one import (it listens for the services port from the start): alone, so the entry
  // never waits for the services client below (which imports it) to load and run.
  { name: 'services-port', test: /[\\/]src[\\/]renderer[\\/]api[\\/]port\.ts$/, priority: 40 },
  // The services client (the rpc client, the error shape with the parts of zod/mini it uses, WeCom's
  // rules): the warm start asks its first questions with it while antd still loads, so it must not
  // share a chunk that imports antd.
  // Not the contract's schemas: the services check answers against them (rpc-server.ts), and
  // building them all held the first questions back by some 50 ms.
  {
    name: 'services-client',
    test: /[\\/]src[\\/]shared[\\/](rpc-client|rpc-wire|rpc-ports|service-error)\.ts$|[\\/]src[\\/]renderer[\\/]api[\\/]client\.ts$|[\\/]packages[\\/]wecom-core[\\/]src[\\/]/,
    priority: 25,
  },
];

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
    plugins: [react(), antdStaticStyles()],
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
