import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * The main process owns the resident's step and display settings, so a reload (Electron's crash recovery reloads
 * the window; a browser-mode page can be reloaded) or a second connection redraws exactly where the resident was,
 * the way they had it — never the home screen, never the default display.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

test('a reload mid-step returns to that step, in the same language, with large text still on', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByTestId('attract-accessibility').click();
  await page.getByTestId('toggle-large-text').click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await page.getByRole('button', { name: '關閉' }).click();
  await page.getByTestId('language-pt').click();
  await page.getByTestId('tile-collect-document').click();
  const intro = page.getByTestId('service-intro-collect-document');
  await expect(intro).toBeVisible();

  await page.reload();
  await expect(intro).toBeVisible();
  await expect(page.locator('.kiosk')).toHaveAttribute('data-screen', 'home/service-intro');
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-MO');
  await expect(page.getByTestId('back')).toHaveText('Voltar');

  // The flow goes on from there, and ending it still wipes the settings.
  await page.getByTestId('back').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/large-text/);
});

test('a reload on the language step stays on the language step', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await expect(page.getByTestId('attract-screen')).toBeHidden();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await page.getByTestId('finish').click();
});

test('a second connection sees the step the first one shows, and follows it as it moves', async ({
  browser,
}) => {
  const first = await browser.newPage();
  await first.goto(host.url);
  await first.getByTestId('attract-screen').click();
  await first.getByTestId('language-en').click();
  await first.getByTestId('tile-check-in').click();

  const second = await browser.newPage();
  await second.goto(host.url);
  await expect(second.getByTestId('service-intro-check-in')).toBeVisible();
  await first.getByTestId('back').click();
  await expect(second.getByTestId('home-screen')).toBeVisible();
  await second.getByTestId('finish').click();
  await expect(first.getByTestId('attract-screen')).toBeVisible();
  await first.close();
  await second.close();
});
