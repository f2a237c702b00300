// Tests of the desktop app, as two projects:
//   desktop           Node: main process (test/main, with a fake Electron), services, cache
//   desktop-renderer  jsdom: React component tests next to the renderer code
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
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
