import type { Result } from '../../lib/result.js';
import { err, ok } from '../../lib/result.js';
import type { KeypadKey } from './keypad_keys.js';

/**
 * The HID reports of a USB tactile keypad, as the AudioNav-style keypads kiosks use send them: a keyboard
 * interface (the boot-keyboard report `[modifiers, reserved, k1..k6]`, HID Usage Tables §10, Keyboard page 0x07)
 * and, on composite models, a consumer-control report for the volume keys (Consumer page 0x0C: 0xE9 Volume
 * Increment, 0xEA Volume Decrement; a 16-bit usage, little-endian, 0 = released).
 *
 * Like every `HidTransport` buffer, byte 0 is the report ID: 0x00 for an unnumbered boot keyboard, the configured
 * id for a composite one. A key counts when it goes down (present now, absent from the previous report of the same
 * kind), so a key held across reports, or rolled over, counts once. Phantom-state usages (ErrorRollOver, POSTFail,
 * ErrorUndefined) carry no key state and are skipped, as Linux hid-core does. A key the table does not know is
 * ignored (a keypad configured with an extra key must not stop the others) and reported as `unmapped`.
 */

/** Which report ids the keypad uses: `null` for a keypad without a consumer-control collection. */
export interface KeypadReportLayout {
  keyboardReportId: number;
  consumerReportId: number | null;
}

export const compositeLayout: KeypadReportLayout = { keyboardReportId: 0x01, consumerReportId: 0x02 };
export const bootKeyboardLayout: KeypadReportLayout = { keyboardReportId: 0x00, consumerReportId: null };

const USAGE_ERROR_ROLL_OVER = 0x01;
const USAGE_ERROR_UNDEFINED = 0x03;
export const CONSUMER_VOLUME_INCREMENT = 0xe9;
export const CONSUMER_VOLUME_DECREMENT = 0xea;

/** Keyboard-page usage → key: the factory default code table (a site may load another into the keypad). */
export const defaultKeyboardTable: ReadonlyMap<number, KeypadKey> = new Map<number, KeypadKey>([
  [0x52, 'up'],
  [0x51, 'down'],
  [0x50, 'left'],
  [0x4f, 'right'],
  [0x28, 'enter'],
  [0x58, 'enter'], // keypad Enter
  [0x2a, 'back'], // Backspace
  [0x29, 'back'], // Escape
  [0x3a, 'help'], // F1
  [0x80, 'volume-up'], // Keyboard Volume Up (keypads without a consumer collection)
  [0x81, 'volume-down'],
  [0x27, '0'],
  [0x62, '0'], // keypad 0
  ...Array.from({ length: 9 }, (_, i) => [0x1e + i, String(i + 1) as KeypadKey] as const),
  ...Array.from({ length: 9 }, (_, i) => [0x59 + i, String(i + 1) as KeypadKey] as const),
]);

const consumerTable: ReadonlyMap<number, KeypadKey> = new Map<number, KeypadKey>([
  [CONSUMER_VOLUME_INCREMENT, 'volume-up'],
  [CONSUMER_VOLUME_DECREMENT, 'volume-down'],
]);

export type KeypadReportError =
  | { code: 'malformed-report'; detail: string }
  | { code: 'unexpected-report-id'; reportId: number };

/** What one report meant: the keys that went down, and usages pressed that the table does not know. */
export interface DecodedReport {
  pressed: KeypadKey[];
  unmapped: number[];
}

/**
 * A stateful decoder for one keypad: remembers which usages are held, per report kind. `push` never throws; a
 * report it cannot read is an error value and leaves the held state as it was.
 */
export class KeypadReportDecoder {
  #heldKeys = new Set<number>();
  #heldConsumer = 0;

  constructor(
    private readonly layout: KeypadReportLayout = compositeLayout,
    private readonly table: ReadonlyMap<number, KeypadKey> = defaultKeyboardTable,
  ) {}

  push(report: Uint8Array): Result<DecodedReport, KeypadReportError> {
    if (report.length === 0) return err({ code: 'malformed-report', detail: 'empty report' });
    const reportId = report[0]!;
    if (reportId === this.layout.keyboardReportId) return this.#keyboard(report);
    if (reportId === this.layout.consumerReportId) return this.#consumer(report);
    return err({ code: 'unexpected-report-id', reportId });
  }

  /** The device went away: nothing is held any more (a key down at the unplug must count again after it). */
  reset(): void {
    this.#heldKeys.clear();
    this.#heldConsumer = 0;
  }

  #keyboard(report: Uint8Array): Result<DecodedReport, KeypadReportError> {
    if (report.length !== 9) {
      return err({ code: 'malformed-report', detail: `keyboard report of ${report.length} bytes` });
    }
    const usages = [...report.subarray(3)].filter((usage) => usage !== 0);
    if (usages.some((u) => u >= USAGE_ERROR_ROLL_OVER && u <= USAGE_ERROR_UNDEFINED)) {
      return ok({ pressed: [], unmapped: [] });
    }
    const down = usages.filter((usage) => !this.#heldKeys.has(usage));
    this.#heldKeys = new Set(usages);
    return ok(this.#lookUp(down, this.table));
  }

  #consumer(report: Uint8Array): Result<DecodedReport, KeypadReportError> {
    if (report.length !== 3) {
      return err({ code: 'malformed-report', detail: `consumer report of ${report.length} bytes` });
    }
    const usage = report[1]! | (report[2]! << 8);
    const down = usage !== 0 && usage !== this.#heldConsumer ? [usage] : [];
    this.#heldConsumer = usage;
    return ok(this.#lookUp(down, consumerTable));
  }

  #lookUp(usages: number[], table: ReadonlyMap<number, KeypadKey>): DecodedReport {
    const pressed: KeypadKey[] = [];
    const unmapped: number[] = [];
    for (const usage of usages) {
      const key = table.get(usage);
      if (key === undefined) unmapped.push(usage);
      else pressed.push(key);
    }
    return { pressed, unmapped };
  }
}

/** The usage a keypad with the default code table sends for `key`, and on which report (the simulator's typing). */
export function usageOf(
  key: KeypadKey,
  layout: KeypadReportLayout,
): { report: 'keyboard' | 'consumer'; usage: number } {
  if (layout.consumerReportId !== null && (key === 'volume-up' || key === 'volume-down')) {
    return {
      report: 'consumer',
      usage: key === 'volume-up' ? CONSUMER_VOLUME_INCREMENT : CONSUMER_VOLUME_DECREMENT,
    };
  }
  for (const [usage, mapped] of defaultKeyboardTable)
    if (mapped === key) return { report: 'keyboard', usage };
  // Unreachable: the default table has a usage for every key (keypad_report.test.ts checks it).
  throw new Error(`no usage for ${key} in the default code table`);
}

/** A keyboard report holding `usages` (at most six, the boot report's array). */
export function keyboardReport(layout: KeypadReportLayout, usages: readonly number[]): Uint8Array {
  const report = new Uint8Array(9);
  report[0] = layout.keyboardReportId;
  report.set(usages.slice(0, 6), 3);
  return report;
}

/** A consumer-control report holding `usage` (0 = released). */
export function consumerReport(layout: KeypadReportLayout, usage: number): Uint8Array {
  if (layout.consumerReportId === null) throw new Error('this keypad has no consumer-control report');
  return new Uint8Array([layout.consumerReportId, usage & 0xff, (usage >> 8) & 0xff]);
}

/** The two reports one press of `key` makes: down, then up. */
export function pressReports(key: KeypadKey, layout: KeypadReportLayout): Uint8Array[] {
  const { report, usage } = usageOf(key, layout);
  return report === 'consumer'
    ? [consumerReport(layout, usage), consumerReport(layout, 0)]
    : [keyboardReport(layout, [usage]), keyboardReport(layout, [])];
}
