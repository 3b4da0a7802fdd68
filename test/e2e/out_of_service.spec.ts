import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/** The kiosk stops taking residents when it cannot serve them, and says so in all four languages. */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

test('a required device unplugged shows the out-of-service screen; replugged, the kiosk serves again', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await host.call('dev.simulate', { action: 'unplug', deviceId: 'ticket-printer' });
  const screen = page.getByTestId('out-of-service');
  await expect(screen).toBeVisible();
  await expect(screen).toHaveAttribute('data-reason', 'deviceUnavailable');
  await expect(screen).toContainText('暫停服務');
  await expect(screen).toContainText('Temporariamente fora de serviço');
  await expect(screen).toContainText('MO-E2E-01');
  await host.call('dev.simulate', { action: 'replug', deviceId: 'ticket-printer' });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('an optional device unplugged only disables the services that need it', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('tile-locker-pickup')).toBeEnabled();
  await host.call('dev.simulate', { action: 'unplug', deviceId: 'lockers' });
  await expect(page.getByTestId('tile-locker-pickup')).toBeDisabled();
  await expect(page.getByTestId('tile-locker-pickup')).toContainText('Not available right now');
  await expect(page.getByTestId('tile-check-in')).toBeEnabled();
  await host.call('dev.simulate', { action: 'replug', deviceId: 'lockers' });
  await expect(page.getByTestId('tile-locker-pickup')).toBeEnabled();
  await page.getByTestId('finish').click();
});

test('maintenance ends a running session and takes the kiosk out of service', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-pt').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await host.call('dev.setMaintenance', { on: true });
  await expect(page.getByTestId('out-of-service')).toHaveAttribute('data-reason', 'maintenance');
  expect(await host.call('kiosk.snapshot', {})).toMatchObject({ value: { session: { phase: 'attract' } } });
  await host.call('dev.setMaintenance', { on: false });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('the dev dock can unplug a device from the screen in development and test modes', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('dev-dock').getByRole('button').first().click();
  await page.getByTestId('dev-plug-scanner').click();
  await expect(page.getByTestId('out-of-service')).toBeVisible();
  await page.getByTestId('dev-plug-scanner').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});

test('losing the main process shows the out-of-service screen instead of a dead page', async ({ page }) => {
  const own = await startKioskHost(e2eConfig());
  await page.goto(own.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await own.stop();
  await expect(page.getByTestId('out-of-service')).toHaveAttribute('data-reason', 'connectionLost');
  // Several reconnect attempts later it still waits for its host: a host that is down is not a refusal.
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('out-of-service')).toHaveAttribute('data-reason', 'connectionLost');
  await expect(page.getByTestId('not-connected')).toHaveCount(0);
});

test('the dev dock sits beside the kiosk’s screen, never over it, and names device states in the screen’s language', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  const dock = page.getByTestId('dev-dock');
  const screen = page.locator('.kiosk');
  const overlap = async () => {
    const a = await dock.boundingBox();
    const b = await screen.boundingBox();
    if (!a || !b) throw new Error('no box');
    return (
      Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) > 0 &&
      Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)) > 0
    );
  };
  expect(await overlap()).toBe(false);
  await dock.getByRole('button').first().click();
  await expect(page.getByTestId('dev-device-scanner')).toBeVisible();
  expect(await overlap()).toBe(false);
  // The kiosk's screen is zh-Hant before a resident chooses: the scanner is 「就緒」, not "ready".
  await expect(page.getByTestId('dev-device-scanner')).toContainText('就緒');
  await expect(page.getByTestId('dev-device-scanner')).not.toContainText('ready');
  await dock.getByRole('button').first().click();
});
