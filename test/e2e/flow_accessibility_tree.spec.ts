import { expect, test } from '@playwright/test';
import { expectTree } from './support/aria_tree.js';
import {
  chooseTime,
  enterService,
  placeDocument,
  sampleBookingQr,
  scanCode,
} from './support/booking_walk.js';
import { collectionHostConfig } from './support/collection_host.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * What assistive technology is given on each screen of the resident flows (issue 14): Chromium's accessibility tree
 * of the kiosk's screen — roles, names, states, live regions, dialogs — compared with the reviewed snapshot in
 * flow_accessibility_tree.spec.ts-snapshots/, as accessibility_tree.spec.ts does for the home screens. In English,
 * with what changes from run to run masked (support/aria_tree.ts). Update deliberately with `--update-snapshots`
 * and review the diff.
 */
test.describe('booking, check-in, a booking managed', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(e2eConfig());
  });
  test.afterAll(async () => host.stop());

  test('check-in and managing a booking', async ({ page }) => {
    test.setTimeout(180_000);
    await enterService(page, host, 'check-in');
    await expectTree(page, 'check-in-scan', 'check-in-scan');
    await scanCode(host, 'not a booking');
    await expectTree(page, 'notice-not-a-booking-code', 'check-in-scan-notice');
    await scanCode(host, sampleBookingQr(1));
    await expect(page.getByTestId('check-in-ticket')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('print-ok').click();
    await expectTree(page, 'check-in-ticket', 'check-in-ticket');
    await enterService(page, host, 'check-in');
    await page.getByTestId('manage').click();
    await scanCode(host, sampleBookingQr(2));
    await expectTree(page, 'check-in-booking', 'manage-booking');
    await page.getByTestId('cancel-booking').click();
    await expectTree(page, 'check-in-confirm-cancel', 'manage-confirm-cancel');
  });

  test('booking an appointment', async ({ page }) => {
    test.setTimeout(180_000);
    await enterService(page, host, 'book-appointment');
    await expectTree(page, 'book-appointment-site', 'booking-site');
    await page.getByTestId('site-macau').click();
    await expectTree(page, 'book-appointment-departments', 'booking-departments');
    await page.getByTestId('department-DSI').click();
    await expectTree(page, 'book-appointment-services', 'booking-services');
    await page.getByTestId('service-dsi-bir-replacement').click();
    await expectTree(page, 'book-appointment-service', 'booking-service');
    await page.getByTestId('start-booking').click();
    await expectTree(page, 'book-appointment-centre', 'booking-centre');
    await page.getByTestId('centre-china-plaza').click();
    await expect(page.getByTestId('book-appointment-date')).toBeVisible();
    await chooseTime(page);
    await expectTree(page, 'identify-stage-place', 'booking-identify-place');
    await placeDocument(host, 'passport-macao');
    await expectTree(page, 'identify-face', 'booking-identify-confirm');
    await page.getByTestId('identify-confirm').click();
    await placeDocument(host, null);
    await expectTree(page, 'book-appointment-confirm', 'booking-confirm');
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('slip-printed')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('print-ok').click();
    await expectTree(page, 'book-appointment-booked', 'booking-booked');
    await page.getByTestId('finish').click();
  });
});

test('collect a document', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startKioskHost(collectionHostConfig(120_000));
  try {
    await openService(page, host, 'en', 'collect-document');
    await identifyWithPassport(page, host);
    await expectTree(page, 'collect-choose', 'collect-choose');
    await page.getByTestId('collect-choose-C-SAMPLE-MO-1').click();
    await expectTree(page, 'collect-releasing-take-card', 'collect-take-card');
    await host.call('dev.simulate', { action: 'take-card', deviceId: 'dispenser' });
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    await page.getByTestId('print-ok').click();
    await expectTree(page, 'collect-done', 'collect-done');
  } finally {
    await host.stop();
  }
});

test('print a proof of identity; check a proof', async ({ page }) => {
  test.setTimeout(180_000);
  const base = e2eConfig();
  const host = await startKioskHost({ ...base, services: [...(base.services as string[]), 'check-proof'] });
  try {
    await openService(page, host, 'en', 'proof-of-identity');
    await identifyWithPassport(page, host);
    await expectTree(page, 'proof-choose', 'proof-choose');
    await page.getByTestId('proof-languages-zh-en').click();
    await expect(page.getByTestId('proof-page')).toBeVisible({ timeout: 30_000 });
    await expectTree(page, 'proof-preview', 'proof-preview');
    await page.getByTestId('proof-print').click();
    await expect(page.getByTestId('proof-done')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    await page.getByTestId('print-ok').click();
    await expectTree(page, 'proof-done', 'proof-done');
    await page.getByTestId('proof-finish').click();

    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('tile-check-proof').click();
    await page.getByTestId('start-service').click();
    await expectTree(page, 'check-proof-scan', 'check-proof-scan');
    await scanCode(host, 'https://example.com/not-a-proof');
    await expect(page.getByTestId('check-proof-notice')).toBeVisible();
    await expectTree(page, 'check-proof-scan', 'check-proof-scan-not-a-proof');
  } finally {
    await host.stop();
  }
});

test('Smart Locker pickup', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startKioskHost(e2eConfig());
  try {
    await page.goto(host.url);
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('tile-locker-pickup').click();
    await page.getByTestId('start-service').click();
    await expectTree(page, 'pickup-scan', 'locker-scan');
    await page.getByTestId('pickup-type-digits').click();
    for (const digit of '1234') await page.getByTestId(`pin-${digit}`).click();
    await expectTree(page, 'pickup-type', 'locker-type');
    for (const digit of '56789018') await page.getByTestId(`pin-${digit}`).click();
    await page.getByTestId('pin-ok').click();
    await expectTree(page, 'pickup-open', 'locker-open');
    await host.call('dev.simulate', { action: 'door', deviceId: 'lockers', door: 'A1', open: false });
    await expectTree(page, 'pickup-done', 'locker-done');
  } finally {
    await host.stop();
  }
});
