import { expect, test } from '@playwright/test';
import { contrastFailures } from './support/contrast.js';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/** High contrast and large text, for one resident: readable, nothing lost off the screen, gone at session end. */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`high contrast and large text at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(host.url);
    await page.getByTestId('attract-accessibility').click();
    await page.getByTestId('toggle-high-contrast').click();
    await page.getByTestId('toggle-large-text').click();
    await page.getByRole('button', { name: '關閉' }).click();
    await page.getByTestId('language-pt').click();
    await expect(page.locator('html')).toHaveClass(/high-contrast/);
    await expect(page.locator('html')).toHaveClass(/large-text/);

    // The way out stays on screen, the icons stay visible, and every text keeps its contrast.
    await expect(page.getByTestId('finish')).toBeInViewport({ ratio: 1 });
    const iconColor = await page
      .locator('.tile__icon')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(iconColor).not.toBe('rgb(0, 0, 0)');
    expect(await contrastFailures(page)).toEqual([]);
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({
        path: `docs/screenshots/high-contrast-large-text-pt-${viewport.width > viewport.height ? 'landscape' : 'portrait'}.png`,
        animations: 'disabled',
      });
    }

    await page.getByTestId('finish').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/high-contrast|large-text/);
  });
}
