import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedHidPort } from '../../transport/simulated_hid_transport.js';
import type { TransferResult } from '../../transport/usb_transport.js';
import type { KeypadKey } from '../keypad_keys.js';
import { type KeypadReportLayout, pressReports } from '../keypad_report.js';

/**
 * The device side of a tactile keypad with the factory code table: a press sends the key-down report and the
 * all-up report a real keypad sends (on the keyboard or, for volume on a composite keypad, the consumer-control
 * report). The host may set keyboard LEDs with an output report; a keypad without LEDs ignores it.
 */
export class KeypadSimulator {
  readonly port: SimulatedHidPort;

  constructor(
    readonly layout: KeypadReportLayout,
    latency?: SimulatedLatency,
  ) {
    this.port = new SimulatedHidPort(
      {
        onOutputReport: () => ({ ok: true, value: undefined }),
        onSetFeature: (): TransferResult<void> => ({ ok: false, error: { code: 'stall' } }),
        onGetFeature: (): TransferResult<Uint8Array> => ({ ok: false, error: { code: 'stall' } }),
      },
      latency,
    );
  }

  /** A resident presses `key` once. */
  press(key: KeypadKey): void {
    this.sendReports(pressReports(key, this.layout));
  }

  /** Raw reports, for tests that make faults (a truncated report, a stray report id). */
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
