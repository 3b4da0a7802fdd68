/**
 * The device side of a CRT-5xx card dispenser on a USB–serial adapter, at the byte level: it reads the host's frames
 * with the same codec, answers ACK/NAK/EOT and positive or negative frames as profiles/crt591.ts describes, and
 * moves cards between its stacker, the gate and the reject bin. The driver that runs against a real dispenser is
 * the code under test.
 *
 * Mechanics as the sources describe them: after power-on the unit refuses everything but "initialise" (error B0);
 * a move with no card in the channel draws one from the stacker; a jammed card stays inside until a person clears
 * it, and every move and every initialise answers "jam" until then.
 *
 * What a person does: load cards, take the card at the gate, clear a jam; faults for tests: the next card jams,
 * NAK the next frames, stay silent, damage answers, lose an ACK, power-cycle, pull the adapter out.
 */
import { concatBytes } from '../../../lib/bytes.js';
import type { SimulatedLatency } from '../../simulator/latency.js';
import { SimulatedSerialPort } from '../../transport/simulated_serial_transport.js';
import { type DispenserText, encodeFrame } from '../dispenser_frame.js';
import { encodeSensors, errorCodeFor } from '../dispenser_sensors.js';
import { scanLine } from '../line_scanner.js';
import type {
  CardPosition,
  CommandCode,
  DeviceFault,
  DispenserProfile,
  StackerLevel,
} from '../profiles/dispenser_profile.js';

export interface CardDispenserSimulatorOptions {
  profile: DispenserProfile;
  address?: number;
  /** Cards in the stacker at start. */
  cards?: number;
  latency?: SimulatedLatency;
  /** How long a card takes to move (0: answers at once, as tests want). */
  motionMs?: number;
  /** At or below this many cards the stacker's "few cards" sensor trips. */
  lowThreshold?: number;
  rejectBinCapacity?: number;
}

const same = (a: CommandCode, b: CommandCode) => a.cm === b.cm && a.pm === b.pm;

export class CardDispenserSimulator {
  readonly port: SimulatedSerialPort;
  readonly profile: DispenserProfile;
  private readonly address: number;
  private readonly lowThreshold: number;
  private readonly rejectBinCapacity: number;
  motionMs: number;
  private buffer: Uint8Array = new Uint8Array(0);
  private stack: number;
  private card: CardPosition = 'none';
  private rejected = 0;
  private jammed = false;
  private jamNext = false;
  private initialised = false;
  /** ACKed and waiting for the host's ENQ (profiles with `enqAfterAck`). */
  private pending: CommandCode | undefined;
  private executing = false;
  private lastAnswer: Uint8Array | undefined;
  private naksToSend = 0;
  private acksToLose = 0;
  private answersToDamage = 0;
  private muted = false;
  private triggers: { command: CommandCode; fault: () => void }[] = [];
  /** Every command frame the unit accepted, as "CM/PM" in hex, for tests. */
  readonly received: string[] = [];
  /** Command frames that arrived while the unit was still executing one: the host broke half-duplex. */
  protocolViolations = 0;

  constructor(options: CardDispenserSimulatorOptions) {
    this.profile = options.profile;
    this.address = options.address ?? 0;
    this.stack = options.cards ?? 0;
    this.motionMs = options.motionMs ?? 0;
    this.lowThreshold = options.lowThreshold ?? 10;
    this.rejectBinCapacity = options.rejectBinCapacity ?? 50;
    this.port = new SimulatedSerialPort({ onHostBytes: (bytes) => this.onHostBytes(bytes) }, options.latency);
  }

  // --- what a person sees and does ---

  get cards(): number {
    return this.stack;
  }

  get cardAtGate(): boolean {
    return this.card === 'gate';
  }

  get cardInside(): boolean {
    return this.card === 'inside';
  }

  get rejectBin(): number {
    return this.rejected;
  }

  get isJammed(): boolean {
    return this.jammed;
  }

  /** Whether the next card drawn will jam. */
  get jamPending(): boolean {
    return this.jamNext;
  }

  get plugged(): boolean {
    return this.port.plug.plugged;
  }

  unplug(): void {
    this.port.unplug();
  }

  replug(): void {
    this.port.replug();
  }

  /** Staff fill the stacker with `count` cards (what was in it is replaced). */
  loadCards(count: number): void {
    this.stack = Math.max(0, Math.floor(count));
  }

  /** The resident pulls the card out of the gate; false when there is none. */
  takeCard(): boolean {
    if (this.card !== 'gate') return false;
    this.card = 'none';
    return true;
  }

  /** The next card drawn from the stacker jams in the channel. */
  jamNextCard(): void {
    this.jamNext = true;
  }

  /** Staff open the transport and remove a jammed card (it does not come back). */
  clearJam(): void {
    this.jamNext = false;
    if (!this.jammed) return;
    this.jammed = false;
    this.card = 'none';
  }

  emptyRejectBin(): void {
    this.rejected = 0;
  }

  // --- faults for tests ---

  /** The unit loses power and comes back: it must be initialised again. */
  powerCycle(): void {
    this.initialised = false;
    this.pending = undefined;
    this.buffer = new Uint8Array(0);
  }

  /** NAK the next `count` command frames as if their BCC had arrived wrong. */
  nakNext(count: number): void {
    this.naksToSend = count;
  }

  /** Execute the next `count` commands without sending their ACK (the ACK is lost on the line). */
  loseNextAcks(count: number): void {
    this.acksToLose = count;
  }

  /** Damage the BCC of the next `count` answers sent. */
  damageNextAnswers(count: number): void {
    this.answersToDamage = count;
  }

  /** Runs `fault` once, when the next `command` frame arrives (before it is acknowledged): faults aimed at one command. */
  whenCommand(command: CommandCode, fault: () => void): void {
    this.triggers.push({ command, fault });
  }

  /** The unit stays silent (its power is off but the adapter is still plugged in), or speaks again. */
  mute(muted: boolean): void {
    this.muted = muted;
    this.buffer = new Uint8Array(0);
  }

  // --- the line ---

  private onHostBytes(bytes: Uint8Array): void {
    if (this.muted) return;
    this.buffer = concatBytes(this.buffer, bytes);
    for (;;) {
      const scanned = scanLine(this.buffer, this.profile);
      if (scanned.event === undefined) return;
      this.buffer = this.buffer.slice(scanned.consumed);
      const { event } = scanned;
      switch (event.kind) {
        case 'noise':
          break;
        case 'bad-frame':
          this.sendControl(this.profile.control.nak);
          break;
        case 'control':
          this.onControl(event.control);
          break;
        case 'frame':
          if (event.frame.address === this.address && event.frame.text.kind === 'command')
            this.onCommand({ cm: event.frame.text.cm, pm: event.frame.text.pm });
          break;
        default: {
          const unreachable: never = event;
          throw new Error(`unhandled line event ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  private onControl(control: 'ack' | 'nak' | 'enq' | 'eot'): void {
    switch (control) {
      case 'ack':
        this.lastAnswer = undefined;
        return;
      case 'nak':
        if (this.lastAnswer !== undefined) this.sendAnswer(this.lastAnswer);
        return;
      case 'enq': {
        const command = this.pending;
        this.pending = undefined;
        if (command !== undefined) this.execute(command);
        return;
      }
      case 'eot':
        this.pending = undefined;
        this.lastAnswer = undefined;
        this.sendControl(this.profile.control.eot);
        return;
      default: {
        const unreachable: never = control;
        throw new Error(`unhandled control byte ${String(unreachable)}`);
      }
    }
  }

  private onCommand(command: CommandCode): void {
    if (this.executing) {
      this.protocolViolations += 1;
      return;
    }
    const trigger = this.triggers.find((candidate) => same(candidate.command, command));
    if (trigger !== undefined) {
      this.triggers = this.triggers.filter((candidate) => candidate !== trigger);
      trigger.fault();
    }
    if (this.naksToSend > 0) {
      this.naksToSend -= 1;
      this.sendControl(this.profile.control.nak);
      return;
    }
    this.received.push(`${command.cm.toString(16)}/${command.pm.toString(16)}`.toUpperCase());
    if (this.acksToLose > 0) this.acksToLose -= 1;
    else this.sendControl(this.profile.control.ack);
    if (this.profile.handshake.enqAfterAck) this.pending = command;
    else this.execute(command);
  }

  private execute(command: CommandCode): void {
    const moves = !same(command, this.profile.commands.status);
    if (!moves || this.motionMs <= 0) {
      this.answer(command, this.run(command));
      return;
    }
    this.executing = true;
    setTimeout(() => {
      this.executing = false;
      // The mechanism has its own power: the card moves even when the adapter was pulled out meanwhile.
      this.answer(command, this.run(command));
    }, this.motionMs);
  }

  /** What the mechanism does with `command`: undefined = done, or the fault it answers with. */
  private run(command: CommandCode): DeviceFault | undefined {
    const { commands } = this.profile;
    if (same(command, commands.initialise)) {
      if (this.jammed) return 'jam';
      this.initialised = true;
      return undefined;
    }
    if (!this.initialised) return 'needs-init';
    if (same(command, commands.status)) return undefined;
    if (commands.present.some((present) => same(present, command))) return this.present();
    if (same(command, commands.retract)) return this.retract();
    return 'refused';
  }

  private present(): DeviceFault | undefined {
    if (this.jammed) return 'jam';
    if (this.card !== 'none') {
      this.card = 'gate';
      return undefined;
    }
    const drawn = this.draw();
    if (drawn !== undefined) return drawn;
    this.card = 'gate';
    return undefined;
  }

  private retract(): DeviceFault | undefined {
    if (this.jammed) return 'jam';
    if (this.rejected >= this.rejectBinCapacity) return 'reject-bin-full';
    // With nothing in the channel the unit draws a card from the stacker and rejects that one.
    if (this.card === 'none') {
      const drawn = this.draw();
      if (drawn !== undefined) return drawn;
    }
    this.card = 'none';
    this.rejected += 1;
    return undefined;
  }

  /** A card leaves the stacker into the channel: the fault when it cannot, or when it jams. */
  private draw(): DeviceFault | undefined {
    if (this.stack === 0) return 'empty';
    this.stack -= 1;
    this.card = 'inside';
    if (this.jamNext) {
      this.jamNext = false;
      this.jammed = true;
      return 'jam';
    }
    return undefined;
  }

  private stackerLevel(): StackerLevel {
    if (this.stack === 0) return 'empty';
    return this.stack <= this.lowThreshold ? 'low' : 'ok';
  }

  private answer(command: CommandCode, fault: DeviceFault | undefined): void {
    const text: DispenserText =
      fault === undefined
        ? {
            kind: 'positive',
            ...command,
            status: encodeSensors(
              {
                card: this.card,
                stacker: this.stackerLevel(),
                rejectBin: this.rejected >= this.rejectBinCapacity ? 'full' : 'ok',
              },
              this.profile,
            ),
            data: new Uint8Array(),
          }
        : { kind: 'negative', ...command, error: errorCodeFor(fault, this.profile), data: new Uint8Array() };
    const frame = encodeFrame({ address: this.address, text }, this.profile);
    if (!frame.ok) return;
    this.lastAnswer = frame.value;
    this.sendAnswer(frame.value);
  }

  private sendAnswer(frame: Uint8Array): void {
    if (this.muted) return;
    if (this.answersToDamage > 0) {
      this.answersToDamage -= 1;
      const damaged = frame.slice();
      const last = damaged.length - 1;
      damaged[last] = (damaged[last] ?? 0) ^ 0xff;
      this.port.sendToHost(damaged);
      return;
    }
    this.port.sendToHost(frame);
  }

  private sendControl(byte: number): void {
    if (!this.muted) this.port.sendToHost(Uint8Array.of(byte));
  }
}
