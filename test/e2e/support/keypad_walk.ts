import { expect, type Page } from '@playwright/test';
import type { KeypadKeyEvent } from '../../../electron/rpc/guidance_contract.js';
import { pressOn, spokenOn } from './keypad_voice.js';
import type { KioskHost } from './kiosk_host.js';

type Key = KeypadKeyEvent['key'];

/**
 * A resident who cannot see the screen, walking a flow with the tactile keypad and audio guidance alone: keys go
 * in as the simulated keypad's HID reports, devices are used as a resident uses them (a document on the reader, a
 * code under the scanner, a door closed), and nothing on the screen is ever tapped. What the resident heard is
 * followed by message key (`dev.spokenPrompts`); the test reads the screen only to check where the keypad's focus
 * is, as a sighted helper beside them would.
 *
 * Speech is asynchronous and a key cuts short what is being said, so each step waits until the prompts it expects
 * were heard, in order, before the next key. A `working` step (the kiosk asking the government system) may be said
 * or cut short depending on how long the answer takes: its words are left out of what is compared.
 */
const transient = new RegExp(
  [
    String.raw`^booking:working\.`,
    String.raw`^identify:reading\.`,
    '^identify:checking$',
    '^locker-pickup:(checking|opening|recording)$',
    String.raw`^collect-document:(finding|releasing\.preparing|releasing\.confirming|keys\.waiting)$`,
    String.raw`^proof-of-identity:(preparing|printing)\.`,
    String.raw`^proof-of-identity:keys\.waiting$`,
    String.raw`^print\.printing\.`,
    String.raw`^locker-apply:(loading|sending)\.`,
    String.raw`^locker-apply:keys\.waiting$`,
    String.raw`^publications:(loading|paying|keys\.waiting)$`,
    String.raw`^publications:dispensing\.`,
  ].join('|'),
);

export class KeypadWalk {
  constructor(
    readonly page: Page,
    readonly host: KioskHost,
  ) {}

  /** Every prompt heard so far, as `key`. */
  async heardKeys(): Promise<string[]> {
    return (await spokenOn(this.host)).map((s) => s.key);
  }

  async mark(): Promise<number> {
    return (await spokenOn(this.host)).length;
  }

  async press(key: Key): Promise<void> {
    await pressOn(this.host, key);
  }

  /**
   * Waits until, since `from`, the resident heard `keys` one after the other (transient words aside) — a screen
   * said again after an overlay cut it short counts — and answers the keys heard since `from`.
   */
  async hear(from: number, keys: string[], timeout = 30_000): Promise<string[]> {
    const heard = async () => (await this.heardKeys()).slice(from).filter((k) => !transient.test(k));
    const run = (said: string[]) => {
      const same = (at: number) => keys.every((key, i) => said[at + i] === key);
      const at = said.findIndex((key, i) => key === keys[0] && same(i));
      return at < 0 ? said : keys;
    };
    await expect
      .poll(async () => run(await heard()), { timeout, message: `heard ${keys.join(', ')}` })
      .toEqual(keys);
    return heard();
  }

  /** Presses `key` and waits to hear `keys` (then `last`, when the words between depend on the terminal). */
  async pressAndHear(key: Key, keys: string[], last?: string): Promise<string[]> {
    const from = await this.mark();
    await this.press(key);
    const heard = await this.hear(from, keys);
    if (last === undefined) return heard;
    await expect
      .poll(async () => (await this.heardKeys()).slice(from).includes(last), { timeout: 30_000 })
      .toBe(true);
    return (await this.heardKeys()).slice(from).filter((k) => !transient.test(k));
  }

  /** What the keypad's focus is on now (its test id), as a sighted helper would see the ring. */
  async focused(): Promise<string | null> {
    const ring = this.page.locator('[data-keypad-focus]');
    return (await ring.count()) === 0 ? null : ring.first().getAttribute('data-testid');
  }

  /**
   * Moves the focus down until it is on `testId`, hearing each action as it is reached; answers what each said.
   * Fails when a whole round of the screen's actions passes without reaching it.
   */
  async focusTo(testId: string, max = 60): Promise<string[][]> {
    const said: string[][] = [];
    for (let i = 0; i < max; i++) {
      const from = await this.mark();
      await this.press('down');
      await expect.poll(async () => (await this.mark()) > from, { timeout: 30_000 }).toBe(true);
      // The ring moved; then every prompt the action carries is heard before the next key (a key cuts speech short).
      await expect.poll(() => this.focused(), { timeout: 10_000 }).not.toBeNull();
      const now = await this.focused();
      const carried = await this.page
        .locator('[data-keypad-focus]')
        .first()
        .evaluate((el) => (JSON.parse(el.getAttribute('data-speak') ?? '[]') as unknown[]).length);
      await expect
        .poll(async () => (await this.heardKeys()).slice(from).length, { timeout: 30_000 })
        .toBeGreaterThanOrEqual(carried);
      const keys = (await this.heardKeys()).slice(from);
      said.push(keys);
      if (now === testId) return said;
    }
    throw new Error(`the keypad never reached ${testId}`);
  }

  /** Digits on the keypad, one by one, each answered (never with the digit itself). */
  async typeDigits(digits: string, progressKey: string): Promise<void> {
    for (const digit of digits) {
      const from = await this.mark();
      await this.press(digit as Key);
      await this.hear(from, [progressKey]);
    }
  }

  /**
   * From the attract loop to the first step of `service`: the first key wakes guidance, Enter starts, the arrows
   * reach the language (each named in itself), Enter; the arrows reach the service's tile, Enter opens its intro,
   * Enter starts it.
   */
  async startService(language: 'zh-Hant' | 'zh-Hans' | 'pt' | 'en', service: string): Promise<void> {
    await this.page.goto(this.host.url);
    await expect(this.page.getByTestId('attract-screen')).toBeVisible();
    await this.host.call('dev.clearSpokenPrompts', {});
    await this.pressAndHear('down', ['attract.welcome', 'attract.keys', 'attract.offers']);
    await this.pressAndHear('enter', ['language.keys', 'language.keys', 'language.keys', 'language.keys']);
    await this.focusTo(`language-${language}`);
    await this.pressAndHear('enter', ['services.where', 'home:services.title'], 'services.keys');
    await this.focusTo(`tile-${service}`);
    await this.pressAndHear(
      'enter',
      [`service.${service}.title`, `service.${service}.summary`],
      'serviceIntro.keysStart',
    );
    const from = await this.mark();
    await this.press('enter');
    await expect(this.page.getByTestId(`service-intro-${service}`)).toBeHidden();
    this.started = from;
  }

  /** Where the flow's own words start (just before Enter on the service's intro). */
  started = 0;

  /** From the attract loop to check-in's scan step, its words heard. */
  async startCheckIn(language: 'zh-Hant' | 'zh-Hans' | 'pt' | 'en'): Promise<void> {
    await this.startService(language, 'check-in');
    await this.hear(this.started, [
      'check-in:scan.title.check-in',
      'check-in:scan.how',
      'booking.keys.scan.check-in',
    ]);
  }

  /**
   * Since `from`, checked in on time: the ticket's words, the print overlay over them, and the step said again
   * once the overlay goes by itself, the ticket printed.
   */
  async hearCheckedIn(from: number): Promise<void> {
    await this.hear(from, ['check-in:ticket.title.now', 'booking.queueNumber', 'check-in:ticket.goTo']);
    await this.hear(from, ['print.done.ticket', 'print.keysClose']);
    await this.hear(from, [
      'check-in:ticket.title.now',
      'booking.queueNumber',
      'check-in:ticket.goTo',
      'booking:paper.ticket.printed',
      'booking.keys.finish',
    ]);
  }
}

/** Nothing that could be a PIN's digit was ever said: the pad's progress is a count ("3 digits entered"). */
export function expectNoDigitSpoken(keys: string[]): void {
  expect(keys.filter((key) => /^[0-9]$|digit(?!s?\.)/i.test(key))).toEqual([]);
}

/**
 * The identify step with the sample passport and its PIN typed on the keypad: the passport on the reader, Enter on
 * "This is me", the passport taken back, six digits (each answered with a count, never the digit). The step's words
 * are heard from `from` (the flow's start unless the flow asks something first); Enter, after, sends the PIN.
 */
export async function identifyByKeypad(
  walk: KeypadWalk,
  purpose: string,
  from = walk.started,
): Promise<void> {
  const placeDocument = (sample: string | null) =>
    walk.host.call('dev.simulate', { action: 'document', deviceId: 'document-reader', sample });
  await walk.hear(from, [`identify:stageTitle.place`, `identify:purpose.${purpose}`]);
  const placed = await walk.mark();
  await placeDocument('passport-macao');
  await walk.hear(placed, [
    'identify:stageTitle.confirm',
    `identify:purpose.${purpose}`,
    'identify:confirm.question',
    'identify:confirm.document.passport',
    'identify.confirmUnseen',
    'identify.keys.confirm',
  ]);
  await walk.pressAndHear(
    'enter',
    ['identify:stageTitle.pin', `identify:purpose.${purpose}`, 'identify:pin.prompt'],
    'identify.keys.pin',
  );
  await placeDocument(null);
  const typing = await walk.mark();
  await walk.typeDigits('123456', 'pinPad.progress');
  const said = (await walk.heardKeys()).slice(typing);
  expect(said).toEqual(Array.from({ length: 6 }, () => 'pinPad.progress'));
}
