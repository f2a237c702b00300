import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/clock', 'packages/wecom-core', 'packages/wecom-sim', 'apps/desktop'],
  },
});
