import { err, ok, type Result } from '../../../lib/result.js';
import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedHidPort } from '../../transport/simulated_hid_transport.js';
import type { TransferResult } from '../../transport/usb_transport.js';
import { aimIdOf } from '../aim_symbology.js';
import { MODIFIER_LEFT_SHIFT, USAGE_ENTER, usageOfChar } from '../keyboard_usage.js';
import type { Symbology } from '../scan_event.js';

/**
 * The device side of a keyboard-wedge scanner: a boot keyboard typing the code then Enter. Reports are
 * unnumbered, so each buffer is `00` (report ID, hidapi convention) + the 8-byte boot report.
 *
 * `keying: 'press-release'` sends key-down then an all-zero release per character (protocols.md §6.1);
 * `'rollover'` presses the next key before releasing the previous one, as fast scanners with n-key
 * rollover do, which the decoder must not count twice.
 */

export interface KeyboardWedgeSimulatorOptions {
  aimPrefix: boolean;
  keying: 'press-release' | 'rollover';
}

export type WedgeTypingError = { code: 'not-typeable'; char: string };
export type WedgeScanResult = Result<void, WedgeTypingError>;

function bootReport(modifiers: number, keys: readonly number[]): Uint8Array {
  const report = new Uint8Array(9);
  report[1] = modifiers;
  report.set(keys.slice(0, 6), 3);
  return report;
}

export class KeyboardWedgeScannerSimulator {
  readonly port: SimulatedHidPort;

  constructor(
    latency?: SimulatedLatency,
    private readonly options: KeyboardWedgeSimulatorOptions = { aimPrefix: true, keying: 'press-release' },
  ) {
    this.port = new SimulatedHidPort(
      {
        // The host may set keyboard LEDs (output report); a scanner ignores them.
        onOutputReport: () => ok(undefined),
        onSetFeature: (): TransferResult<void> => err({ code: 'stall' }),
        onGetFeature: (): TransferResult<Uint8Array> => err({ code: 'stall' }),
      },
      latency,
    );
  }

  /** The reports typing this code would send; an error for characters a US keyboard cannot type. */
  reportsFor(text: string, symbology: Symbology): Result<Uint8Array[], WedgeTypingError> {
    const typed = this.options.aimPrefix ? aimIdOf(symbology) + text : text;
    const keys: { usage: number; shift: boolean }[] = [];
    for (const char of typed) {
      const key = usageOfChar(char);
      if (key === undefined) return err({ code: 'not-typeable', char });
      keys.push(key);
    }
    keys.push({ usage: USAGE_ENTER, shift: false });
    const reports: Uint8Array[] = [];
    let previous: { usage: number; shift: boolean } | undefined;
    for (const key of keys) {
      const modifiers = key.shift ? MODIFIER_LEFT_SHIFT : 0;
      const canOverlap =
        this.options.keying === 'rollover' &&
        previous !== undefined &&
        previous.shift === key.shift &&
        previous.usage !== key.usage;
      if (previous !== undefined && !canOverlap) reports.push(bootReport(0, []));
      reports.push(bootReport(modifiers, canOverlap && previous ? [previous.usage, key.usage] : [key.usage]));
      if (canOverlap) reports.push(bootReport(modifiers, [key.usage]));
      previous = key;
    }
    reports.push(bootReport(0, []));
    return ok(reports);
  }

  scan(text: string, symbology: Symbology): WedgeScanResult {
    const built = this.reportsFor(text, symbology);
    if (!built.ok) return built;
    this.sendReports(built.value);
    return ok();
  }

  sendReports(reports: readonly Uint8Array[]): void {
    for (const report of reports) this.port.sendInputReport(report);
  }

  get plugged(): boolean {
    return this.port.plug.plugged;
  }

  unplug(): void {
    this.port.unplug();
  }

  replug(): void {
    this.port.replug();
  }
}
