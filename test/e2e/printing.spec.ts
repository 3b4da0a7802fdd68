import { expect, type Page, test } from '@playwright/test';
import { developmentStaffOffice } from '../support/staff_badges.js';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * A resident's document through the print pipeline and the simulated ESC/POS printer: printed and confirmed; held
 * through an empty paper roll with a full-screen message in the resident's language, then resumed; and handed to
 * staff when the resident leaves before it could print, to be reprinted from maintenance (recorded with who/why).
 * Until the resident flows print their own documents, the dev dock's "print a sample" starts the job.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

async function startSession(page: Page, language: 'en' | 'pt' | 'zh-Hant'): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

test('a ticket prints, the printer confirms it, and the resident is told to take it', async ({ page }) => {
  await startSession(page, 'en');
  const printed = await host.call('dev.printSample', { template: 'queue-ticket' });
  expect(printed).toMatchObject({ ok: true, value: { ok: true } });
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText('Please take your ticket');
  await status.getByRole('button', { name: 'OK' }).click();
  await expect(status).toBeHidden();
  await page.getByTestId('finish').click();
});

test('paper out: the job waits with a clear message in the resident’s language, and prints once paper is back', async ({
  page,
}) => {
  await startSession(page, 'pt');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'out' });
  await expect
    .poll(
      async () =>
        (await host.call('kiosk.snapshot', {})).ok && JSON.stringify(await host.call('kiosk.snapshot', {})),
    )
    .toContain('"no-paper"');
  await host.call('dev.printSample', { template: 'queue-ticket' });
  const status = page.getByTestId('print-status');
  await expect(status).toHaveAttribute('data-reason', 'no-paper');
  await expect(status).toContainText('A impressora ficou sem papel');
  await expect(status).toContainText('A sua senha não se perdeu');
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.screenshot({
      path: 'docs/screenshots/print-no-paper-pt-landscape.png',
      animations: 'disabled',
    });
  }

  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(status).toContainText('Retire a sua senha');
  await status.getByRole('button').click();
  await page.getByTestId('finish').click();
});

test('a resident who leaves before the job printed: staff see it in maintenance and reprint it, recorded', async ({
  page,
}) => {
  await startSession(page, 'zh-Hant');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'out' });
  await expect
    .poll(async () => JSON.stringify(await host.call('kiosk.snapshot', {})))
    .toContain('"no-paper"');
  const printed = await host.call('dev.printSample', { template: 'queue-ticket' });
  expect(printed.ok).toBe(true);
  const jobId = printed.ok ? (printed.value as { jobId: number }).jobId : -1;
  await expect(page.getByTestId('print-status')).toContainText('列印機缺紙');
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.screenshot({
      path: 'docs/screenshots/print-no-paper-zh-Hant-portrait.png',
      animations: 'disabled',
    });
  }
  await page.getByTestId('print-leave').click();
  await expect(page.getByTestId('out-of-service')).toBeVisible();

  // Staff arrive: the hidden corner, their badge at the scanner, their PIN; the held job is in Print jobs.
  expect(await host.call('maintenance.openTool', { tool: 'print-jobs' })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  await signInAsStaff(page);
  await page.getByTestId('maintenance-tool-print-jobs').click();
  const job = page.getByTestId(`job-${jobId}`);
  await expect(job).toHaveAttribute('data-status', 'needs-attention');
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await job.getByTestId(`job-${jobId}-reprint`).click();
  await job.getByTestId(`job-${jobId}-reprint-resident-returned`).click();
  await expect(page.getByTestId('maintenance-result')).toHaveAttribute('data-ok', 'true');
  // The screen follows the printer: no Refresh needed.
  await expect(job).toHaveAttribute('data-status', 'confirmed');
  // A confirmed job offers no second reprint: nothing prints twice without a new request.
  await expect(job.getByTestId(`job-${jobId}-reprint`)).toHaveCount(0);
  expect(await host.call('maintenance.reprint', { jobId, reason: 'resident-returned' })).toMatchObject({
    ok: true,
    value: { ok: true },
  });
  await page.getByTestId('maintenance-refresh').click();
  await expect(page.getByTestId('maintenance-result')).toHaveAttribute('data-ok', 'false');
});

/** Five taps on the hidden corner, a badge of S0001 from the development staff office at the scanner, PIN 135790. */
async function signInAsStaff(page: Page): Promise<void> {
  const corner = page.getByTestId('staff-corner');
  for (let i = 0; i < 5; i++) await corner.click();
  await expect(page.getByTestId('staff-sign-in-badge')).toBeVisible();
  const badge = developmentStaffOffice().badge('S0001');
  await host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: badge });
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  for (const digit of '135790') await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();
}
