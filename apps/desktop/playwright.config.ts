// End-to-end tests, two projects:
//   browser   the production renderer in Debian's Chromium, the real services behind a bridge
//             (tests in e2e/browser; the page server is started by those tests' setup)
//   electron  the built app (out/main/index.js) through Playwright's _electron; skipped with a
//             reason where the Electron binary is not installed
import { defineConfig } from '@playwright/test';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  timeout: 60_000,
  // generous waits: a loaded 2-core CI machine can take seconds per WeCom write; they wait for events, never time them
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', actionTimeout: 45_000 },
  projects: [
    {
      name: 'browser',
      timeout: 300_000,
      testDir: './e2e/browser',
      use: {
        browserName: 'chromium',
        // the page's zone is this process's zone, where the services and the simulator run
        timezoneId: process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone,
        ...(process.env.WLD_E2E_BASE_URL ? { baseURL: process.env.WLD_E2E_BASE_URL } : {}),
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
    {
      name: 'electron',
      testDir: './e2e/electron',
      timeout: 120_000,
    },
  ],
});
