import { expect, test } from '@playwright/test';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/** At the Hengqin centre, Simplified Chinese leads: the attract screen, the language order, the default. */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      terminal: { id: 'HQ-E2E-01' },
      site: {
        kind: 'hengqin',
        centreId: 'hengqin-gsc',
        name: {
          'zh-Hant': '橫琴政務服務中心',
          'zh-Hans': '横琴政务服务中心',
          pt: 'Centro de Serviços de Assuntos Governamentais de Hengqin',
          en: 'Hengqin Government Services Centre',
        },
      },
      languages: { offered: ['zh-Hans', 'zh-Hant', 'pt', 'en'], default: 'zh-Hans' },
      services: ['book-appointment', 'check-in', 'collect-document', 'proof-of-identity'],
    }),
  );
});
test.afterAll(async () => host.stop());

test('Simplified Chinese comes first and is the default; every offered language is still one tap away', async ({
  page,
}) => {
  await page.goto(host.url);
  const attract = page.getByTestId('attract-screen');
  await expect(attract.locator('.attract__site-main')).toHaveText('横琴政务服务中心');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await attract.click();
  const choices = page.locator('.language-button');
  await expect(choices).toHaveText(['简体中文', '繁體中文', 'Português', 'English']);
  await page.getByTestId('language-zh-Hans').click();
  await expect(page.getByRole('heading', { name: '请选择服务' })).toBeVisible();
  await expect(page.getByTestId('top-bar-site')).toContainText('横琴政务服务中心');
  // Only the services this terminal offers.
  await expect(page.locator('.tile')).toHaveCount(4);
  await page.getByTestId('finish').click();
});

test('out of service at Hengqin: Simplified Chinese first, and where to go is the Hengqin centre', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await host.call('dev.setMaintenance', { on: true });
  const screen = page.getByTestId('out-of-service');
  await expect(screen).toBeVisible();
  await expect(screen.locator('section')).toHaveCount(4);
  expect(await screen.locator('section').evaluateAll((s) => s.map((e) => e.getAttribute('lang')))).toEqual([
    'zh-Hans',
    'zh-Hant',
    'pt',
    'en',
  ]);
  await expect(screen.locator('section').first()).toContainText('横琴政务服务中心');
  await expect(screen).not.toContainText('Macao One Account');
  await expect(screen).not.toContainText('一戶通');
  await host.call('dev.setMaintenance', { on: false });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
