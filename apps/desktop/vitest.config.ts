// Tests of the desktop app, as two projects:
//   desktop           Node: main process (test/main, with a fake Electron), services, cache
//   desktop-renderer  jsdom: React component tests next to the renderer code
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  test: {
    projects: [
      {
        // The preload's build-time constant (see electron.vite.config.ts).
        define: { __WLD_VERSION__: JSON.stringify(pkg.version) },
        test: {
          name: 'desktop',
          root: import.meta.dirname,
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // electron-store imports `electron` at load: inlined, it sees the test double from vi.mock.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'desktop-renderer',
          root: import.meta.dirname,
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['./vitest.renderer-setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
