import { defineConfig } from 'vitest/config';

// Unit, simulator and component tests. End-to-end tests (test/e2e) run under Playwright instead.
export default defineConfig({
  test: {
    include: ['{lib,electron,renderer,devices,locales,test}/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // A poll that succeeds returns at once; its deadline only matters on a loaded machine, where a chip read with
    // passive authentication took longer than vitest's 1 s default (a proof-of-identity test failed so under load).
    expect: { poll: { timeout: 15_000 } },
  },
});
