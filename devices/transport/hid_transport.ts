/**
 * The slice of a HID device that drivers need (node-hid, hidraw backend on Linux). Report ID is byte 0 of every
 * buffer, as hidapi expects (0x00 for devices without numbered reports).
 */
import type { TransferResult } from './usb_transport.js';

export interface HidTransport {
  /** Next input report, or `timeout` when none arrived in time. */
  readReport(timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  writeReport(report: Uint8Array): Promise<TransferResult<void>>;
  getFeatureReport(reportId: number, length: number): Promise<TransferResult<Uint8Array>>;
  sendFeatureReport(report: Uint8Array): Promise<TransferResult<void>>;
  close(): Promise<void>;
}
