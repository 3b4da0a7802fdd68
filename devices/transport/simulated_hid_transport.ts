import { err, ok } from '../../lib/result.js';
import { noLatency, type SimulatedLatency, waitLatency } from '../simulator/latency.js';
import { ReportQueue } from '../simulator/report_queue.js';
import { disconnectedResult, SimulatedPort } from '../simulator/simulated_port.js';
import type { HidTransport } from './hid_transport.js';
import type { TransferResult } from './usb_transport.js';

/**
 * The device side of a simulated HID device: what it does with the host's OUT traffic. IN traffic (input
 * reports) the device pushes itself with `SimulatedHidPort.sendInputReport`. Byte 0 of every buffer is the
 * report ID, as on the host side (hidapi convention).
 */
export interface HidDeviceBehaviour {
  onOutputReport(report: Uint8Array): TransferResult<void>;
  onSetFeature(report: Uint8Array): TransferResult<void>;
  onGetFeature(reportId: number, length: number): TransferResult<Uint8Array>;
}

const disconnected = disconnectedResult;

/**
 * The port a simulated HID device is plugged into. The host opens `HidTransport` handles on it; the device
 * behaviour answers them in memory with configurable latency. `unplug()` fails every pending and later call
 * of the open handles with `disconnected`; after `replug()` the host opens a new handle.
 */
export class SimulatedHidPort extends SimulatedPort<SimulatedHidHandle> {
  constructor(
    readonly behaviour: HidDeviceBehaviour,
    latency: SimulatedLatency = noLatency,
  ) {
    super(latency);
  }

  /** What `HID.HIDAsync.open(path)` would give: a handle, or `disconnected` when the device is absent. */
  openTransport(): Promise<TransferResult<HidTransport>> {
    return this.openHandle();
  }

  protected createHandle(generation: number): SimulatedHidHandle {
    return new SimulatedHidHandle(this, generation);
  }

  /** Device side: send one input report (byte 0 = report ID) to every open handle. Lost if nobody listens. */
  sendInputReport(report: Uint8Array): void {
    if (!this.plug.plugged) return;
    for (const handle of this.open) handle.deliver(report);
  }
}

class SimulatedHidHandle implements HidTransport {
  private readonly inbox = new ReportQueue();
  private closed = false;

  constructor(
    private readonly port: SimulatedHidPort,
    private readonly generation: number,
  ) {}

  deliver(report: Uint8Array): void {
    this.inbox.push(report.slice());
  }

  kill(): void {
    this.inbox.failAll(disconnected);
  }

  private usable(): TransferResult<void> {
    if (this.closed) return err({ code: 'io', detail: 'handle closed' });
    if (!this.port.plug.alive(this.generation)) return disconnected;
    return ok(undefined);
  }

  async readReport(timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    const result = await this.inbox.take(timeoutMs);
    // An unplug while waiting wins over a report that raced it.
    const after = this.usable();
    return after.ok ? result : after;
  }

  async writeReport(report: Uint8Array): Promise<TransferResult<void>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.port.behaviour.onOutputReport(report.slice());
  }

  async getFeatureReport(reportId: number, length: number): Promise<TransferResult<Uint8Array>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.port.behaviour.onGetFeature(reportId, length);
  }

  async sendFeatureReport(report: Uint8Array): Promise<TransferResult<void>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.port.behaviour.onSetFeature(report.slice());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inbox.failAll(err({ code: 'io', detail: 'handle closed' }));
    this.port.forget(this);
  }
}
