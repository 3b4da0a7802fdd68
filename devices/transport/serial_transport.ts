/**
 * The slice of a serial port that drivers need: a byte stream both ways. Implemented over the `serialport`
 * package on a kiosk (`node_serial_transport.ts`, a USB–serial adapter such as an FTDI or CH340 cable) and in
 * memory by each serial device's simulator (`simulated_serial_transport.ts`), so the driver code under test is the
 * code that runs against hardware. Every call resolves to a value: a fault is a `TransferFailure`, never an
 * exception. A serial line has no packets: a device's answer may arrive split over several reads or merged with
 * the next one, so framing is the codec's job, not the transport's.
 */
import type { TransferResult } from './usb_transport.js';

export interface SerialTransport {
  /** Sends every byte of `data`; resolves once the operating system has handed them to the adapter. */
  write(data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>>;
  /** The next bytes the device sent (at least one), or `timeout` when nothing arrived within `timeoutMs`. */
  read(timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  /** Drops whatever arrived and was not read yet (a late answer to an abandoned command). */
  discardInput(): void;
  close(): Promise<void>;
}
