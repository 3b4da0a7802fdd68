import { expect, type Page, test } from '@playwright/test';
import type { KeypadKeyEvent } from '../../electron/rpc/guidance_contract.js';
import { developmentStaffOffice, tampered } from '../support/staff_badges.js';
import { e2eConfig } from './support/e2e_config.js';
import { pressOn, spokenOn } from './support/keypad_voice.js';
import { type KioskHost, startKioskHost } from './support/kiosk_host.js';
import { openSignIn } from './support/staff_steps.js';

/**
 * Staff sign-in with the tactile keypad and audio guidance alone (docs/accessibility.md), as audio_guidance.spec.ts
 * follows a resident: the first key wakes guidance and the badge step is spoken; a refused badge says why; the PIN
 * step says the attempts left; the PIN typed on the keypad's digits — never spoken — and Enter; a wrong PIN is said
 * with the attempts now left; the right one opens maintenance. The staff member's name and id are never spoken.
 */
const office = developmentStaffOffice();
let host: KioskHost;
test.beforeAll(async () => {
  host = await startKioskHost(e2eConfig());
});
test.afterAll(async () => host.stop());

const spoken = () => spokenOn(host);
const mark = async () => (await spoken()).length;
/** Waits until the staff sign-in keys spoken since `from` are `expected`, in order. */
async function expectSaid(from: number, expected: string[]): Promise<void> {
  await expect
    .poll(
      async () =>
        (await spoken())
          .slice(from)
          .map((s) => s.key)
          // "Checking your PIN" lasts as long as the embedded backend takes: spoken or cut short, as it happens.
          .filter((key) => key.startsWith('staff-sign-in:') && key !== 'staff-sign-in:title.checking'),
      { timeout: 20_000 },
    )
    .toEqual(expected);
}
const press = (key: KeypadKeyEvent['key']) => pressOn(host, key);
const scan = (text: string) => host.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });
async function typeOnKeypad(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await press(digit as KeypadKeyEvent['key']);
  await expect(page.getByTestId('pin-display')).toHaveText('●'.repeat(pin.length));
  await press('enter');
}

test('staff sign-in by keypad and voice: badge, refusal, wrong PIN, right PIN; no name, no digit spoken', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await openSignIn(page);

  // The first key only wakes guidance: the step is spoken.
  let from = await mark();
  await press('5');
  await expectSaid(from, [
    'staff-sign-in:title.badge',
    'staff-sign-in:badge.prompt',
    'staff-sign-in:keys.badge',
  ]);

  from = await mark();
  await scan(tampered(office.badge('S0002')));
  await expectSaid(from, [
    'staff-sign-in:title.badge',
    'staff-sign-in:badge.refused.tampered',
    'staff-sign-in:badge.prompt',
    'staff-sign-in:keys.badge',
  ]);

  from = await mark();
  await scan(office.badge('S0002', { name: 'LEONG Ka Wai 梁家偉' }));
  await expect(page.getByTestId('staff-sign-in-pin')).toBeVisible();
  await expectSaid(from, [
    'staff-sign-in:title.pin',
    'staff-sign-in:pin.attemptsLeft',
    'staff-sign-in:keys.pin',
  ]);

  from = await mark();
  await typeOnKeypad(page, '000000');
  await expect(page.getByTestId('staff-pin-problem')).toHaveAttribute('data-problem', 'wrong-pin');
  await expectSaid(from, [
    'staff-sign-in:title.pin',
    'staff-sign-in:pin.problem.wrong-pin',
    'staff-sign-in:pin.attemptsLeft',
    'staff-sign-in:keys.pin',
  ]);

  from = await mark();
  await typeOnKeypad(page, '246802');
  await expect(page.getByTestId('maintenance-menu')).toBeVisible();
  const said = (await spoken()).slice(from).map((s) => s.key);
  // Digits went to the pad unspoken (its progress is a count); nothing named the staff member.
  expect(said.filter((key) => /^[0-9]$|digit/.test(key))).toEqual([]);
  expect(said.filter((key) => key.includes('who'))).toEqual([]);
  await page.getByTestId('maintenance-leave').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
});
