import type { ScannerState } from '../../devices/device_status.js';
import { BarcodeScannerDriver } from '../../devices/scanner/barcode_scanner_driver.js';
import { HidPosDecoder } from '../../devices/scanner/hid_pos_decoder.js';
import type { ScanEvent } from '../../devices/scanner/scan_event.js';
import { HidPosScannerSimulator } from '../../devices/scanner/simulator/hid_pos_scanner_simulator.js';
import { DeviceConnection } from '../../devices/transport/device_connection.js';

/** A HID POS scanner simulator wired to a real driver, with the events and statuses it produced. */
export function hidPosScannerRig(options: { gapMs?: number; backoffMs?: number } = {}) {
  const simulator = new HidPosScannerSimulator();
  const connection = new DeviceConnection(() => simulator.port.openTransport(), {
    initialMs: options.backoffMs ?? 10,
    maxMs: 40,
    factor: 2,
  });
  const driver = new BarcodeScannerDriver(
    connection,
    new HidPosDecoder({ interReportGapMs: options.gapMs ?? 80, maxCodeBytes: 8192, stripTrailingCr: true }),
    { readTimeoutMs: 20, now: () => performance.now() },
  );
  const events: ScanEvent[] = [];
  const states: ScannerState['state'][] = [];
  driver.onScan((event) => events.push(event));
  driver.onStatus((state) => states.push(state.state));
  return { simulator, connection, driver, events, states };
}

/** Polls `condition` every few ms until true, failing after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
