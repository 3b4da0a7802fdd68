import { expect, type Page, test } from '@playwright/test';
import type { KeypadKeyEvent } from '../../electron/rpc/guidance_contract.js';
import { e2eConfig } from './support/e2e_config.js';
import { pressOn, type Spoken, spokenOn } from './support/keypad_voice.js';
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

const spoken = () => spokenOn(host);
const press = (key: KeypadKeyEvent['key']) => pressOn(host, key);

/** Waits until what was spoken since `from` is exactly `expected` (as `language:key` when asked), and returns it. */
async function expectSpoken(from: number, expected: string[], withLanguage = false): Promise<void> {
  await expect
    .poll(
      async () => (await spoken()).slice(from).map((s) => (withLanguage ? `${s.language}:${s.key}` : s.key)),
      {
        timeout: 20_000,
      },
    )
    .toEqual(expected);
}

const mark = async () => (await spoken()).length;

interface Tile {
  id: string;
  available: boolean;
  unavailableBecause?: 'devices' | 'backend';
  flowReady: boolean;
  needs: string[];
}

/** The terminal's tiles as the kiosk reports them (a flow that lands makes its tile ready: the spec follows). */
async function tiles(): Promise<Tile[]> {
  const frame = await host.call('kiosk.snapshot', {});
  return frame.ok ? (frame.value as { services: Tile[] }).services : [];
}

/** What a tile says when the keypad reaches it (renderer/flows/home/services_step.tsx). */
function tileKey(tile: Tile): string {
  if (!tile.available)
    return tile.unavailableBecause === 'backend' ? 'services.backendUnreachable' : 'services.unavailable';
  return tile.flowReady ? `service.${tile.id}.title` : 'services.notAtKiosk';
}

/** The services screen: where the resident is, each service as its tile says it, the keys. */
const servicesScreen = async () => [
  'services.where',
  'home:services.title',
  ...(await tiles()).map(tileKey),
  'services.keys',
];

async function focused(page: Page): Promise<string | null> {
  return page.locator('[data-keypad-focus]').getAttribute('data-testid');
}

test('every existing screen with the keypad and audio alone, the prompts’ keys in order', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await host.call('dev.clearSpokenPrompts', {});

  // Attract: the first key only wakes guidance up; the kiosk says where it is, how to start and what it offers
  // (the services whose flow is at the kiosk and can serve now, as the slides show them), in every language
  // (Traditional Chinese first in Macau).
  const offered = (await tiles()).filter((t) => t.available && t.flowReady).map((t) => t.id);
  expect(offered.length).toBeGreaterThan(0);
  await press('down');
  await expectSpoken(
    0,
    ['zh-Hant', 'zh-Hans', 'pt', 'en'].flatMap((l) => [
      `${l}:attract.welcome`,
      `${l}:attract.keys`,
      `${l}:attract.offers`,
      ...offered.map((id) => `${l}:service.${id}.title`),
    ]),
    true,
  );
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  // Enter starts, with audio guidance on: the language screen explains itself in each language, in its own voice.
  let from = await mark();
  await press('enter');
  await expect(page.getByTestId('language-screen')).toBeVisible();
  await expectSpoken(
    from,
    ['zh-Hant:language.keys', 'zh-Hans:language.keys', 'pt:language.keys', 'en:language.keys'],
    true,
  );

  // Down reaches each language, named in itself (each heard before the next key: a quicker key cuts it short);
  // the focus is visible; Enter chooses English.
  for (const language of ['zh-Hant', 'zh-Hans', 'pt', 'en']) {
    from = await mark();
    await press('down');
    await expectSpoken(from, [`${language}:language.name`], true);
  }
  expect(await focused(page)).toBe('language-en');
  await expect(page.locator('[data-keypad-focus]')).toBeFocused();
  const ring = await page.locator('[data-keypad-focus]').evaluate((el) => getComputedStyle(el).outlineWidth);
  expect(Number.parseFloat(ring)).toBeGreaterThan(5);
  from = await mark();
  await press('enter');
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await expectSpoken(from, await servicesScreen());

  // The first tile, then its intro (what the service is, what it needs, how long), and Back to the services.
  from = await mark();
  const [first] = await tiles();
  if (!first) throw new Error('the e2e terminal offers no service');
  await press('down');
  await expectSpoken(from, [tileKey(first)]);
  expect(await focused(page)).toBe(`tile-${first.id}`);
  await press('enter');
  await expect(page.getByTestId(`service-intro-${first.id}`)).toBeVisible();
  await expectSpoken(from, [
    tileKey(first),
    `service.${first.id}.title`,
    `service.${first.id}.summary`,
    'home:serviceIntro.youWillNeed',
    ...first.needs.map((need) => `home:serviceIntro.needs.${need}`),
    'home:serviceIntro.takes',
    ...(first.flowReady ? [] : ['home:serviceIntro.notYetAtKiosk']),
    first.flowReady && first.available ? 'serviceIntro.keysStart' : 'serviceIntro.keys',
  ]);
  from = await mark();
  await press('back');
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await expectSpoken(from, await servicesScreen());

  // Help explains this step; Enter calls staff (and says so); Back closes Help.
  from = await mark();
  await press('help');
  await expect(page.getByTestId('help-panel')).toBeVisible();
  await expectSpoken(from, ['help.title', 'help.step.home.services', 'help.panelKeys']);
  await press('enter');
  await expect(page.getByTestId('help-status')).not.toBeEmpty();
  await expectSpoken(from, [
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
  from = await mark();
  await press('volume-up');
  await expect.poll(async () => (await spoken()).slice(from).map((s) => s.key)).toContain('volume.level');
  await press('back');
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  const silent = await host.call('speech.say', {
    prompts: [{ key: 'home:services.title' }],
    mode: 'replace',
  });
  expect(silent).toMatchObject({ ok: true, value: { ok: false, error: { code: 'silent' } } });
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
