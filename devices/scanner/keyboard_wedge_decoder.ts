import { err, ok } from '../../lib/result.js';
import { parseAimId, symbologyOfAim } from './aim_symbology.js';
import {
  charOfUsage,
  MODIFIER_LEFT_SHIFT,
  MODIFIER_RIGHT_SHIFT,
  MODIFIERS_NON_SHIFT,
  USAGE_CAPS_LOCK,
  USAGE_ENTER,
  USAGE_ERROR_ROLL_OVER,
  USAGE_ERROR_UNDEFINED,
  USAGE_KEYPAD_ENTER,
} from './keyboard_usage.js';
import type { ScanDecoder, ScanEvent } from './scan_event.js';

/**
 * Turns boot-keyboard reports from a keyboard-wedge scanner into codes (protocols.md §6.1):
 * `[modifiers, reserved, k1..k6]`, or 9 bytes with the report ID first (as `HidTransport` delivers them).
 *
 * A key counts when it is pressed: present in this report and absent from the previous one. So a key held
 * across reports (key repeat, or n-key rollover where the next key goes down before the last comes up)
 * counts once, while "aa" (press, release, press) counts twice. Reports holding ErrorRollOver/POSTFail/
 * ErrorUndefined carry no key state and are skipped, as Linux hid-core does. Enter ends the code.
 * A key that types nothing garbles the code; the rest is swallowed up to Enter and reported as one error.
 */

export interface KeyboardWedgeDecoderOptions {
  /** Gap after which a code without Enter is `truncated`. Wedges type a key every few ms. */
  interKeyGapMs: number;
  /** The scanner is set to prefix the AIM id (`]Q1…`): the symbology then survives the keyboard. */
  aimPrefix: boolean;
  maxCodeChars: number;
}

export const defaultKeyboardWedgeDecoderOptions: KeyboardWedgeDecoderOptions = {
  interKeyGapMs: 250,
  aimPrefix: true,
  maxCodeChars: 4096,
};

export class KeyboardWedgeDecoder implements ScanDecoder {
  private held = new Set<number>();
  private text = '';
  private garbled: string | undefined;
  private capsLock = false;
  private lastAt = 0;

  constructor(private readonly options: KeyboardWedgeDecoderOptions = defaultKeyboardWedgeDecoderOptions) {}

  get pending(): boolean {
    return this.text.length > 0 || this.garbled !== undefined;
  }

  push(report: Uint8Array, nowMs: number): ScanEvent[] {
    if (report.length !== 8 && report.length !== 9) {
      return [err({ code: 'malformed-report', detail: `length ${report.length}` })];
    }
    const keyboard = report.length === 9 ? report.subarray(1) : report;
    const modifiers = keyboard[0]!;
    const keys = [...keyboard.subarray(2)].filter((usage) => usage !== 0);
    if (keys.some((usage) => usage >= USAGE_ERROR_ROLL_OVER && usage <= USAGE_ERROR_UNDEFINED)) return [];
    const pressed = keys.filter((usage) => !this.held.has(usage));
    this.held = new Set(keys);
    if (pressed.length === 0) return [];
    this.lastAt = nowMs;
    const events: ScanEvent[] = [];
    const shift = (modifiers & (MODIFIER_LEFT_SHIFT | MODIFIER_RIGHT_SHIFT)) !== 0;
    for (const usage of pressed) {
      if (usage === USAGE_ENTER || usage === USAGE_KEYPAD_ENTER) {
        const event = this.finish();
        if (event !== undefined) events.push(event);
        continue;
      }
      if (usage === USAGE_CAPS_LOCK) {
        this.capsLock = !this.capsLock;
        continue;
      }
      if (this.garbled !== undefined) continue;
      const char =
        (modifiers & MODIFIERS_NON_SHIFT) === 0 ? charOfUsage(usage, shift, this.capsLock) : undefined;
      if (char === undefined) {
        this.garbled = `key 0x${usage.toString(16)} with modifiers 0x${modifiers.toString(16)}`;
      } else if (this.text.length >= this.options.maxCodeChars) {
        this.garbled = 'too long';
      } else {
        this.text += char;
      }
    }
    return events;
  }

  tick(nowMs: number): ScanEvent[] {
    if (!this.pending || nowMs - this.lastAt < this.options.interKeyGapMs) return [];
    this.reset();
    return [err({ code: 'truncated', detail: 'no Enter after the last key' })];
  }

  interrupt(): ScanEvent[] {
    const wasPending = this.pending;
    this.reset();
    this.held.clear();
    return wasPending ? [err({ code: 'interrupted' })] : [];
  }

  private reset(): void {
    this.text = '';
    this.garbled = undefined;
  }

  private finish(): ScanEvent | undefined {
    const text = this.text;
    const garbled = this.garbled;
    this.reset();
    if (garbled !== undefined) {
      return err({ code: garbled === 'too long' ? 'too-long' : 'unmapped-key', detail: garbled });
    }
    // A lone Enter (someone leaning on a key, a scanner's empty read) is not a code.
    if (text.length === 0) return undefined;
    let symbology = symbologyOfAim({ code: 'X', modifier: '0' });
    let data = text;
    if (this.options.aimPrefix) {
      const aim = parseAimId(new Uint8Array([...text.slice(0, 3)].map((c) => c.charCodeAt(0) & 0xff)));
      if (aim === undefined) return err({ code: 'missing-symbology-id' });
      symbology = symbologyOfAim(aim);
      data = text.slice(3);
    }
    if (data.length === 0) return err({ code: 'empty-code' });
    const bytes = new Uint8Array([...data].map((c) => c.charCodeAt(0)));
    return ok({ symbology, text: data, bytes });
  }
}
