import { defineConfig } from 'vitest/config';

// Unit, simulator and component tests. End-to-end tests (test/e2e) run under Playwright instead.
export default defineConfig({
  test: {
    include: ['{lib,electron,renderer,devices,locales,test}/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Three forks on two cores: many files wait on child processes, sockets, ptys and timers rather than compute, so a
    // third fork fills the idle time. Measured on this 2-core machine, idle, 245 files: 354 s with the default, 173 s
    // with three, all green both ways (2026-12-02).
    maxWorkers: 3,
    // A poll that succeeds returns at once; its deadline only matters on a loaded machine, where a chip read with
    // passive authentication took longer than vitest's 1 s default (a proof-of-identity test failed so under load).
    expect: { poll: { timeout: 15_000 } },
  },
});
