import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedHidPort } from '../../transport/simulated_hid_transport.js';
import type { TransferResult } from '../../transport/usb_transport.js';
import { aimIdOf } from '../aim_symbology.js';
import { encodeHidPosReports, type HidPosEncodeOptions } from '../hid_pos_report.js';
import type { Symbology } from '../scan_event.js';

/**
 * The device side of a HID POS scanner (Honeywell/Zebra style, report ID 0x02, 64-byte reports). `scan`
 * sends exactly the reports such a scanner sends for one code, long codes split with the continuation bit.
 * The host may send feature report 0xFE [0x01] ("enable HID mode" on Honeywell/Youjie, per
 * WebHidBarcodeScanner); the simulator records it and otherwise ignores host traffic, as scanners do.
 */
export class HidPosScannerSimulator {
  readonly port: SimulatedHidPort;
  /** Feature reports the host sent, oldest first. */
  readonly featureReportsReceived: Uint8Array[] = [];

  constructor(
    latency?: SimulatedLatency,
    private readonly encoding: HidPosEncodeOptions = {},
  ) {
    this.port = new SimulatedHidPort(
      {
        onOutputReport: () => ({ ok: true, value: undefined }),
        onSetFeature: (report) => {
          this.featureReportsReceived.push(report);
          return { ok: true, value: undefined };
        },
        onGetFeature: (): TransferResult<Uint8Array> => ({ ok: false, error: { code: 'stall' } }),
      },
      latency,
    );
  }

  /** The reports `scan` would send, without sending them (tests cut them to make faults). */
  reportsFor(text: string, symbology: Symbology): Uint8Array[] {
    return encodeHidPosReports(aimIdOf(symbology), new TextEncoder().encode(text), this.encoding);
  }

  scan(text: string, symbology: Symbology): void {
    this.sendReports(this.reportsFor(text, symbology));
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
