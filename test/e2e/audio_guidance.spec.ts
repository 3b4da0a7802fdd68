import { expect, type Page, test } from '@playwright/test';
import type { KeypadKeyEvent } from '../../electron/rpc/guidance_contract.js';
import { e2eConfig } from './support/e2e_config.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * A resident who cannot see the screen, with the tactile keypad and audio guidance alone (issue 14): every existing
 * screen, followed by the message keys audio guidance spoke, in order (the e2e kiosk's speaker is silent; the
 * speech pipeline, the engine included, runs for real). Keys go in as the simulated keypad's HID reports.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

interface Spoken {
  key: string;
  language: string;
}

async function spoken(): Promise<Spoken[]> {
  const frame = await host.call('dev.spokenPrompts', {});
  return frame.ok ? (frame.value as Spoken[]) : [];
}

/** Presses a key and waits until what it set off has been spoken (the list stops growing). */
async function press(key: KeypadKeyEvent['key']): Promise<void> {
  const before = (await spoken()).length;
  expect(await host.call('dev.simulate', { action: 'key', deviceId: 'keypad', key })).toMatchObject({
    ok: true,
    value: { ok: true },
  });
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = (await spoken()).length;
        const settled = now === last && now > before;
        last = now;
        return settled;
      },
      { intervals: [100, 150, 200, 250] },
    )
    .toBe(true);
}

/** The keys spoken since `from`. */
async function keysSince(from: number): Promise<string[]> {
  return (await spoken()).slice(from).map((s) => s.key);
}

async function focused(page: Page): Promise<string | null> {
  return page.locator('[data-keypad-focus]').getAttribute('data-testid');
}

test('every existing screen with the keypad and audio alone, the prompts’ keys in order', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await host.call('dev.clearSpokenPrompts', {});

  // Attract: the first key only wakes guidance up; the kiosk says where it is and how to start, in every language.
  await press('down');
  const attract = await spoken();
  expect(attract.map((s) => `${s.language}:${s.key}`).slice(0, 3)).toEqual([
    'zh-Hant:attract.welcome',
    'zh-Hant:attract.keys',
    'zh-Hant:attract.offersNothing',
  ]);
  expect(new Set(attract.map((s) => s.language))).toEqual(new Set(['zh-Hant', 'zh-Hans', 'pt', 'en']));
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  // Enter starts, with audio guidance on: the language screen explains itself in each language, in its own voice.
  let mark = (await spoken()).length;
  await press('enter');
  await expect(page.getByTestId('language-screen')).toBeVisible();
  expect((await spoken()).slice(mark)).toEqual([
    { key: 'language.keys', language: 'zh-Hant', source: expect.any(String), at: expect.any(Number) },
    { key: 'language.keys', language: 'zh-Hans', source: expect.any(String), at: expect.any(Number) },
    { key: 'language.keys', language: 'pt', source: expect.any(String), at: expect.any(Number) },
    { key: 'language.keys', language: 'en', source: expect.any(String), at: expect.any(Number) },
  ]);

  // Down reaches each language, named in itself; Enter chooses English.
  mark = (await spoken()).length;
  for (let i = 0; i < 4; i++) await press('down');
  expect(await focused(page)).toBe('language-en');
  await expect(page.locator('[data-keypad-focus]')).toBeFocused();
  const ring = await page.locator('[data-keypad-focus]').evaluate((el) => getComputedStyle(el).outlineWidth);
  expect(Number.parseFloat(ring)).toBeGreaterThan(5);
  expect((await spoken()).slice(mark).map((s) => `${s.language}:${s.key}`)).toEqual([
    'zh-Hant:language.name',
    'zh-Hans:language.name',
    'pt:language.name',
    'en:language.name',
  ]);
  mark = (await spoken()).length;
  await press('enter');
  await expect(page.getByTestId('home-screen')).toBeVisible();
  expect(await keysSince(mark)).toEqual([
    'services.where',
    'home.title',
    'services.notAtKiosk',
    'services.notAtKiosk',
    'services.notAtKiosk',
    'services.notAtKiosk',
    'services.notAtKiosk',
    'services.notAtKiosk',
    'services.keys',
  ]);

  // The first tile, then its intro (where the service is, what it needs, how long), and Back to the services.
  mark = (await spoken()).length;
  await press('down');
  expect(await focused(page)).toBe('tile-book-appointment');
  await press('enter');
  await expect(page.getByTestId('service-intro-book-appointment')).toBeVisible();
  expect(await keysSince(mark)).toEqual([
    'services.notAtKiosk',
    'service.book-appointment.title',
    'service.book-appointment.summary',
    'serviceIntro.youWillNeed',
    'serviceIntro.needs.nothing',
    'serviceIntro.takes',
    'serviceIntro.notYetAtKiosk',
    'serviceIntro.keys',
  ]);
  mark = (await spoken()).length;
  await press('back');
  await expect(page.getByTestId('home-screen')).toBeVisible();
  expect((await keysSince(mark))[0]).toBe('services.where');

  // Help explains this step; Enter calls staff (and says so); Back closes Help.
  mark = (await spoken()).length;
  await press('help');
  await expect(page.getByTestId('help-panel')).toBeVisible();
  await press('enter');
  await expect(page.getByTestId('help-status')).not.toBeEmpty();
  expect(await keysSince(mark)).toEqual([
    'help.title',
    'help.step.home.services',
    'help.panelKeys',
    'help.title',
    'help.step.home.services',
    'help.staffCalled',
    'help.panelKeys',
  ]);
  await press('back');
  await expect(page.getByTestId('help-panel')).toBeHidden();

  // The volume keys say the new level; Back on the services finishes, and speech stops with the session.
  mark = (await spoken()).length;
  await press('volume-up');
  expect(await keysSince(mark)).toEqual(['volume.level']);
  await host.call('dev.simulate', { action: 'key', deviceId: 'keypad', key: 'back' });
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  const silent = await host.call('speech.say', { prompts: [{ key: 'home.title' }], mode: 'replace' });
  expect(silent).toMatchObject({ ok: true, value: { ok: false, error: 'silent' } });
});

test('the idle warning by keypad: it says the time left, Enter continues', async ({ page }) => {
  const short = await startKioskHost(
    e2eConfig({
      timeLimits: { idleSeconds: 31, warningSeconds: 30, maxExtensions: 10, attractSlideSeconds: 60 },
    }),
  );
  try {
    await page.goto(short.url);
    await page.getByTestId('attract-screen').click();
    await short.call('session.setAccessibility', { audio: { on: true } });
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await expect
      .poll(async () => {
        const frame = await short.call('dev.spokenPrompts', {});
        const keys = frame.ok ? (frame.value as Spoken[]).map((s) => s.key) : [];
        return keys.slice(keys.indexOf('idle.title'));
      })
      .toEqual(['idle.title', 'idle.body', 'idle.keys']);
    await short.call('dev.simulate', { action: 'key', deviceId: 'keypad', key: 'enter' });
    await expect(page.getByTestId('idle-warning')).toBeHidden();
    await expect(page.getByTestId('language-screen')).toBeVisible();
  } finally {
    await short.stop();
  }
});
