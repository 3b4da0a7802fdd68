import { expect, type Page } from '@playwright/test';
import type { KioskHost } from './kiosk_host.js';

/** Identification as a resident does it in the e2e specs: place the sample passport, confirm, take it back, PIN. */

export type ShootStep = (name: string) => Promise<void>;
const noShot: ShootStep = async () => undefined;

export async function typePin(page: Page, pin: string): Promise<void> {
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-ok').click();
}

/** R-0001 with the Macao passport `passport-macao` and PIN 123456; `shot` photographs each stage. */
export async function identifyWithPassport(
  page: Page,
  host: KioskHost,
  shot: ShootStep = noShot,
): Promise<void> {
  await expect(page.getByTestId('identify-stage-place')).toBeVisible();
  await shot('identify-place');
  await host.call('dev.simulate', {
    action: 'document',
    deviceId: 'document-reader',
    sample: 'passport-macao',
  });
  await expect(page.getByTestId('identify-face')).toBeVisible();
  // The masked name only: never the whole name on a screen others can see.
  await expect(page.getByTestId('identify-name')).not.toContainText('CHAN TAI MAN');
  await shot('identify-confirm');
  await page.getByTestId('identify-confirm').click();
  // The resident takes the passport back off the reader.
  await host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample: null });
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  await shot('identify-pin');
  await typePin(page, '123456');
}

export async function openService(
  page: Page,
  host: KioskHost,
  language: string,
  service: 'collect-document' | 'proof-of-identity',
): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId(`tile-${service}`).click();
  await page.getByTestId('start-service').click();
}
