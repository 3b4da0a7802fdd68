import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { SerialPort } from 'serialport';
import { ReportQueue } from '../simulator/report_queue.js';
import type { SerialTransport } from './serial_transport.js';
import type { TransferFailure, TransferResult } from './usb_transport.js';

/**
 * `SerialTransport` over the `serialport` package (13.x, native `@serialport/bindings-cpp`, prebuilt for Linux
 * x64/arm and Windows inside the npm package). Loaded with a dynamic `import()` so tests and simulated terminals
 * never load the native module.
 *
 * Which port: a configured `path` wins (on Linux prefer the stable `/dev/serial/by-id/usb-…` link to `/dev/ttyUSB0`,
 * whose number changes with plugging order); otherwise the adapter is found by its USB vendor/product id (and serial
 * number, when two identical adapters are fitted) through `SerialPort.list()`. On Linux that list runs `udevadm`,
 * and serialport spawns it without an error handler, so a missing `udevadm` (a container without udev) would throw
 * from an event the caller cannot catch (serialport/node-serialport issue #2185): we look for it first.
 */

export interface SerialPortSelector {
  path?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  baudRate: number;
}

/** How serialport reports a tty that is not there, is someone else's, or went away. */
export function serialFailureFrom(error: unknown): TransferFailure {
  const message = error instanceof Error ? error.message : String(error);
  const disconnected =
    typeof error === 'object' && error !== null && 'disconnected' in error && error.disconnected === true;
  if (
    disconnected ||
    /ENOENT|No such file|ENODEV|No such device|ENXIO|EIO|Input\/output error/i.test(message)
  )
    return { code: 'disconnected' };
  if (/timed? ?out/i.test(message)) return { code: 'timeout' };
  return { code: 'io', detail: message };
}

async function onPath(command: string): Promise<boolean> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir.length > 0);
  for (const dir of [...dirs, '/usr/bin', '/bin', '/sbin', '/usr/sbin']) {
    try {
      await access(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // Not in this directory.
    }
  }
  return false;
}

/** The tty of the adapter with this USB id, or `disconnected` when none is plugged in. */
async function findPath(selector: SerialPortSelector): Promise<TransferResult<string>> {
  if (selector.path !== undefined) return { ok: true, value: selector.path };
  if (selector.vendorId === undefined || selector.productId === undefined)
    return {
      ok: false,
      error: { code: 'io', detail: 'a serial device needs options.path or vendorId/productId' },
    };
  if (process.platform === 'linux' && !(await onPath('udevadm')))
    return { ok: false, error: { code: 'io', detail: 'udevadm is missing: set options.path instead' } };
  const { SerialPort } = await import('serialport');
  const hex = (id: number) => id.toString(16).padStart(4, '0');
  const ports = await SerialPort.list();
  const match = ports.find(
    (port) =>
      port.vendorId?.toLowerCase() === hex(selector.vendorId!) &&
      port.productId?.toLowerCase() === hex(selector.productId!) &&
      (selector.serialNumber === undefined || port.serialNumber === selector.serialNumber),
  );
  return match === undefined
    ? { ok: false, error: { code: 'disconnected' } }
    : { ok: true, value: match.path };
}

/** Opens the adapter 8N1 at `baudRate` (serial dispensers and readers use no flow control). */
export async function openSerialTransport(
  selector: SerialPortSelector,
): Promise<TransferResult<SerialTransport>> {
  try {
    const path = await findPath(selector);
    if (!path.ok) return path;
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({
      path: path.value,
      baudRate: selector.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      autoOpen: false,
    });
    const opened = await new Promise<Error | null>((resolve) => port.open((error) => resolve(error ?? null)));
    if (opened !== null) return { ok: false, error: serialFailureFrom(opened) };
    return { ok: true, value: new NodeSerialTransport(port) };
  } catch (error) {
    return { ok: false, error: serialFailureFrom(error) };
  }
}

/** Exported for tests that play the port itself (a write that never drains); the kiosk opens it through `openSerialTransport`. */
export class NodeSerialTransport implements SerialTransport {
  private readonly inbox = new ReportQueue();
  /** Set once the port closed under us (adapter pulled out) or we closed it. */
  private ended: TransferFailure | undefined;
  /**
   * Writes still waiting for the tty to drain. An unplug ends them with its own failure: a write blocked on a tty
   * whose device vanished would otherwise run into its deadline and be reported as a timeout (an I/O fault) instead
   * of the disconnection it is.
   */
  private readonly pendingWrites = new Set<(failure: TransferFailure) => void>();

  constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.inbox.push(new Uint8Array(chunk)));
    port.on('close', (error?: Error | null) =>
      this.end(error ? serialFailureFrom(error) : { code: 'disconnected' }),
    );
    // An 'error' event without a listener would crash the process; the failing call reports it anyway.
    port.on('error', (error: Error) => {
      if (serialFailureFrom(error).code === 'disconnected') this.end({ code: 'disconnected' });
    });
  }

  private end(failure: TransferFailure): void {
    if (this.ended !== undefined) return;
    this.ended = failure;
    this.inbox.failAll({ ok: false, error: failure });
    for (const fail of [...this.pendingWrites]) fail(failure);
  }

  write(data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>> {
    if (this.ended !== undefined) return Promise.resolve({ ok: false, error: this.ended });
    return new Promise((resolve) => {
      const settle = (result: TransferResult<void>) => {
        clearTimeout(timer);
        this.pendingWrites.delete(fail);
        resolve(result);
      };
      const fail = (failure: TransferFailure) => settle({ ok: false, error: failure });
      // The port may have closed under the write without the write's own callback saying so.
      const timer = setTimeout(() => fail(this.ended ?? { code: 'timeout' }), timeoutMs);
      this.pendingWrites.add(fail);
      const done = (error: Error | null | undefined) =>
        settle(error ? { ok: false, error: serialFailureFrom(error) } : { ok: true, value: undefined });
      this.port.write(Buffer.from(data), (error) => {
        if (error) done(error);
        else this.port.drain((drainError) => done(drainError));
      });
    });
  }

  async read(timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    if (this.ended !== undefined && this.inbox.length === 0) return { ok: false, error: this.ended };
    return this.inbox.take(timeoutMs);
  }

  discardInput(): void {
    while (this.inbox.length > 0) void this.inbox.take(0);
  }

  async close(): Promise<void> {
    if (this.ended === undefined) this.end({ code: 'io', detail: 'handle closed' });
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
