import type { TransferFailure, TransferResult } from './usb_transport.js';

/**
 * Keeps one device handle open for a driver: opens it lazily, hands it out, and when the driver reports a
 * fault (an unplug, a dead handle) closes it and reconnects in the background with exponential backoff.
 * `nudge()` (the manager calls it on a USB attach event) retries at once. Nothing here throws: an `open`
 * that rejects counts as a failed attempt.
 */

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 100, maxMs: 5_000, factor: 2 };

export type ConnectionState = 'connected' | 'disconnected';

export interface Closable {
  close(): Promise<void>;
}

export class DeviceConnection<T extends Closable> {
  private current: T | undefined;
  private lastFailure: TransferFailure = { code: 'disconnected' };
  private connecting: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private delayMs: number;
  private running = false;
  /** After `stop()` nothing opens the device again (a late call must not leak a handle) until `start()`. */
  private stopped = false;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly waiters = new Set<(transport: T | undefined) => void>();

  constructor(
    private readonly open: () => Promise<TransferResult<T>>,
    private readonly backoff: BackoffPolicy = defaultBackoff,
  ) {
    this.delayMs = backoff.initialMs;
  }

  get state(): ConnectionState {
    return this.current === undefined ? 'disconnected' : 'connected';
  }

  /** Why the last attempt failed (`disconnected` when the device is simply absent). */
  get failure(): TransferFailure {
    return this.lastFailure;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Starts keeping the device connected: connects now and reconnects after every fault. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    void this.attempt();
  }

  /** Stops reconnecting, closes the handle and releases everyone waiting in `connected()`. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    this.clearTimer();
    await this.connecting;
    const transport = this.current;
    this.current = undefined;
    for (const waiter of [...this.waiters]) waiter(undefined);
    this.waiters.clear();
    if (transport !== undefined) {
      await transport.close().catch(() => {});
      this.emit('disconnected');
    }
  }

  /** The open handle, connecting once if there is none (lazy connect for on-demand drivers). */
  async acquire(): Promise<TransferResult<T>> {
    if (this.current !== undefined) return { ok: true, value: this.current };
    if (this.stopped) return { ok: false, error: { code: 'disconnected' } };
    await this.attempt();
    return this.current !== undefined
      ? { ok: true, value: this.current }
      : { ok: false, error: this.lastFailure };
  }

  /** Resolves with the handle as soon as one is open, or `undefined` once the connection is stopped. */
  connected(): Promise<T | undefined> {
    if (this.current !== undefined) return Promise.resolve(this.current);
    if (!this.running) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** The driver saw `failure` on `transport`: drop it and reconnect. Stale reports for old handles are ignored. */
  fault(transport: T, failure: TransferFailure): void {
    if (this.current !== transport) return;
    this.current = undefined;
    this.lastFailure = failure;
    void transport.close().catch(() => {});
    this.emit('disconnected');
    this.delayMs = this.backoff.initialMs;
    if (this.running) this.schedule();
  }

  /** Something changed on the bus (hot-plug attach): try again now instead of waiting out the backoff. */
  nudge(): void {
    if (!this.running || this.current !== undefined) return;
    this.clearTimer();
    this.delayMs = this.backoff.initialMs;
    void this.attempt();
  }

  private attempt(): Promise<void> {
    if (this.connecting !== undefined) return this.connecting;
    this.clearTimer();
    this.connecting = this.tryOpen().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async tryOpen(): Promise<void> {
    let result: TransferResult<T>;
    try {
      result = await this.open();
    } catch (error) {
      result = { ok: false, error: { code: 'io', detail: String(error) } };
    }
    if (result.ok) {
      if (this.current !== undefined) {
        await result.value.close().catch(() => {});
        return;
      }
      this.current = result.value;
      this.delayMs = this.backoff.initialMs;
      for (const waiter of [...this.waiters]) waiter(result.value);
      this.waiters.clear();
      this.emit('connected');
      return;
    }
    const changed = JSON.stringify(this.lastFailure) !== JSON.stringify(result.error);
    this.lastFailure = result.error;
    // A new reason (absent → permission denied) is news for the status even though the state stays the same.
    if (changed) this.emit('disconnected');
    if (this.running) this.schedule();
  }

  private schedule(): void {
    this.clearTimer();
    const delay = this.delayMs;
    this.delayMs = Math.min(this.backoff.maxMs, this.delayMs * this.backoff.factor);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.attempt();
    }, delay);
  }

  private clearTimer(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private emit(state: ConnectionState): void {
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
