/**
 * Driver for a CRT-5xx card dispenser over a serial transport (protocol: dispenser_link.ts, dispenser_frame.ts and
 * the profile). The steps of each operation:
 * - connect lazily through the `DeviceConnection`; on every new handle (first start, after an unplug) initialise the
 *   unit (reset without moving a card) before anything else, because after power-on it refuses everything else;
 * - one exchange at a time through a serial queue (the line is half-duplex), every exchange with a deadline;
 * - dispense: read the status, refuse when a card is already in the channel, the reject bin is full or the stacker
 *   is empty, then present one card at the gate; wait-taken: read the status until the gate is empty or time runs
 *   out; retract: read the status and pull the card into the reject bin only if it is still there (a move with an
 *   empty channel would draw a fresh card);
 * - a negative "needs initialising" answer (the unit was power-cycled) initialises and repeats the command once: the
 *   unit did not execute it;
 * - an idle status read every `pollIntervalMs` keeps the published state true (card taken, stacker low, adapter
 *   pulled out); while jammed or faulted it tries to initialise instead, which succeeds once staff cleared the unit.
 * Every fault becomes a `DispenserFailure` and a published `DispenserState`; nothing throws.
 */
import { type Err, err, ok, type Result } from '../../lib/result.js';
import type { DispenserState } from '../device_status.js';
import { SerialQueue } from '../printer/serial_queue.js';
import type { DeviceConnection } from '../transport/device_connection.js';
import type { SerialTransport } from '../transport/serial_transport.js';
import type { CardDispenser, DispenserCounts, DispenserFailure, DispenserResult } from './card_dispenser.js';
import { type AnswerFrame, DispenserLink, type LinkFailure } from './dispenser_link.js';
import { type DispenserSensors, decodeSensors, faultOf } from './dispenser_sensors.js';
import type { CommandCode, DispenserProfile } from './profiles/dispenser_profile.js';

export interface CardDispenserDriverOptions {
  address: number;
  retries: number;
  pollIntervalMs: number;
  /** How often `waitTaken` looks at the gate. */
  takePollMs: number;
  timeouts: {
    ackMs: number;
    statusMs: number;
    initialiseMs: number;
    dispenseMs: number;
    retractMs: number;
    takeMs: number;
    writeMs: number;
  };
}

type Kind = 'status' | 'initialise' | 'dispense' | 'retract';
/** What one exchange can end with: a failure, or the unit asking to be initialised first (handled in `command`). */
type ExchangeFailure = DispenserFailure | { code: 'needs-init' };
/** A fault of the mechanism that only an initialise (after staff look) clears. */
type MechanismFault = { code: 'jam' } | { code: 'device-error'; error: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A unit that still asks to be initialised right after an initialise is faulty: report it for staff. */
function withoutNeedsInit(result: Result<AnswerFrame, ExchangeFailure>): DispenserResult<AnswerFrame> {
  if (result.ok || result.error.code !== 'needs-init') return result as DispenserResult<AnswerFrame>;
  return err({ code: 'device-error', error: 'needs-init' });
}

export class CardDispenserDriver implements CardDispenser {
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<(state: DispenserState) => void>();
  private session: { transport: SerialTransport; link: DispenserLink; initialised: boolean } | undefined;
  private sensors: DispenserSensors | undefined;
  private lineFault: DispenserFailure | undefined;
  private mechanism: MechanismFault | undefined;
  private active = 0;
  private polling = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private lastState: DispenserState;
  private readonly tally = { dispensed: 0, taken: 0, retracted: 0 };

  constructor(
    private readonly connection: DeviceConnection<SerialTransport>,
    private readonly profile: DispenserProfile,
    private readonly options: CardDispenserDriverOptions,
  ) {
    this.lastState = this.computeState();
    connection.onState((state) => {
      this.publish();
      if (state === 'connected') void this.poll();
    });
  }

  status(): DispenserState {
    return this.lastState;
  }

  onStatus(listener: (state: DispenserState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stackers(): number {
    return this.profile.commands.present.length;
  }

  start(): void {
    this.connection.start();
    this.pollTimer ??= setInterval(() => void this.poll(), this.options.pollIntervalMs);
  }

  async stop(): Promise<void> {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    await this.queue.run(async () => undefined);
    this.session = undefined;
    await this.connection.stop();
  }

  /** A USB detach event for the adapter: ask the line now. */
  async checkNow(): Promise<void> {
    if (this.connection.state === 'connected') await this.queue.run(() => this.readStatus());
  }

  counts(): DispenserCounts {
    return {
      ...this.tally,
      stacker: this.sensors?.stacker ?? 'not-read',
      rejectBin: this.sensors?.rejectBin ?? 'not-read',
    };
  }

  refreshStatus(): Promise<DispenserResult<DispenserSensors>> {
    return this.queue.run(() => this.readStatus());
  }

  dispense(request: { stacker?: number } = {}): Promise<DispenserResult<{ stacker: number }>> {
    const stacker = request.stacker ?? 1;
    const present = this.profile.commands.present[stacker - 1];
    if (!Number.isInteger(stacker) || present === undefined)
      return Promise.resolve(err({ code: 'no-such-stacker', stacker, stackers: this.stackers() }));
    return this.operation(async () => {
      const cleared = await this.clearMechanismFault();
      if (!cleared.ok) return cleared;
      const before = await this.readStatus();
      if (!before.ok) return before;
      const refusal = this.refusalToPresent(before.value);
      if (refusal !== undefined) return err(refusal);
      const moved = await this.command(present, 'dispense');
      if (!moved.ok) return moved;
      if (this.sensors?.card !== 'gate')
        return err({
          code: 'unexpected-answer',
          detail: `card ${this.sensors?.card ?? 'unknown'} after present`,
        });
      this.tally.dispensed += 1;
      return ok({ stacker });
    });
  }

  async waitTaken(timeoutMs = this.options.timeouts.takeMs): Promise<DispenserResult<void>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const read = await this.queue.run(() => this.readStatus());
      if (!read.ok) return read;
      if (read.value.card === 'none') {
        this.tally.taken += 1;
        return ok();
      }
      if (read.value.card !== 'gate') return err({ code: 'card-inside' });
      const left = deadline - performance.now();
      if (left <= 0) return err({ code: 'not-taken' });
      await sleep(Math.min(this.options.takePollMs, left));
    }
  }

  retract(): Promise<DispenserResult<'retracted' | 'already-taken'>> {
    return this.operation(async () => {
      const cleared = await this.clearMechanismFault();
      if (!cleared.ok) return cleared;
      const before = await this.readStatus();
      if (!before.ok) return before;
      if (before.value.card === 'none') {
        this.tally.taken += 1;
        return ok('already-taken' as const);
      }
      if (before.value.rejectBin === 'full') return err({ code: 'reject-bin-full' });
      const moved = await this.command(this.profile.commands.retract, 'retract');
      if (!moved.ok) return moved;
      this.tally.retracted += 1;
      return ok('retracted' as const);
    });
  }

  // --- internals ---

  /** Runs `work` in the queue with the state `busy` meanwhile. */
  private async operation<T>(work: () => Promise<DispenserResult<T>>): Promise<DispenserResult<T>> {
    this.active += 1;
    this.publish();
    try {
      return await this.queue.run(work);
    } finally {
      this.active -= 1;
      this.publish();
    }
  }

  private refusalToPresent(sensors: DispenserSensors): DispenserFailure | undefined {
    if (sensors.card === 'gate') return { code: 'card-at-gate' };
    if (sensors.card !== 'none') return { code: 'card-inside' };
    if (sensors.rejectBin !== 'ok') return { code: 'reject-bin-full' };
    if (sensors.stacker === 'empty') return { code: 'empty' };
    return undefined;
  }

  private async readStatus(): Promise<DispenserResult<DispenserSensors>> {
    const answer = await this.command(this.profile.commands.status, 'status');
    if (!answer.ok) return answer;
    return this.sensors === undefined
      ? err({ code: 'unexpected-answer', detail: 'no status' })
      : ok(this.sensors);
  }

  /** The idle check: a status read, or an initialise while the mechanism is faulted. */
  private async poll(): Promise<void> {
    if (this.polling || this.active > 0 || this.connection.state !== 'connected') return;
    this.polling = true;
    try {
      if (this.mechanism === undefined) await this.queue.run(() => this.readStatus());
      else await this.queue.run(() => this.initialise());
    } finally {
      this.polling = false;
    }
  }

  /** While jammed or faulted, an initialise tells whether staff have cleared the unit; nothing moves before it does. */
  private async clearMechanismFault(): Promise<DispenserResult<void>> {
    if (this.mechanism === undefined) return ok();
    const initialised = await this.initialise();
    return initialised.ok ? ok() : initialised;
  }

  private initialise(): Promise<DispenserResult<AnswerFrame>> {
    return this.command(this.profile.commands.initialise, 'initialise');
  }

  /** One command on the current handle, initialising the unit first when the handle is new. Inside the queue. */
  private async command(code: CommandCode, kind: Kind): Promise<DispenserResult<AnswerFrame>> {
    const session = await this.currentSession();
    if (!session.ok) return session;
    const initialise = this.profile.commands.initialise;
    if (!session.value.initialised && kind !== 'initialise') {
      const initialised = await this.exchange(initialise, 'initialise');
      if (!initialised.ok) return withoutNeedsInit(initialised);
    }
    const first = await this.exchange(code, kind);
    if (first.ok || first.error.code !== 'needs-init' || kind === 'initialise')
      return withoutNeedsInit(first);
    // Power-cycled since we last spoke: the unit did not execute the command, so initialising and asking again is
    // safe, even for a motion command.
    const initialised = await this.exchange(initialise, 'initialise');
    if (!initialised.ok) return withoutNeedsInit(initialised);
    return withoutNeedsInit(await this.exchange(code, kind));
  }

  private async currentSession(): Promise<
    DispenserResult<{ transport: SerialTransport; link: DispenserLink; initialised: boolean }>
  > {
    const transport = await this.connection.acquire();
    if (!transport.ok) return err({ code: 'disconnected' });
    if (this.session?.transport !== transport.value) {
      const { address, retries, timeouts } = this.options;
      const link = new DispenserLink(transport.value, this.profile, {
        address,
        retries,
        ackTimeoutMs: timeouts.ackMs,
        writeTimeoutMs: timeouts.writeMs,
      });
      this.session = { transport: transport.value, link, initialised: false };
    }
    return ok(this.session);
  }

  private async exchange(code: CommandCode, kind: Kind): Promise<Result<AnswerFrame, ExchangeFailure>> {
    const session = this.session;
    if (session === undefined) return err({ code: 'disconnected' });
    const { timeouts } = this.options;
    const answerTimeoutMs = {
      status: timeouts.statusMs,
      initialise: timeouts.initialiseMs,
      dispense: timeouts.dispenseMs,
      retract: timeouts.retractMs,
    }[kind];
    const answer = await session.link.exchange(code, {
      answerTimeoutMs,
      repeatable: kind === 'status' || kind === 'initialise',
    });
    if (!answer.ok) return this.lineFailure(session.transport, answer.error);
    this.lineFault = undefined;
    const { text } = answer.value;
    if (text.kind === 'positive') {
      this.sensors = decodeSensors(text.status, this.profile);
      if (kind === 'initialise') {
        session.initialised = true;
        this.mechanism = undefined;
      }
      this.publish();
      return answer;
    }
    const failure = this.deviceFailure(text.error);
    this.publish();
    return failure;
  }

  private deviceFailure(error: string): Err<ExchangeFailure> {
    const fault = faultOf(error, this.profile);
    switch (fault) {
      case 'jam':
        this.mechanism = { code: 'jam' };
        return err({ code: 'jam' });
      case 'empty':
        if (this.sensors !== undefined) this.sensors = { ...this.sensors, stacker: 'empty' };
        return err({ code: 'empty' });
      case 'reject-bin-full':
        if (this.sensors !== undefined) this.sensors = { ...this.sensors, rejectBin: 'full' };
        return err({ code: 'reject-bin-full' });
      case 'needs-init':
        return err({ code: 'needs-init' });
      case 'refused':
        return err({ code: 'device-error', error });
      case 'device':
        this.mechanism = { code: 'device-error', error };
        return err({ code: 'device-error', error });
      default: {
        const unreachable: never = fault;
        return unreachable;
      }
    }
  }

  private lineFailure(transport: SerialTransport, failure: LinkFailure): DispenserResult<never> {
    switch (failure.code) {
      case 'disconnected':
      case 'io':
        this.session = undefined;
        this.connection.fault(transport, failure.code === 'io' ? failure : { code: 'disconnected' });
        return err({ code: 'disconnected' });
      case 'no-ack':
      case 'no-answer':
      case 'cancelled':
        this.lineFault = { code: 'no-answer' };
        this.publish();
        return err({ code: 'no-answer' });
      case 'nak-limit':
        this.lineFault = { code: 'line-error', detail: `${failure.naks} NAKs` };
        this.publish();
        return err(this.lineFault);
      case 'bad-answer':
        this.lineFault = { code: 'line-error', detail: `damaged answers (${failure.error.code})` };
        this.publish();
        return err(this.lineFault);
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }

  private computeState(): DispenserState {
    if (this.connection.state === 'disconnected') {
      const failure = this.connection.failure;
      return failure.code === 'io'
        ? { state: 'error', code: 'open-failed', detail: failure.detail }
        : { state: 'disconnected' };
    }
    if (this.lineFault !== undefined) return { state: 'error', code: this.lineFault.code };
    if (this.mechanism?.code === 'jam') return { state: 'jam' };
    if (this.mechanism !== undefined)
      return { state: 'error', code: 'device-error', detail: this.mechanism.error };
    const sensors = this.sensors;
    // An open tty says nothing about the dispenser behind it: it counts as there once it has answered.
    if (sensors === undefined) return { state: 'disconnected' };
    if (sensors.card === 'inside') return { state: 'error', code: 'card-inside' };
    if (sensors.card === 'unknown' || sensors.stacker === 'unknown' || sensors.rejectBin === 'unknown')
      return { state: 'error', code: 'unknown-status' };
    if (sensors.rejectBin === 'full') return { state: 'error', code: 'reject-bin-full' };
    if (sensors.card === 'gate') return { state: 'card-at-gate' };
    if (this.active > 0) return { state: 'busy' };
    switch (sensors.stacker) {
      case 'empty':
        return { state: 'empty' };
      case 'low':
        return { state: 'low' };
      case 'ok':
        return { state: 'ready' };
      default: {
        const unreachable: never = sensors.stacker;
        return unreachable;
      }
    }
  }

  private publish(): void {
    const next = this.computeState();
    if (JSON.stringify(next) === JSON.stringify(this.lastState)) return;
    this.lastState = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
