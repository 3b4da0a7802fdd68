import { expect, type Page, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { loadPaperUntilPrinted, ticketWaitingForPaper } from './support/print_steps.js';

/**
 * What assistive technology is given on each existing screen: Chromium's accessibility tree of the kiosk's screen
 * (roles, names, states, live regions, dialogs), compared with the reviewed snapshot in
 * accessibility_tree.spec.ts-snapshots/. A change of roles or names fails here; update deliberately with
 * `npx playwright test test/e2e/accessibility_tree.spec.ts --update-snapshots` and review the diff.
 * The date and time (which change every minute) are matched by pattern in the snapshots.
 */
let host: KioskHost;
let shortHost: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
  shortHost = await startKioskHost(
    e2eConfig({
      timeLimits: { idleSeconds: 31, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
    }),
  );
});
test.afterAll(async () => {
  await host.stop();
  await shortHost.stop();
});

const kiosk = (page: Page) => page.locator('.kiosk');

async function toHome(page: Page, kioskHost: KioskHost): Promise<void> {
  await page.goto(kioskHost.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

test('attract and out of service', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await expect(kiosk(page)).toMatchAriaSnapshot({ name: 'attract.aria.yml' });
  await host.call('dev.setMaintenance', { on: true });
  await expect(page.getByTestId('out-of-service')).toBeVisible();
  await expect(kiosk(page)).toMatchAriaSnapshot({ name: 'out-of-service.aria.yml' });
  await host.call('dev.setMaintenance', { on: false });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('language, services, service intro', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await expect(kiosk(page)).toMatchAriaSnapshot({ name: 'language.aria.yml' });
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await expect(kiosk(page)).toMatchAriaSnapshot({ name: 'services.aria.yml' });
  await page.getByTestId('language-switch').click();
  await expect(page.locator('.top-bar')).toMatchAriaSnapshot({ name: 'top-bar-language-menu.aria.yml' });
  await page.getByTestId('language-switch').click();
  await page.getByTestId('tile-check-in').click();
  await expect(page.getByTestId('service-intro-check-in')).toBeVisible();
  await expect(kiosk(page)).toMatchAriaSnapshot({ name: 'service-intro.aria.yml' });
  await page.getByTestId('back').click();
  await page.getByTestId('finish').click();
});

test('help, accessibility settings, print status', async ({ page }) => {
  await toHome(page, host);
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-panel').getByRole('dialog')).toMatchAriaSnapshot({
    name: 'help.aria.yml',
  });
  await page.getByTestId('help-close').click();
  await page.getByTestId('accessibility-button').click();
  await page.getByTestId('toggle-audio').click();
  await expect(page.getByTestId('audio-volume-value')).toBeVisible();
  await expect(page.getByTestId('accessibility-panel').getByRole('dialog')).toMatchAriaSnapshot({
    name: 'accessibility-panel.aria.yml',
  });
  await page.getByTestId('toggle-audio').click();
  await page.getByTestId('accessibility-close').click();

  await ticketWaitingForPaper(host, page);
  await expect(page.getByTestId('print-status').getByRole('alertdialog')).toMatchAriaSnapshot({
    name: 'print-waiting.aria.yml',
  });
  await loadPaperUntilPrinted(host, page);
  await page.getByTestId('print-ok').click();
  await page.getByTestId('finish').click();
});

test('need more time?', async ({ page }) => {
  await toHome(page, shortHost);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await expect(page.getByTestId('idle-warning').getByRole('alertdialog')).toMatchAriaSnapshot({
    name: 'idle-warning.aria.yml',
  });
  await page.getByTestId('idle-end').click();
});
