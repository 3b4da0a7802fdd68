import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium.js';

// End-to-end tests drive the real renderer in Debian's Chromium against the browser-mode host (built by
// `npm run build`). Two workers on the two cores: each spec file starts its own host (own port, own journal and
// backend files), and a spec spends most of its time waiting on its host and its page, so two files side by side
// take 6.3 min where one at a time took 10 (all 94 green both ways, 2026-12-02).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1920, height: 1080 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
