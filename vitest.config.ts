import { defineConfig } from 'vitest/config';

// Unit, simulator and component tests. End-to-end tests (test/e2e) run under Playwright instead.
export default defineConfig({
  test: {
    include: ['{lib,electron,renderer,devices,locales,test}/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
