import { expect, test } from '@playwright/test';
import { sampleWalletCodes } from '../../electron/backend/embedded/payment_gateway_simulator.js';
import { expectTree } from './support/aria_tree.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport, openService } from './support/identify_steps.js';
import { startKioskHost } from './support/kiosk_host.js';
import { publicationsConfig, scanQr } from './support/publications_host.js';
import { quickHttpBackend, startReferenceBackend } from './support/reference_backend.js';

/**
 * What assistive technology is given on each resident screen of the flows that came after
 * flow_accessibility_tree.spec.ts (issue 14): applying for Smart Locker pickup and buying publications. Each step's
 * tree (support/aria_tree.ts, in English, what changes masked) is compared with the reviewed snapshot in
 * flow_accessibility_tree_more.spec.ts-snapshots/. The waiting steps (loading, sending, paying, dispensing) pass too
 * quickly to be caught here: their named status regions are checked in the flows' keypad component tests.
 */

test('Smart Locker application', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startKioskHost(e2eConfig());
  try {
    await openService(page, host, 'en', 'locker-apply');
    await expectTree(page, 'apply-service', 'apply-service');
    await page.getByTestId('apply-service-iam-food-establishment-licence').click();
    await expectTree(page, 'identify-stage-place', 'apply-identify-place');
    await identifyWithPassport(page, host);
    await expect(page.getByTestId('apply-point')).toBeVisible({ timeout: 15_000 });
    await expectTree(page, 'apply-point', 'apply-point');
    await page.getByTestId('apply-choose-locker-china-plaza').click();
    await expectTree(page, 'apply-confirm', 'apply-confirm');
    await page.getByTestId('apply-send').click();
    await expect(page.getByTestId('apply-slip-printed')).toBeVisible({ timeout: 20_000 });
    await expectTree(page, 'apply-done', 'apply-done');
  } finally {
    await host.stop();
  }
});

test('Smart Locker application: the government services cannot be reached', async ({ page }) => {
  test.setTimeout(180_000);
  const gateway = await startReferenceBackend();
  const host = await startKioskHost(e2eConfig({ backend: quickHttpBackend(gateway.url) }));
  try {
    await openService(page, host, 'en', 'locker-apply');
    await page.getByTestId('apply-service-iam-food-establishment-licence').click();
    await identifyWithPassport(page, host);
    await page.getByTestId('apply-choose-locker-china-plaza').click();
    await expect(page.getByTestId('apply-confirm')).toBeVisible();
    await gateway.stop();
    await page.getByTestId('apply-send').click();
    await expect(page.getByTestId('apply-problem-unavailable')).toBeVisible({ timeout: 15_000 });
    await expectTree(page, 'apply-failed', 'apply-failed-unavailable');
  } finally {
    await host.stop();
    await gateway.stop();
  }
});

test('publications', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startKioskHost(publicationsConfig());
  try {
    await openService(page, host, 'en', 'publications');
    await expectTree(page, 'pubs-browse', 'pubs-browse-department');
    await page.getByTestId('pubs-by-category').click();
    await expect(page.getByTestId('pubs-by-category')).toHaveAttribute('aria-selected', 'true');
    await expectTree(page, 'pubs-browse', 'pubs-browse-category');
    await page.getByTestId('pubs-by-department').click();
    await page.getByTestId('pubs-group-DSAJ').click();
    await expectTree(page, 'pubs-list', 'pubs-list');
    await page.getByTestId('pubs-item-PUB-BASIC-LAW').click();
    await expectTree(page, 'pubs-detail', 'pubs-detail');
    await page.getByTestId('pubs-add').click();
    await expect(page.getByTestId('pubs-count-PUB-BASIC-LAW')).toBeVisible();
    await expectTree(page, 'pubs-detail', 'pubs-detail-in-basket');
    await page.getByTestId('pubs-show-basket').click();
    await expectTree(page, 'pubs-basket', 'pubs-basket');
    await page.getByTestId('pubs-checkout').click();
    await expectTree(page, 'pubs-pay', 'pubs-pay');
    await scanQr(host, sampleWalletCodes.decline);
    await expect(page.getByTestId('pubs-problem-payment-declined')).toBeVisible();
    await expectTree(page, 'pubs-pay', 'pubs-pay-declined');
    await scanQr(host, sampleWalletCodes.approve);
    await expect(page.getByTestId('pubs-receipt-printing')).toBeVisible({ timeout: 30_000 });
    await expectTree(page, 'pubs-done', 'pubs-done');
    await page.getByTestId('pubs-finish').click();

    // The search, empty and with results (its keyboard's keys are part of the step).
    await openService(page, host, 'en', 'publications');
    await page.getByTestId('pubs-open-search').click();
    await expectTree(page, 'pubs-search', 'pubs-search');
    for (const key of 'COD') await page.getByTestId(`key-${key}`).click();
    await expect(page.getByTestId('pubs-search-results')).toHaveAttribute('data-query', 'cod');
    await expectTree(page, 'pubs-search', 'pubs-search-results');
  } finally {
    await host.stop();
  }
});
