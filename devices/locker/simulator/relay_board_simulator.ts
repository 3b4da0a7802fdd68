import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedHidPort } from '../../transport/simulated_hid_transport.js';
import type { TransferResult } from '../../transport/usb_transport.js';
import { decodeRelayCommand, encodeRelayStatus } from '../usb_relay_protocol.js';

/**
 * The device side of a USBRelay board wired to locker doors: relay channel n drives the latch of the door
 * whose sensor is input `wiring.get(n)` (input n when not given). Energising a relay releases the latch and the door springs open (its sensor
 * reads open); a person closes it with `closeDoor`. Faults for tests: `jamRelay` (the relay never switches)
 * and `weldRelay` (it never switches off).
 */
export class RelayBoardSimulator {
  readonly port: SimulatedHidPort;
  private relayMask = 0;
  /** Bit n−1 = door on input n closed. All doors start closed. */
  private sensorMask = 0xff;
  private jammed = 0;
  private welded = 0;
  /** Every command the host sent, as `on 3` / `off 3` / `all-off`, for tests. */
  readonly log: string[] = [];

  constructor(
    latency?: SimulatedLatency,
    private readonly wiring: ReadonlyMap<number, number> = new Map(),
    private readonly serial = 'BALC1',
  ) {
    this.port = new SimulatedHidPort(
      {
        onSetFeature: (report) => this.onCommand(report),
        // darrylb123/usbrelay and crelay send the same bytes with hid_write (SET_REPORT Output).
        onOutputReport: (report) => this.onCommand(report),
        onGetFeature: (): TransferResult<Uint8Array> => ({
          ok: true,
          value: encodeRelayStatus({
            serial: this.serial,
            relayMask: this.relayMask,
            sensorMask: this.sensorMask,
          }),
        }),
      },
      latency,
    );
  }

  isRelayOn(channel: number): boolean {
    return (this.relayMask & (1 << (channel - 1))) !== 0;
  }

  isDoorOpen(input: number): boolean {
    return (this.sensorMask & (1 << (input - 1))) === 0;
  }

  /** A person shuts the door on sensor input `input`. */
  closeDoor(input: number): void {
    this.sensorMask |= 1 << (input - 1);
  }

  /** A person (or the wind) pulls the door open without the latch being released (a forced door). */
  forceDoorOpen(input: number): void {
    this.sensorMask &= ~(1 << (input - 1));
  }

  jamRelay(channel: number): void {
    this.jammed |= 1 << (channel - 1);
  }

  /** The jammed relay switches again (staff replaced it). */
  unjamRelay(channel: number): void {
    this.jammed &= ~(1 << (channel - 1));
  }

  weldRelay(channel: number): void {
    this.welded |= 1 << (channel - 1);
  }

  get plugged(): boolean {
    return this.port.plug.plugged;
  }

  unplug(): void {
    this.port.unplug();
    // A board without USB power drops every relay.
    this.relayMask = 0;
  }

  replug(): void {
    this.port.replug();
  }

  private onCommand(report: Uint8Array): TransferResult<void> {
    const command = decodeRelayCommand(report);
    // The V-USB firmware acknowledges every SET_REPORT, even one it does not understand.
    if (command === undefined) return { ok: true, value: undefined };
    switch (command.kind) {
      case 'on':
        this.log.push(`on ${command.channel}`);
        this.switchOn(1 << (command.channel - 1));
        break;
      case 'off':
        this.log.push(`off ${command.channel}`);
        this.relayMask &= ~(1 << (command.channel - 1)) | this.welded;
        break;
      case 'all-on':
        this.log.push('all-on');
        this.switchOn(0xff);
        break;
      case 'all-off':
        this.log.push('all-off');
        this.relayMask &= this.welded;
        break;
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
    return { ok: true, value: undefined };
  }

  private switchOn(bits: number): void {
    const switching = bits & ~this.jammed;
    this.relayMask |= switching;
    // The latch releases and the door springs open on the input wired to it.
    for (let channel = 1; channel <= 8; channel++) {
      if ((switching & (1 << (channel - 1))) === 0) continue;
      const input = this.wiring.get(channel) ?? channel;
      this.sensorMask &= ~(1 << (input - 1));
    }
  }
}
