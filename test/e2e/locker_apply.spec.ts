import { dirname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { applyDisplaySetting, displaySettings, expectEveryDisplayRightIn } from './support/display_sweep.js';
import { e2eConfig } from './support/e2e_config.js';
import { identifyWithPassport } from './support/identify_steps.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import {
  quickHttpBackend,
  type ReferenceBackend,
  startReferenceBackend,
} from './support/reference_backend.js';
import { shoot } from './support/screens.js';

/**
 * Smart Locker application end to end in the browser-mode host at the China Plaza service kiosk, on the simulated
 * reader and ticket printer: R-0001 (Macao passport, PIN 123456) applies for an IAM food-establishment licence,
 * whose item needs a large compartment. Of the seed's points, two matter here: China Plaza's own (nearest, with free
 * large compartments) and Fai Chi Kei (every large compartment taken: shown, with why, and cannot be chosen).
 */
const largeItem = 'iam-food-establishment-licence';

async function openApply(page: Page, host: KioskHost, language: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('attract-screen').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('tile-locker-apply').click();
  await page.getByTestId('start-service').click();
  await expect(page.getByTestId('apply-service')).toBeVisible({ timeout: 15_000 });
}

async function toPoints(page: Page, host: KioskHost, language: string): Promise<void> {
  await openApply(page, host, language);
  await page.getByTestId(`apply-service-${largeItem}`).click();
  await identifyWithPassport(page, host);
  await expect(page.getByTestId('apply-point')).toBeVisible({ timeout: 15_000 });
}

/** The slip jobs the kiosk's journal holds (beside the embedded backend's file). */
function slipJobs(host: KioskHost): { template: string; status: string }[] {
  const db = new Database(join(dirname(host.backendPath), 'journal.sqlite'), { readonly: true });
  try {
    return db
      .prepare("SELECT template, status FROM print_jobs WHERE template = 'locker-application-slip'")
      .all() as { template: string; status: string }[];
  } finally {
    db.close();
  }
}

test.describe('apply at a service kiosk, with the embedded backend', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost(e2eConfig());
  });
  test.afterAll(async () => host.stop());

  test('zh-Hant: two points of interest, one full: the full one shown with why and not choosable; applied; slip', async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await openApply(page, host, 'zh-Hant');
    await expectEveryDisplayRightIn(page, host, 'locker-apply/service', 'zh-Hant');
    await page.getByTestId(`apply-service-${largeItem}`).click();
    await identifyWithPassport(page, host);
    await expect(page.getByTestId('apply-point')).toBeVisible({ timeout: 15_000 });

    // Nearest first: China Plaza's own point (this centre) at the top.
    const points = page.locator(
      '[data-testid^="apply-point-locker-"]:not([data-testid$="-free"]):not([data-testid$="-full"])',
    );
    await expect(points.first()).toHaveAttribute('data-testid', 'apply-point-locker-china-plaza');
    await expect(page.getByTestId('apply-point-locker-china-plaza')).toContainText('就在本中心');
    await expect(page.getByTestId('apply-point-locker-china-plaza-free')).toBeVisible();
    // Fai Chi Kei: shown, full for a large item, with the reason, and its button disabled.
    await expect(page.getByTestId('apply-point-locker-fai-chi-kei-full')).toHaveText(
      '已滿：沒有此尺寸的空櫃格，請選擇其他地點。',
    );
    await expect(page.getByTestId('apply-choose-locker-fai-chi-kei')).toBeDisabled();
    await expect(page.getByTestId('apply-point-locker-fai-chi-kei')).toContainText('筷子基');
    await shoot(page, 'locker-apply/point-zh-Hant');
    await page.getByTestId('apply-point-locker-fai-chi-kei').scrollIntoViewIfNeeded();
    await shoot(page, 'locker-apply/point-full-zh-Hant');
    await expectEveryDisplayRightIn(page, host, 'locker-apply/point', 'zh-Hant');

    await page.getByTestId('apply-choose-locker-china-plaza').click();
    await expect(page.getByTestId('apply-confirm')).toBeVisible();
    await expect(page.getByTestId('apply-confirm')).toContainText('澳門南灣大馬路804號中華廣場');
    await expect(page.getByTestId('apply-confirm')).toContainText('24小時開放');
    await shoot(page, 'locker-apply/confirm-zh-Hant');
    await expectEveryDisplayRightIn(page, host, 'locker-apply/confirm', 'zh-Hant');

    await page.getByTestId('apply-send').click();
    await expect(page.getByTestId('apply-done')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('apply-reference')).toContainText(/LA-[A-Z0-9]+/);
    await expect(page.getByTestId('apply-how')).toContainText('一戶通');
    await expect(page.getByTestId('apply-slip-printed')).toBeVisible({ timeout: 20_000 });
    expect(slipJobs(host)).toEqual([{ template: 'locker-application-slip', status: 'confirmed' }]);
    await shoot(page, 'locker-apply/done-zh-Hant');
    await expectEveryDisplayRightIn(page, host, 'locker-apply/done', 'zh-Hant');
    await page.getByTestId('apply-finish').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  });

  test('pt: the full point cannot be chosen; Back goes from confirm to the points; applied, in Portuguese', async ({
    page,
  }) => {
    await toPoints(page, host, 'pt');
    await expect(page.getByTestId('apply-point-locker-fai-chi-kei-full')).toHaveText(
      'Cheio: nenhum compartimento livre deste tamanho. Escolha outro ponto.',
    );
    await expect(page.getByTestId('apply-choose-locker-fai-chi-kei')).toBeDisabled();
    // Portrait, large text and high contrast, as a resident may ask: the full point still says why.
    await applyDisplaySetting(page, host, displaySettings[3]);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.getByTestId('apply-point-locker-fai-chi-kei').scrollIntoViewIfNeeded();
    await shoot(page, 'locker-apply/point-full-pt-portrait-large-contrast');
    await applyDisplaySetting(page, host, displaySettings[0]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shoot(page, 'locker-apply/point-pt');
    await page.getByTestId('apply-choose-locker-areia-preta').click();
    await expect(page.getByTestId('apply-confirm')).toContainText('Avenida de Venceslau de Morais');
    await page.getByTestId('apply-back').click();
    await expect(page.getByTestId('apply-point')).toBeVisible();
    await page.getByTestId('apply-choose-locker-china-plaza').click();
    await page.getByTestId('apply-send').click();
    await expect(page.getByTestId('apply-done')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('apply-how')).toContainText('Conta Única de Macau');
    await expect(page.getByTestId('apply-slip-printed')).toBeVisible({ timeout: 20_000 });
    await shoot(page, 'locker-apply/done-pt');
    await page.getByTestId('apply-back').click();
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  });
});

test.describe('the backend cannot be reached when the application is sent', () => {
  let gateway: ReferenceBackend;
  let host: KioskHost;
  test.beforeAll(async () => {
    gateway = await startReferenceBackend();
    host = await startKioskHost(
      e2eConfig({
        backend: quickHttpBackend(gateway.url),
      }),
    );
  });
  test.afterAll(async () => {
    await host.stop();
    await gateway.stop();
  });

  test('en: a clear message, nothing applied; Try again once it is back applies once', async ({ page }) => {
    test.setTimeout(300_000);
    await toPoints(page, host, 'en');
    await page.getByTestId('apply-choose-locker-china-plaza').click();
    await expect(page.getByTestId('apply-confirm')).toBeVisible();
    await gateway.stop();
    await page.getByTestId('apply-send').click();
    await expect(page.getByTestId('apply-problem-unavailable')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('apply-problem-unavailable')).toContainText('nothing was applied for');
    expect(slipJobs(host)).toEqual([]);
    await shoot(page, 'locker-apply/failed-unavailable-en');
    await expectEveryDisplayRightIn(page, host, 'locker-apply/failed-unavailable', 'en');
    await gateway.restart();
    await page.getByTestId('apply-try-again').click();
    await expect(page.getByTestId('apply-done')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('apply-slip-printed')).toBeVisible({ timeout: 20_000 });
    expect(slipJobs(host)).toHaveLength(1);
  });
});
