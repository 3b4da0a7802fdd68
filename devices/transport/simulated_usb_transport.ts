import { err, ok } from '../../lib/result.js';
import { noLatency, type SimulatedLatency, waitLatency } from '../simulator/latency.js';
import { ReportQueue } from '../simulator/report_queue.js';
import { disconnectedResult, SimulatedPort } from '../simulator/simulated_port.js';
import type { ControlSetup, TransferResult, UsbTransport } from './usb_transport.js';

/**
 * The device side of a simulated USB device (a printer with a paper sensor, a CCID reader …): it receives the
 * host's bulk-OUT and control transfers. Bulk-IN and interrupt-IN data the device queues itself with
 * `SimulatedUsbPort.sendBulkIn` / `sendInterruptIn`, typically from inside `onBulkOut` as its answer.
 */
export interface UsbDeviceBehaviour {
  onBulkOut(data: Uint8Array): TransferResult<void>;
  onControlIn(setup: ControlSetup, length: number): TransferResult<Uint8Array>;
  onControlOut(setup: ControlSetup, data: Uint8Array): TransferResult<void>;
}

const disconnected = disconnectedResult;

/** The port a simulated USB device is plugged into; see `SimulatedHidPort` for the plug semantics. */
export class SimulatedUsbPort extends SimulatedPort<SimulatedUsbHandle> {
  constructor(
    readonly behaviour: UsbDeviceBehaviour,
    latency: SimulatedLatency = noLatency,
  ) {
    super(latency);
  }

  /** What opening and claiming the interface would give: a handle, or `disconnected` when absent. */
  openTransport(): Promise<TransferResult<UsbTransport>> {
    return this.openHandle();
  }

  protected createHandle(generation: number): SimulatedUsbHandle {
    return new SimulatedUsbHandle(this, generation);
  }

  /** Device side: queue one bulk-IN transfer for the open handles. */
  sendBulkIn(data: Uint8Array): void {
    if (!this.plug.plugged) return;
    for (const handle of this.open) handle.bulk.push(data.slice());
  }

  /** Device side: queue one interrupt-IN transfer (e.g. CCID NotifySlotChange `50 03`). */
  sendInterruptIn(data: Uint8Array): void {
    if (!this.plug.plugged) return;
    for (const handle of this.open) handle.interrupt.push(data.slice());
  }
}

class SimulatedUsbHandle implements UsbTransport {
  readonly bulk = new ReportQueue();
  readonly interrupt = new ReportQueue();
  private closed = false;

  constructor(
    private readonly port: SimulatedUsbPort,
    private readonly generation: number,
  ) {}

  kill(): void {
    this.bulk.failAll(disconnected);
    this.interrupt.failAll(disconnected);
  }

  private usable(): TransferResult<void> {
    if (this.closed) return err({ code: 'io', detail: 'handle closed' });
    if (!this.port.plug.alive(this.generation)) return disconnected;
    return ok(undefined);
  }

  async bulkOut(data: Uint8Array, _timeoutMs: number): Promise<TransferResult<void>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.port.behaviour.onBulkOut(data.slice());
  }

  bulkIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.readFrom(this.bulk, maxLength, timeoutMs);
  }

  interruptIn(maxLength: number, timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    return this.readFrom(this.interrupt, maxLength, timeoutMs);
  }

  private async readFrom(
    queue: ReportQueue,
    maxLength: number,
    timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    const result = await queue.take(timeoutMs);
    const after = this.usable();
    if (!after.ok) return after;
    // A device that sends more than the host asked for overflows the transfer (LIBUSB_ERROR_OVERFLOW).
    if (result.ok && result.value.length > maxLength) {
      return err({ code: 'io', detail: `overflow: ${result.value.length} > ${maxLength}` });
    }
    return result;
  }

  async controlIn(
    setup: ControlSetup,
    length: number,
    _timeoutMs: number,
  ): Promise<TransferResult<Uint8Array>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    const answer = this.port.behaviour.onControlIn(setup, length);
    return answer.ok ? ok(answer.value.slice(0, length)) : answer;
  }

  async controlOut(setup: ControlSetup, data: Uint8Array, _timeoutMs: number): Promise<TransferResult<void>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.port.behaviour.onControlOut(setup, data.slice());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closed = err({ code: 'io', detail: 'handle closed' } as const);
    this.bulk.failAll(closed);
    this.interrupt.failAll(closed);
    this.port.forget(this);
  }
}
