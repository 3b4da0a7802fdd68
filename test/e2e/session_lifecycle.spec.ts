import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * The resident's path through the foundation: attract → language → home → idle warning → Continue → warning
 * again → time out → attract, with everything of the resident wiped in the renderer and the main process.
 * Short limits (test mode): the warning after 2 s of inactivity, the end 3 s later.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: { idleSeconds: 5, warningSeconds: 3, maxExtensions: 10, attractSlideSeconds: 1 },
    }),
  );
});
test.afterAll(async () => host.stop());

test('attract → language → home → idle warning → continue → timeout → attract, with the session wiped', async ({
  page,
}) => {
  await page.goto(host.url);
  const attract = page.getByTestId('attract-screen');
  await expect(attract).toBeVisible();
  // The attract loop shows only what this terminal offers now: no service's flow is at the kiosk in this release,
  // so there is no highlight to cycle (cycling itself: renderer/a11y/bearings.test.tsx).
  await expect(page.getByTestId('attract-slide')).toHaveCount(0);

  await attract.click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await page.getByTestId('accessibility-button').click();
  await page.getByTestId('toggle-high-contrast').click();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await page.getByRole('button', { name: 'Close' }).click();

  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('heading', { name: 'Need more time?' })).toBeVisible();
  await expect(page.getByTestId('idle-continue')).toBeFocused();
  await page.getByTestId('idle-continue').click();
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  const snapshot = await host.call('kiosk.snapshot', {});
  expect(snapshot).toMatchObject({ ok: true, value: { session: { phase: 'active', extensionsLeft: 9 } } });

  await expect(warning).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^[0-3]$/);
  // Nobody answers: the session ends, the attract screen returns and the resident's choices are gone.
  await expect(attract).toBeVisible({ timeout: 8000 });
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh-Hant/);
  expect(await host.call('kiosk.snapshot', {})).toMatchObject({
    ok: true,
    value: { session: { phase: 'attract' } },
  });
});

test('switching language mid-flow changes every string and the main session', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('tile-proof-of-identity').click();
  await expect(page.getByRole('heading', { name: 'Proof of identity' })).toBeVisible();

  await page.getByTestId('language-switch').click();
  await page.getByTestId('switch-to-pt').click();
  await expect(page.getByRole('heading', { name: 'Declaração de identificação' })).toBeVisible();
  await expect(page.getByTestId('back')).toHaveText('Voltar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-MO');
  expect(await host.call('kiosk.snapshot', {})).toMatchObject({ value: { session: { language: 'pt' } } });

  await page.getByTestId('language-switch').click();
  await page.getByTestId('switch-to-zh-Hans').click();
  await expect(page.getByRole('heading', { name: '身份资料证明' })).toBeVisible();
  await page.getByTestId('back').click();
  await expect(page.getByRole('heading', { name: '请选择服务' })).toBeVisible();
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('"End now" on the warning ends the session at once', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-zh-Hant').click();
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.getByTestId('idle-end').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  expect(await host.call('kiosk.snapshot', {})).toMatchObject({ value: { session: { phase: 'attract' } } });
});
