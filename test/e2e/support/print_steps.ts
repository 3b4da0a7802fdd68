import { expect, type Page } from '@playwright/test';
import type { KioskHost } from './kiosk_host.js';

/** The ticket printer runs out of paper, then a ticket is printed: its job waits, and the screen says why. */
export async function ticketWaitingForPaper(host: KioskHost, page: Page): Promise<void> {
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'out' });
  await expect
    .poll(async () => JSON.stringify(await host.call('kiosk.snapshot', {})))
    .toContain('"no-paper"');
  await host.call('dev.printSample', { template: 'queue-ticket' });
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'waiting');
}

/** Paper goes back in: the waiting ticket prints and the screen says to take it. */
export async function loadPaperUntilPrinted(host: KioskHost, page: Page): Promise<void> {
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: 'loaded' });
  await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
}
