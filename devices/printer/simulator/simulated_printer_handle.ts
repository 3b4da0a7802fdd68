/**
 * The host's handle on a simulated USB printer: what `usb` gives after opening the device and claiming its
 * printer-class interface. Bound to one plug-in of the device: once it is unplugged, every transfer on this
 * handle fails with `disconnected`, like a libusb handle, even after the device is plugged back in.
 */
import type { ControlSetup, TransferResult, UsbTransport } from '../../transport/usb_transport.js';

/** The device side a handle talks to. */
export interface SimulatedPrinterDevice {
  isLive(generation: number): boolean;
  receive(data: Uint8Array, generation: number, timeoutMs: number): Promise<TransferResult<void>>;
  reply(maxLength: number, generation: number, timeoutMs: number): Promise<TransferResult<Uint8Array>>;
  control(setup: ControlSetup, length: number): TransferResult<Uint8Array>;
}

const disconnected = { ok: false, error: { code: 'disconnected' } } as const;

export class SimulatedPrinterHandle implements UsbTransport {
  private closed = false;

  constructor(
    private readonly device: SimulatedPrinterDevice,
    private readonly generation: number,
  ) {}

  private live(): boolean {
    return !this.closed && this.device.isLive(this.generation);
  }

  async bulkOut(data: Uint8Array, timeoutMs: number): Promise<TransferResult<void>> {
    if (!this.live()) return disconnected;
    return this.device.receive(data, this.generation, timeoutMs);
  }

  async bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    if (!this.live()) return disconnected;
    return this.device.reply(maxLength, this.generation, timeoutMs);
  }

  async interruptIn(): Promise<TransferResult<Uint8Array>> {
    // The printer class has no interrupt endpoint.
    return this.live() ? { ok: false, error: { code: 'stall' } } : disconnected;
  }

  async controlIn(setup: ControlSetup, length: number): Promise<TransferResult<Uint8Array>> {
    if (!this.live()) return disconnected;
    return this.device.control(setup, length);
  }

  async controlOut(setup: ControlSetup): Promise<TransferResult<void>> {
    if (!this.live()) return disconnected;
    const result = this.device.control(setup, 0);
    return result.ok ? { ok: true, value: undefined } : result;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
