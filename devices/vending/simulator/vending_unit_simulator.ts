import { decodeRelayCommand, encodeRelayStatus } from '../../locker/usb_relay_protocol.js';
import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedHidPort } from '../../transport/simulated_hid_transport.js';
import type { TransferResult } from '../../transport/usb_transport.js';
import { slotChannels, slotsOf, type VendingOptions } from '../vending_config.js';

/**
 * The device side of a publications vending unit: a USBRelay board whose relays drive a matrix of spiral motors
 * (vending_config.ts) and whose input `dropSensorInput` is the chute's light curtain, latched until the next
 * status read. A spiral turns one position each time its row and column relays are both on and one of them
 * switches off: an item in the slot then falls and breaks the beam.
 *
 * What the Dev dock and the tests do to it: set the stock of a slot, `jam` a slot (the spiral turns, the item
 * stays caught), make the sensor `missNextDrop` (the item falls unseen: the resident gets it, the kiosk refunds
 * it, which is the safe side), and unplug the board.
 */
export class VendingUnitSimulator {
  readonly port: SimulatedHidPort;
  private relayMask = 0;
  private dropLatched = false;
  private readonly stock = new Map<string, number>();
  private readonly jammed = new Set<string>();
  private missDrops = 0;
  /** Items that left the machine, in order (what a resident would have in the tray). */
  readonly delivered: string[] = [];
  /** Every turn of a spiral, as `A1`, for tests. */
  readonly turns: string[] = [];

  constructor(
    private readonly options: VendingOptions,
    latency?: SimulatedLatency,
  ) {
    this.port = new SimulatedHidPort(
      {
        onSetFeature: (report) => this.onCommand(report),
        onOutputReport: (report) => this.onCommand(report),
        onGetFeature: (): TransferResult<Uint8Array> => {
          const sensorMask = this.dropLatched ? 1 << (options.dropSensorInput - 1) : 0;
          this.dropLatched = false;
          return {
            ok: true,
            value: encodeRelayStatus({ serial: 'VEND1', relayMask: this.relayMask, sensorMask }),
          };
        },
      },
      latency,
    );
  }

  setStock(slot: string, count: number): void {
    this.stock.set(slot, count);
  }

  stockOf(slot: string): number {
    return this.stock.get(slot) ?? 0;
  }

  /** The slots this unit's wiring has, in row-then-column order. */
  slots(): string[] {
    return slotsOf(this.options);
  }

  isJammed(slot: string): boolean {
    return this.jammed.has(slot);
  }

  /** How many drops the sensor will still miss. */
  get missingDrops(): number {
    return this.missDrops;
  }

  get plugged(): boolean {
    return this.port.plug.plugged;
  }

  /** The slot's items stay caught on the spiral until `unjam`. */
  jam(slot: string): void {
    this.jammed.add(slot);
  }

  unjam(slot: string): void {
    this.jammed.delete(slot);
  }

  /** The next `count` items fall without the sensor seeing them. */
  missNextDrop(count = 1): void {
    this.missDrops += count;
  }

  unplug(): void {
    this.port.unplug();
    this.relayMask = 0;
  }

  replug(): void {
    this.port.replug();
  }

  private onCommand(report: Uint8Array): TransferResult<void> {
    const command = decodeRelayCommand(report);
    if (command === undefined) return { ok: true, value: undefined };
    const before = this.relayMask;
    switch (command.kind) {
      case 'on':
        this.relayMask |= 1 << (command.channel - 1);
        break;
      case 'off':
        this.relayMask &= ~(1 << (command.channel - 1));
        break;
      case 'all-on':
        this.relayMask = 0xff;
        break;
      case 'all-off':
        this.relayMask = 0;
        break;
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
    for (const slot of slotsOf(this.options)) {
      const channels = slotChannels(this.options, slot);
      if (channels === undefined) continue;
      const both = (1 << (channels.row - 1)) | (1 << (channels.column - 1));
      if ((before & both) === both && (this.relayMask & both) !== both) this.turnOnce(slot);
    }
    return { ok: true, value: undefined };
  }

  private turnOnce(slot: string): void {
    this.turns.push(slot);
    const count = this.stockOf(slot);
    if (count === 0 || this.jammed.has(slot)) return;
    this.stock.set(slot, count - 1);
    this.delivered.push(slot);
    if (this.missDrops > 0) this.missDrops -= 1;
    else this.dropLatched = true;
  }
}
