import { err, ok, type Result } from '../../lib/result.js';
import type { VendingState } from '../device_status.js';
import { BoardStatePublisher } from '../locker/board_state.js';
import { RelayBoardLink } from '../locker/relay_board_link.js';
import type { RelayBoardStatus, RelayCommand } from '../locker/usb_relay_protocol.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { HidTransport } from '../transport/hid_transport.js';
import type { TransferFailure } from '../transport/usb_transport.js';
import { slotChannels, slotsOf, type VendingOptions } from './vending_config.js';

/**
 * A publications vending unit on a USBRelay HID board (the locker's board and protocol: usb_relay_protocol.ts).
 * Vending one item from a slot:
 *   1. read the board once, which clears a drop latched earlier (a stray beam break is not this item);
 *   2. energise the slot's row relay, then its column relay, and read both back as on (else both go off and the
 *      turn is refused: the motor never had power);
 *   3. keep them on for `turnMs` (one turn of the spiral), reading the drop sensor every `pollMs`;
 *   4. switch the column, then the row, off, and keep reading for `dropWindowMs` while the item falls;
 *   5. no drop seen: turn once more (an item caught on the spiral's end usually falls on the second turn); still
 *      none: the slot is reported empty or jammed, and the caller refunds and marks it empty.
 * Every transfer fault is a value; commands are serialised so two turns never overlap. The status (`busy` while a
 * spiral turns, `disconnected` once a transfer failed) is published like the locker's, and an idle health read
 * notices an unplugged board when nobody is buying.
 */

export type VendFailure =
  | { code: 'unknown-slot'; slot: string }
  | { code: 'disconnected' }
  /** A relay did not read back as on: the motor never had power, so nothing turned. */
  | { code: 'relay-not-confirmed'; channel: number }
  | { code: 'io'; detail: string };

export type VendOutcome = { dropped: true; turns: 1 | 2 } | { dropped: false; turns: 2 };

/** What a sale needs of the unit. */
export interface VendingUnit {
  slots(): string[];
  /** Turns the slot's spiral until the drop sensor sees the item, at most twice. */
  vend(slot: string): Promise<Result<VendOutcome, VendFailure>>;
}

/** The unit as the device manager runs it: a sale's needs plus its published status. */
export interface VendingController extends VendingUnit {
  status(): VendingState;
  onStatus(listener: (state: VendingState) => void): () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function failureOf(failure: TransferFailure): VendFailure {
  return failure.code === 'disconnected' ? { code: 'disconnected' } : { code: 'io', detail: failure.code };
}

export class VendingDriver implements VendingController {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly state: BoardStatePublisher;
  private healthTimer: ReturnType<typeof setInterval> | undefined;

  private readonly board: RelayBoardLink<VendFailure>;

  constructor(
    private readonly connection: DeviceConnection<HidTransport>,
    private readonly options: VendingOptions,
  ) {
    this.board = new RelayBoardLink(connection, failureOf);
    this.state = new BoardStatePublisher(connection);
  }

  status(): VendingState {
    return this.state.current;
  }

  onStatus(listener: (state: VendingState) => void): () => void {
    return this.state.onChange(listener);
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

  /** Reads the board once, between vends (the health check; the manager calls it on a USB detach event). */
  async checkNow(): Promise<void> {
    if (this.connection.state === 'connected') await this.serial(() => this.readBoard());
  }

  slots(): string[] {
    return slotsOf(this.options);
  }

  vend(slot: string): Promise<Result<VendOutcome, VendFailure>> {
    const channels = slotChannels(this.options, slot);
    if (channels === undefined) return Promise.resolve(err({ code: 'unknown-slot', slot }));
    return this.state.whileBusy(() => this.serial(() => this.vendNow(channels)));
  }

  private async vendNow(channels: {
    row: number;
    column: number;
  }): Promise<Result<VendOutcome, VendFailure>> {
    const first = await this.turn(channels);
    if (!first.ok) return first;
    if (first.value) return ok({ dropped: true, turns: 1 } as const);
    const second = await this.turn(channels);
    if (!second.ok) return second;
    return ok(
      second.value ? ({ dropped: true, turns: 2 } as const) : ({ dropped: false, turns: 2 } as const),
    );
  }

  /** One turn of the spiral; true when the drop sensor saw an item fall during it or just after. */
  private async turn(channels: { row: number; column: number }): Promise<Result<boolean, VendFailure>> {
    const cleared = await this.readBoard();
    if (!cleared.ok) return cleared;
    let seen = false;
    for (const channel of [channels.row, channels.column]) {
      const on = await this.command({ kind: 'on', channel });
      if (!on.ok) return this.allOff(on);
    }
    const afterOn = await this.readBoard();
    if (!afterOn.ok) return this.allOff(afterOn);
    for (const channel of [channels.row, channels.column]) {
      if ((afterOn.value.relayMask & (1 << (channel - 1))) === 0)
        return this.allOff(err({ code: 'relay-not-confirmed', channel }));
    }
    seen = this.dropIn(afterOn.value);
    const watched = await this.watch(this.options.turnMs);
    if (!watched.ok) return this.allOff(watched);
    seen ||= watched.value;
    for (const channel of [channels.column, channels.row]) {
      const off = await this.command({ kind: 'off', channel });
      if (!off.ok) return this.allOff(off);
    }
    const falling = await this.watch(this.options.dropWindowMs);
    if (!falling.ok) return falling;
    return ok(seen || falling.value);
  }

  /** Reads the board every `pollMs` for `ms`; true when a read showed the drop sensor. */
  private async watch(ms: number): Promise<Result<boolean, VendFailure>> {
    const deadline = performance.now() + ms;
    let seen = false;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) return ok(seen);
      await sleep(Math.min(this.options.pollMs, left));
      const read = await this.readBoard();
      if (!read.ok) return read;
      seen ||= this.dropIn(read.value);
    }
  }

  private dropIn(status: RelayBoardStatus): boolean {
    return (status.sensorMask & (1 << (this.options.dropSensorInput - 1))) !== 0;
  }

  /** After a failure mid-turn: every motor off (best effort: the board may be gone), then the failure. */
  private async allOff<T>(failure: Result<T, VendFailure>): Promise<Result<never, VendFailure>> {
    await this.command({ kind: 'all-off' });
    if (failure.ok) throw new Error('allOff is for failures');
    return failure;
  }

  private command(command: RelayCommand): Promise<Result<void, VendFailure>> {
    return this.board.command(command);
  }

  private readBoard(): Promise<Result<RelayBoardStatus, VendFailure>> {
    return this.board.readBoard();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}
