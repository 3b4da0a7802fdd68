import { err, ok, type Result } from '../../lib/result.js';
import type { LockerState } from '../device_status.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import type { TransferFailure } from '../transport/usb_transport.js';
import { BoardStatePublisher } from './board_state.js';
import type { LockerOptions } from './locker_config.js';
import { RelayBoardLink } from './relay_board_link.js';
import type { RelayBoardStatus, RelayCommand } from './usb_relay_protocol.js';

export type DoorFailure =
  | { code: 'unknown-door'; door: string }
  | { code: 'disconnected' }
  /** The relay did not read back as switched on: the latch never got power. */
  | { code: 'relay-not-confirmed'; channel: number }
  /** The relay did not read back as off after the pulse: the latch may be burning; staff must look. */
  | { code: 'relay-stuck-on'; channel: number }
  | { code: 'timeout' }
  | { code: 'io'; detail: string };

export type DoorResult = Result<void, DoorFailure>;

/** What the locker service and the manager need of a locker controller. */
export interface LockerController {
  status(): LockerState;
  onStatus(listener: (state: LockerState) => void): () => void;
  doors(): string[];
  /** Pulses the door's latch relay; `ok` once the board read back the relay on, then off again. */
  openDoor(door: string): Promise<DoorResult>;
  /** Resolves `ok` when the door's sensor reads closed, or `timeout` after `timeoutMs`. */
  waitClosed(door: string, timeoutMs: number): Promise<DoorResult>;
  /** One read of the door sensor: true = closed. */
  isClosed(door: string): Promise<Result<boolean, DoorFailure>>;
}

type BoardRead = Result<RelayBoardStatus, DoorFailure>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function doorFailureOf(failure: TransferFailure): DoorFailure {
  switch (failure.code) {
    case 'disconnected':
      return { code: 'disconnected' };
    case 'timeout':
      return { code: 'timeout' };
    case 'stall':
      return { code: 'io', detail: 'stall' };
    case 'io':
      return { code: 'io', detail: failure.detail };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/**
 * Locker doors on a USBRelay HID board. Commands are serialised (one transfer sequence at a time), every
 * transfer fault turns the status to `disconnected` and hands reconnecting to the `DeviceConnection`, and an
 * idle health read notices an unplugged board even when nobody opens a door.
 */
export class LockerDriver implements LockerController {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly state: BoardStatePublisher;
  private healthTimer: ReturnType<typeof setInterval> | undefined;

  private readonly board: RelayBoardLink<DoorFailure>;

  constructor(
    private readonly connection: DeviceConnection<HidTransport>,
    private readonly options: LockerOptions,
  ) {
    this.board = new RelayBoardLink(connection, doorFailureOf);
    this.state = new BoardStatePublisher(connection);
  }

  status(): LockerState {
    return this.state.current;
  }

  onStatus(listener: (state: LockerState) => void): () => void {
    return this.state.onChange(listener);
  }

  doors(): string[] {
    return Object.keys(this.options.doors);
  }

  start(): void {
    this.connection.start();
    this.healthTimer ??= setInterval(() => void this.checkNow(), this.options.healthCheckMs);
  }

  async stop(): Promise<void> {
    if (this.healthTimer !== undefined) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    await this.queue;
    await this.connection.stop();
  }

  /** Reads the board once (health check; the manager calls it on a USB detach event). */
  async checkNow(): Promise<void> {
    if (this.connection.state === 'connected') await this.serial(() => this.readBoard());
  }

  async openDoor(door: string): Promise<DoorResult> {
    const wiring = this.options.doors[door];
    if (wiring === undefined) return err({ code: 'unknown-door', door });
    return this.state.whileBusy(() => this.serial(() => this.pulse(wiring.relay)));
  }

  async isClosed(door: string): Promise<Result<boolean, DoorFailure>> {
    const wiring = this.options.doors[door];
    if (wiring === undefined) return err({ code: 'unknown-door', door });
    const read = await this.serial(() => this.readBoard());
    if (!read.ok) return read;
    return ok((read.value.sensorMask & (1 << (wiring.sensor - 1))) !== 0);
  }

  async waitClosed(door: string, timeoutMs: number): Promise<DoorResult> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const read = await this.isClosed(door);
      if (!read.ok) return read;
      if (read.value) return ok();
      const left = deadline - performance.now();
      if (left <= 0) return err({ code: 'timeout' });
      await sleep(Math.min(this.options.sensorPollMs, left));
    }
  }

  private async pulse(channel: number): Promise<DoorResult> {
    const on = await this.command({ kind: 'on', channel });
    if (!on.ok) return on;
    const afterOn = await this.readBoard();
    if (!afterOn.ok) return afterOn;
    const bit = 1 << (channel - 1);
    if ((afterOn.value.relayMask & bit) === 0) {
      await this.command({ kind: 'off', channel });
      return err({ code: 'relay-not-confirmed', channel });
    }
    await sleep(this.options.pulseMs);
    const off = await this.command({ kind: 'off', channel });
    if (!off.ok) return off;
    const afterOff = await this.readBoard();
    if (!afterOff.ok) return afterOff;
    if ((afterOff.value.relayMask & bit) !== 0) return err({ code: 'relay-stuck-on', channel });
    return ok();
  }

  private command(command: RelayCommand): Promise<DoorResult> {
    return this.board.command(command);
  }

  private readBoard(): Promise<BoardRead> {
    return this.board.readBoard();
  }

  /** Runs one transfer sequence after the previous one, so a pulse is never interleaved with another. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}
