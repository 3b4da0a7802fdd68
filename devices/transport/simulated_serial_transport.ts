import { err, ok } from '../../lib/result.js';
import { noLatency, type SimulatedLatency, waitLatency } from '../simulator/latency.js';
import { ReportQueue } from '../simulator/report_queue.js';
import { disconnectedResult, SimulatedPort } from '../simulator/simulated_port.js';
import type { SerialTransport } from './serial_transport.js';
import type { TransferResult } from './usb_transport.js';

/**
 * The device side of a simulated serial device: what it does with the bytes the host writes. What the device sends
 * back it pushes itself with `SimulatedSerialPort.sendToHost`, whenever it likes (an answer after a motor has run).
 */
export interface SerialDeviceBehaviour {
  onHostBytes(bytes: Uint8Array): void;
}

const handleClosed = err({ code: 'io', detail: 'handle closed' } as const);

/**
 * A USB–serial adapter with a simulated device behind it. The host opens `SerialTransport` handles on it, as it
 * would open /dev/ttyUSB0; `unplug()` (the adapter pulled out) fails every pending and later call of the open
 * handles with `disconnected`, and after `replug()` the host must open a new handle, as on a kiosk where the tty
 * disappears and comes back.
 */
export class SimulatedSerialPort extends SimulatedPort<SimulatedSerialHandle> {
  constructor(
    readonly behaviour: SerialDeviceBehaviour,
    latency: SimulatedLatency = noLatency,
  ) {
    super(latency);
  }

  /** What opening the adapter's tty gives: a handle, or `disconnected` when the adapter is absent. */
  openTransport(): Promise<TransferResult<SerialTransport>> {
    return this.openHandle();
  }

  protected createHandle(generation: number): SimulatedSerialHandle {
    return new SimulatedSerialHandle(this, generation);
  }

  /** Device side: put `bytes` on the wire to the host. Lost when the adapter is unplugged or nobody has it open. */
  sendToHost(bytes: Uint8Array): void {
    if (!this.plug.plugged || bytes.length === 0) return;
    for (const handle of this.open) handle.deliver(bytes);
  }
}

class SimulatedSerialHandle implements SerialTransport {
  /** Each device write is one chunk, as a real adapter hands over whatever arrived since the last read. */
  private readonly inbox = new ReportQueue();
  private closed = false;

  constructor(
    private readonly port: SimulatedSerialPort,
    private readonly generation: number,
  ) {}

  deliver(bytes: Uint8Array): void {
    if (!this.closed) this.inbox.push(bytes.slice());
  }

  kill(): void {
    this.inbox.failAll(disconnectedResult);
  }

  private usable(): TransferResult<void> {
    if (this.closed) return handleClosed;
    if (!this.port.plug.alive(this.generation)) return disconnectedResult;
    return ok(undefined);
  }

  async write(data: Uint8Array): Promise<TransferResult<void>> {
    await waitLatency(this.port.latency);
    const usable = this.usable();
    if (!usable.ok) return usable;
    this.port.behaviour.onHostBytes(data.slice());
    return usable;
  }

  async read(timeoutMs: number): Promise<TransferResult<Uint8Array>> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    const result = await this.inbox.take(timeoutMs);
    // An unplug while waiting wins over bytes that raced it.
    const after = this.usable();
    return after.ok ? result : after;
  }

  discardInput(): void {
    while (this.inbox.length > 0) void this.inbox.take(0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.inbox.failAll(handleClosed);
    this.port.forget(this);
  }
}
