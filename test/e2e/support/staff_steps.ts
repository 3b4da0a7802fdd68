import { expect, type Page } from '@playwright/test';
import { type MaintenanceTool, maintenanceTools } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { KioskHost } from './kiosk_host.js';

/** Staff sign-in and a held print job as the maintenance specs drive them on the browser-mode host. */

/** The hidden corner of the attract or out-of-service screen: five taps open staff sign-in. */
export async function openSignIn(page: Page): Promise<void> {
  const corner = page.getByTestId('staff-corner');
  for (let i = 0; i < 5; i++) await corner.click();
  await expect(page.getByTestId('staff-sign-in-badge')).toBeVisible();
}

/** A PIN typed on the staff PIN pad, then OK. */
export async function typeStaffPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-ok').click();
}

/** A resident starts a ticket with no paper and walks away: the job is held for staff and an alert raised. */
export async function leaveHeldJobs(page: Page, host: KioskHost, count: number): Promise<number[]> {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('language-en').click();
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'out' });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const printed = await host.call('dev.printSample', { template: 'queue-ticket' });
    if (!printed.ok) throw new Error('print refused');
    ids.push((printed.value as { jobId: number }).jobId);
  }
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-reason', 'no-paper');
  await page.getByTestId('print-leave').click();
  await expect(page.getByTestId('out-of-service')).toBeVisible();
  return ids;
}

/**
 * Opens every maintenance tool the menu shows in turn, with something in the Devices tool (a test read of the sample
 * passport, the list scrolled back to its top where the result shows), and runs `check` on each before going back.
 */
export async function onEveryTool(
  page: Page,
  host: KioskHost,
  check: (tool: MaintenanceTool) => Promise<void>,
): Promise<void> {
  await host.call('dev.simulate', {
    action: 'document',
    deviceId: 'document-reader',
    sample: 'passport-macao',
  });
  for (const tool of maintenanceTools) {
    // A terminal shows only its own tools (the publications ones where it sells publications).
    if ((await page.getByTestId(`maintenance-tool-${tool}`).count()) === 0) continue;
    await page.getByTestId(`maintenance-tool-${tool}`).click();
    await expect(page.getByTestId(`maintenance-${tool}`)).toBeVisible();
    if (tool === 'devices') {
      await page.getByTestId('device-document-reader-test-read').click();
      await expect(page.getByTestId('device-result')).toHaveAttribute('data-outcome', 'read', {
        timeout: 20_000,
      });
      // The tap scrolled the list: back to the top, where the result shows.
      await page.locator('.maint__body').evaluate((body) => body.scrollTo(0, 0));
    }
    await check(tool);
    await page.getByTestId('maintenance-back').click();
  }
  await host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample: null });
}
