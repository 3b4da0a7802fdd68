/**
 * The slice of a USB device that drivers need. Implemented over the `usb` package on a kiosk and in memory by
 * each device's simulator, so the driver code under test is the code that runs against hardware.
 * Every call resolves to a value: a fault is a `TransferFailure`, never an exception.
 */

import type { Result } from '../../lib/result.js';
export type TransferFailure =
  | { code: 'disconnected' }
  | { code: 'timeout' }
  | { code: 'stall' }
  | { code: 'io'; detail: string };

export type TransferResult<T> = Result<T, TransferFailure>;

export interface ControlSetup {
  /** bmRequestType, e.g. 0xA1 = device-to-host | class | interface. */
  requestType: number;
  request: number;
  value: number;
  index: number;
}

export interface UsbTransport {
  /** Bulk or interrupt OUT to the endpoint the driver claimed. */
  bulkOut(data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>>;
  /** Bulk IN: resolves with up to `maxLength` bytes (one USB transfer). */
  bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  /** Interrupt IN (e.g. CCID NotifySlotChange); `timeout` when nothing arrived. */
  interruptIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  controlIn(setup: ControlSetup, length: number, timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  controlOut(setup: ControlSetup, data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>>;
  close(): Promise<void>;
}
