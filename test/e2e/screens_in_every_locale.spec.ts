import { expect, type Page, test } from '@playwright/test';
import { contrastFailures } from './support/contrast.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { expectKioskLayout, shootScreen } from './support/kiosk_layout.js';

/**
 * Every main screen in every locale, at 1920×1080 landscape and 1080×1920 portrait: the text is the locale's, nothing
 * spills off the screen, every button is a touch target of at least 56 px. Screenshots go to test-results/screens
 * (and to docs/screenshots with UPDATE_SCREENSHOTS=1) so a person can look at them.
 */
const locales = ['zh-Hant', 'zh-Hans', 'pt', 'en'] as const;
const homeTitle = {
  'zh-Hant': '請選擇服務',
  'zh-Hans': '请选择服务',
  pt: 'O que pretende fazer?',
  en: 'What would you like to do?',
};
const idleTitle = {
  'zh-Hant': '需要更多時間嗎？',
  'zh-Hans': '需要更多时间吗？',
  pt: 'Precisa de mais tempo?',
  en: 'Need more time?',
};
const orientations = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

async function shoot(page: Page, name: string): Promise<void> {
  await shootScreen(page, name);
}

for (const orientation of orientations) {
  for (const locale of locales) {
    test(`${orientation.name} ${locale}: attract, language, home, service`, async ({ page }) => {
      await page.setViewportSize({ width: orientation.width, height: orientation.height });
      await page.goto(host.url);
      await expect(page.getByTestId('attract-screen')).toBeVisible();
      await expectKioskLayout(page);
      if (locale === 'zh-Hant') await shoot(page, `attract-${orientation.name}`);

      await page.getByTestId('attract-screen').click();
      await expect(page.getByTestId('language-screen')).toBeVisible();
      await expectKioskLayout(page);
      if (locale === 'zh-Hant') await shoot(page, `language-${orientation.name}`);

      await page.getByTestId(`language-${locale}`).click();
      await expect(page.getByRole('heading', { name: homeTitle[locale] })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${locale}`));
      await expectKioskLayout(page);
      await shoot(page, `home-${locale}-${orientation.name}`);

      await page.getByTestId('tile-collect-document').click();
      await expect(page.getByTestId('service-intro-collect-document')).toBeVisible();
      await expectKioskLayout(page);
      await shoot(page, `service-${locale}-${orientation.name}`);
      await page.getByTestId('back').click();

      await page.getByTestId('finish').click();
      await expect(page.getByTestId('attract-screen')).toBeVisible();
    });
  }
}

test.describe('idle warning and out of service', () => {
  let shortHost: KioskHost;
  test.beforeAll(async () => {
    shortHost = await startKioskHost(
      e2eConfig({
        timeLimits: { idleSeconds: 32, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
      }),
    );
  });
  test.afterAll(async () => shortHost.stop());

  for (const orientation of orientations) {
    for (const locale of locales) {
      test(`${orientation.name} ${locale}: idle warning`, async ({ page }) => {
        await page.setViewportSize({ width: orientation.width, height: orientation.height });
        await page.goto(shortHost.url);
        await page.getByTestId('attract-screen').click();
        await page.getByTestId(`language-${locale}`).click();
        await expect(page.getByRole('heading', { name: idleTitle[locale] })).toBeVisible();
        await expectKioskLayout(page);
        await shoot(page, `idle-warning-${locale}-${orientation.name}`);
        await page.getByTestId('idle-end').click();
        await expect(page.getByTestId('attract-screen')).toBeVisible();
      });
    }
    test(`${orientation.name}: out of service`, async ({ page }) => {
      await page.setViewportSize({ width: orientation.width, height: orientation.height });
      await page.goto(shortHost.url);
      await expect(page.getByTestId('attract-screen')).toBeVisible();
      await shortHost.call('dev.setMaintenance', { on: true });
      await expect(page.getByTestId('out-of-service')).toBeVisible();
      await expectKioskLayout(page);
      await shoot(page, `out-of-service-${orientation.name}`);
      await shortHost.call('dev.setMaintenance', { on: false });
      await expect(page.getByTestId('attract-screen')).toBeVisible();
    });
  }
});

test('the contrast check itself finds low-contrast text', async ({ page }) => {
  await page.setContent(
    '<div style="background:#ffffff"><p style="color:#aaaaaa">grey on white</p><p style="color:#222222">fine</p></div>',
  );
  expect(await contrastFailures(page)).toEqual(['2.32:1 "grey on white"']);
});
