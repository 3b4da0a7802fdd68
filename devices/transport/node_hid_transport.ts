import type { HIDAsync } from 'node-hid';
import type { HidTransport } from './hid_transport.js';
import { transferFailureFrom } from './usb_failure.js';
import type { TransferResult } from './usb_transport.js';

/**
 * `HidTransport` over node-hid 3 (`HIDAsync`, hidraw backend on Linux). Loaded with a dynamic `import()` so
 * tests and simulated terminals never load the native module.
 */

export interface HidDeviceSelector {
  vendorId: number;
  productId: number;
  /** Pick the top-level collection with this usage page (0x8C HID POS scanner, 0x01 keyboards …). */
  usagePage?: number;
  /**
   * Whether the device numbers its input reports. hidapi's read() returns the report ID as byte 0 only for
   * numbered reports; for unnumbered ones (boot keyboards, most relay boards) we prepend 0x00 so every
   * buffer a driver sees starts with the report ID, as `HidTransport` promises.
   */
  numberedInputReports: boolean;
}

/** Finds the device by VID/PID (and usage page) and opens it through its hidraw path. */
export async function openHidTransport(selector: HidDeviceSelector): Promise<TransferResult<HidTransport>> {
  try {
    const hid = await import('node-hid');
    if (process.platform === 'linux') hid.setDriverType('hidraw');
    const candidates = await hid.devicesAsync(selector.vendorId, selector.productId);
    const match = candidates.find(
      (device) =>
        device.path !== undefined &&
        (selector.usagePage === undefined || device.usagePage === selector.usagePage),
    );
    if (match?.path === undefined) return { ok: false, error: { code: 'disconnected' } };
    const device = await hid.HIDAsync.open(match.path);
    return { ok: true, value: new NodeHidTransport(device, selector.numberedInputReports) };
  } catch (error) {
    return { ok: false, error: transferFailureFrom(error) };
  }
}

class NodeHidTransport implements HidTransport {
  private closed = false;

  constructor(
    private readonly device: HIDAsync,
    private readonly numberedInputReports: boolean,
  ) {}

  async readReport(timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    if (this.closed) return { ok: false, error: { code: 'io', detail: 'handle closed' } };
    try {
      const data = await this.device.read(timeoutMs);
      // HIDAsync.read resolves with an empty buffer when hid_read_timeout returned 0 (nothing arrived).
      if (data === undefined || data.length === 0) return { ok: false, error: { code: 'timeout' } };
      if (this.numberedInputReports) return { ok: true, value: new Uint8Array(data) };
      const report = new Uint8Array(data.length + 1);
      report.set(data, 1);
      return { ok: true, value: report };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async writeReport(report: Uint8Array): Promise<TransferResult<void>> {
    try {
      await this.device.write(Buffer.from(report));
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async getFeatureReport(reportId: number, length: number): Promise<TransferResult<Uint8Array>> {
    try {
      const data = await this.device.getFeatureReport(reportId, length);
      return { ok: true, value: new Uint8Array(data) };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async sendFeatureReport(report: Uint8Array): Promise<TransferResult<void>> {
    try {
      await this.device.sendFeatureReport(Buffer.from(report));
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: transferFailureFrom(error) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.device.close().catch(() => {});
  }
}
