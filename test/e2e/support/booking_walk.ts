import { type Browser, expect, type Page } from '@playwright/test';
import type { KioskHost } from './kiosk_host.js';

/**
 * A resident's way through the booking and check-in screens, tap by tap, for the end-to-end specs. Each helper
 * waits for the screen the main process moves to, so a spec reads as what the resident does.
 */

/**
 * One page for a spec file's tests, kept between them: `enterService` ends the last session and starts the next
 * on it without loading the renderer again (the host's URL differs only by its fragment), as one kiosk serves one
 * resident after another. A page per test cost a full renderer load each.
 */
export async function openKioskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  return context.newPage();
}

export async function enterService(
  page: Page,
  host: KioskHost,
  service: 'book-appointment' | 'check-in',
  language = 'en',
): Promise<void> {
  // A session the last spec left (on a result step) ends first, as the idle timer would end it.
  await host.call('session.end', { reason: 'cancelled' });
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId(`tile-${service}`).click();
  await page.getByTestId('start-service').click();
  await expect(
    page.getByTestId(service === 'check-in' ? 'check-in-scan' : 'book-appointment-site'),
  ).toBeVisible();
}

/** Site → department → service → Book → centre: the date step. */
export async function toDates(
  page: Page,
  serviceId = 'dsi-bir-replacement',
  department = 'DSI',
  centre = 'china-plaza',
): Promise<void> {
  await page.getByTestId('site-macau').click();
  await page.getByTestId(`department-${department}`).click();
  await page.getByTestId(`service-${serviceId}`).click();
  await page.getByTestId('start-booking').click();
  await page.getByTestId(`centre-${centre}`).click();
  await expect(page.getByTestId('book-appointment-date')).toBeVisible();
}

/**
 * The second free day, then its `n`th free time: returns the slot id chosen. Never the first day: that may be today,
 * whose free times are the ones still ahead on the clock — at 16:00 in Macau only six are left, and CI once failed
 * waiting for the fifth. The second listed day is a whole counter day, whenever the specs run. (In landscape the Dev
 * dock's handle lies over the first time's card; the dock is not there for residents.)
 */
export async function chooseTime(page: Page, n = 0): Promise<string> {
  await page.locator('[data-testid^="date-20"]').nth(1).click();
  const slot = page.locator('[data-testid^="slot-"]').nth(n);
  const slotId = ((await slot.getAttribute('data-testid')) ?? '').slice('slot-'.length);
  await slot.click();
  return slotId;
}

export async function placeDocument(host: KioskHost, sample: string | null): Promise<void> {
  await host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });
}

export async function scanCode(host: KioskHost, text: string): Promise<void> {
  await host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });
}

/** On the identify step: the sample passport on the reader, read, and "This is me". */
export async function identifyWithPassport(page: Page, host: KioskHost): Promise<void> {
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await placeDocument(host, 'passport-macao');
  await expect(page.getByTestId('identify-name')).toHaveText('CHAN T** M**', { timeout: 20_000 });
  await page.getByTestId('identify-confirm').click();
  await expect(page.getByTestId('book-appointment-confirm')).toBeVisible();
  await placeDocument(host, null);
}

export async function paper(host: KioskHost, level: 'loaded' | 'out'): Promise<void> {
  await host.call('dev.simulate', { action: 'paper', deviceId: 'ticket-printer', paper: level });
}

/** On the reference step: types `reference` on the kiosk's keyboard (Latin layer, digits row) and taps Find. */
export async function typeReference(page: Page, reference: string): Promise<void> {
  await page.getByTestId('key-clear').click();
  for (const key of reference) await page.getByTestId(`key-${key}`).click();
  await page.getByTestId('key-enter').click();
}

/** The QR code printed on a sample booking's slip (the backend's sample state). */
export const sampleBookingQr = (n: 1 | 2 | 3): string => `MOBK1:SAMP-000${n}:SAMPLE000000000${n}`;
