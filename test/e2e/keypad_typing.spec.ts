import { expect, test } from '@playwright/test';
import type { KeypadKeyEvent } from '../../electron/rpc/guidance_contract.js';
import { e2eConfig, longSessionTimeLimits } from './support/e2e_config.js';
import { KeypadWalk } from './support/keypad_walk.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';

/**
 * Typing on the on-screen keyboard with the tactile keypad and audio guidance alone (issue 14,
 * docs/accessibility.md "Typing with the keypad"): Enter goes into the keyboard, the arrows move over its keys row by
 * row, each key said by what it types, Enter types it, Back comes out saying what was typed. Nothing on the screen is
 * tapped; the screen is read only to see where the keypad's ring is, as a sighted helper beside the resident would.
 */
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(
    e2eConfig({
      timeLimits: longSessionTimeLimits,
    }),
  );
});
test.afterAll(async () => host.stop());

type Key = KeypadKeyEvent['key'];

/** Presses `key` and waits until `expected` was heard since (words of the screen may come between). */
async function pressHearing(walk: KeypadWalk, key: Key, expected: string): Promise<string[]> {
  const from = await walk.mark();
  await walk.press(key);
  await expect
    .poll(async () => (await walk.heardKeys()).slice(from).includes(expected), {
      timeout: 30_000,
      message: `heard ${expected} after ${key}`,
    })
    .toBe(true);
  return (await walk.heardKeys()).slice(from);
}

/** The first message key the ring's element carries (what the keypad says on reaching it). */
const ringSays = (walk: KeypadWalk) =>
  walk.page
    .locator('[data-keypad-focus]')
    .first()
    .evaluate((el) => (JSON.parse(el.getAttribute('data-speak') ?? '[]') as { key: string }[])[0]?.key ?? '');

/**
 * Over the keyboard's keys until the ring is on `testId`: down to the row that holds it, then right along the row,
 * hearing each key as it is reached. Answers what each key reached said.
 */
async function keyTo(walk: KeypadWalk, testId: string): Promise<string[]> {
  const said: string[] = [];
  for (let i = 0; i < 40; i++) {
    if ((await walk.focused()) === testId) return said;
    const inRow = await walk.page
      .locator('[data-keypad-focus]')
      .first()
      .evaluate(
        (ring, id) => ring.closest('[data-grid-row]')?.querySelector(`[data-testid="${id}"]`) != null,
        testId,
      );
    const from = await walk.mark();
    await walk.press(inRow ? 'right' : 'down');
    await expect.poll(async () => (await walk.heardKeys()).length, { timeout: 30_000 }).toBeGreaterThan(from);
    const says = await ringSays(walk);
    await expect
      .poll(async () => (await walk.heardKeys()).slice(from).includes(says), { timeout: 30_000 })
      .toBe(true);
    said.push(says);
  }
  throw new Error(`the keypad never reached ${testId}`);
}

/** What the keypad says for a key of the keyboard: a letter or a digit by its own message, a symbol by name. */
const says = (key: string) =>
  key === '-'
    ? 'keyboard.symbol.dash'
    : /[0-9]/.test(key)
      ? `keyboard.digit.${key}`
      : `keyboard.letter.${key}`;

/** Each key reached and typed with Enter, answered with what it typed. */
async function typeKeys(walk: KeypadWalk, keys: string[]): Promise<void> {
  for (const key of keys) {
    await keyTo(walk, `key-${key}`);
    await pressHearing(walk, 'enter', says(key));
  }
}

test('book by searching, in Traditional Chinese (Cantonese): pinyin typed by keypad, a candidate, a result', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const walk = new KeypadWalk(page, host);
  await walk.startService('zh-Hant', 'book-appointment');
  await walk.hear(walk.started, ['book-appointment:site.title', 'booking.keys.choose']);
  await walk.focusTo('site-macau');
  await walk.pressAndHear('enter', ['book-appointment:departments.title.macau', 'booking.keys.departments']);
  expect(await walk.focusTo('open-search')).toEqual([['book-appointment:departments.search']]);
  await walk.pressAndHear('enter', ['book-appointment:search.title', 'booking.keys.search']);

  // Enter goes into the keyboard (the step's default): pinyin first in a Chinese session, how the keys work, Q.
  await walk.pressAndHear('enter', ['keyboard.layer.pinyin', 'keyboard.how', says('Q')]);
  expect(await walk.focused()).toBe('key-Q');
  // 續期 is xuqi: every letter reached with the arrows, each said, typed with Enter and said back.
  const reached = await keyTo(walk, 'key-X');
  expect(reached.every((key) => key.startsWith('keyboard.letter.'))).toBe(true);
  expect(reached.at(-1)).toBe(says('X'));
  await pressHearing(walk, 'enter', says('X'));
  await typeKeys(walk, ['U', 'Q', 'I']);
  await expect(page.getByTestId('keyboard-composition')).toHaveText('xuqi');
  // Pinyin being typed is searched already: the results found are said after the key, not the whole step again.
  await expect(page.getByTestId('search-results')).toContainText('續期');
  const heard = await walk.heardKeys();
  expect(heard.slice(heard.lastIndexOf('booking.keys.search'))).toContain('book-appointment:services.lead');

  // The candidates are the row above the letters: up to them, each said as its characters.
  await expect(page.getByTestId('keyboard-candidate-0')).toHaveText('續期');
  await pressHearing(walk, 'up', 'keyboard.candidate');
  for (let i = 0; i < 8 && (await walk.focused()) !== 'keyboard-candidate-0'; i++)
    await pressHearing(walk, 'left', 'keyboard.candidate');
  expect(await walk.focused()).toBe('keyboard-candidate-0');
  await pressHearing(walk, 'enter', 'keyboard.chose');
  await expect(page.getByTestId('search-field')).toHaveText('續期');

  // Back comes out of the keyboard saying what was typed; the arrows then reach the services found.
  const left = await pressHearing(walk, 'back', 'keyboard.word');
  expect(left.slice(left.indexOf('keyboard.left'))).toEqual([
    'keyboard.left',
    'keyboard.typed',
    'keyboard.word',
  ]);
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', '續期');
  const first = await page.locator('[data-testid="service-list"] button').first();
  const service = (await first.getAttribute('data-testid')) ?? '';
  expect(service).toMatch(/^service-/);
  const said = await walk.focusTo(service);
  expect(said.at(-1)?.[0]).toBe('booking.name');
  await walk.pressAndHear(
    'enter',
    ['booking.name', 'booking.name', 'book-appointment:service.bring'],
    'booking.keys.service',
  );
  await expect(page.getByTestId('book-appointment-service')).toBeVisible();
  await expect(page.getByTestId('start-booking')).toBeVisible();
});

test('check in by typing the booking reference, in Portuguese, by keypad and voice', async ({ page }) => {
  test.setTimeout(300_000);
  // A fresh backend: its sample booking is in the quarter hour running now, so check-in is open.
  const fresh = await startKioskHost(e2eConfig());
  try {
    const walk = new KeypadWalk(page, fresh);
    await walk.startCheckIn('pt');
    await walk.focusTo('type-reference');
    await walk.pressAndHear('enter', [
      'check-in:reference.title',
      'check-in:reference.lead',
      'booking.keys.reference',
    ]);

    // Into the keyboard: letters and digits, the digits' row first.
    await walk.pressAndHear('enter', ['keyboard.layer.latin', 'keyboard.how', says('1')]);
    expect(await walk.focused()).toBe('key-1');
    // SAMP-0001 (the sample slip's reference, as printed under its QR code): letters and the dash on the keyboard…
    await typeKeys(walk, ['S', 'A', 'M', 'P', '-']);
    // …the digits with the keypad's number keys (this keypad has arrows, so they are free to type).
    for (const digit of ['0', '0', '0', '1'] as const) await pressHearing(walk, digit, says(digit));
    await expect(page.getByTestId('reference-field')).toHaveText('SAMP-0001');

    // Back says what was typed, spelled: S A M P dash 0 0 0 1. Enter goes back in where it was left.
    const spelled = await pressHearing(walk, 'back', 'keyboard.typed');
    await expect
      .poll(async () => {
        const heard = (await walk.heardKeys()).slice((await walk.heardKeys()).lastIndexOf('keyboard.left'));
        return heard.slice(0, 11);
      })
      .toEqual(['keyboard.left', 'keyboard.typed', ...[...'SAMP-0001'].map(says)]);
    expect(spelled).toContain('keyboard.left');
    expect(await walk.focused()).toBe('keyboard');
    await expect(page.locator('[data-keypad-focus]')).toBeFocused();
    await walk.pressAndHear('enter', ['keyboard.layer.latin', 'keyboard.symbol.dash']);
    expect(await walk.focused()).toBe('key--');

    // Procurar is the last key of the bottom row: Enter there finds the booking and checks in.
    await keyTo(walk, 'key-enter');
    const from = await walk.mark();
    await walk.press('enter');
    await walk.hearCheckedIn(from);
    await walk.press('enter');
    await expect(page.getByTestId('attract-screen')).toBeVisible();
  } finally {
    await fresh.stop();
  }
});
