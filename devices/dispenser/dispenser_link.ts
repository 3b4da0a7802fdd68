/**
 * One command and its answer over the serial line, with the CRT-5xx handshake (M001 §1.4; profiles/crt591.ts):
 *
 *   host → STX … command … BCC          device → ACK (frame good) or NAK (BCC wrong: send it again)
 *   [host → ENQ, for profiles whose device waits for it before executing]
 *   device → STX … answer … BCC         host → ACK (answer good) or NAK (damaged: device sends it again)
 *   host → EOT to abandon the exchange; the device answers EOT and forgets the command.
 *
 * Resending is where a dispenser can hand out two documents, so the rule is strict: a NAK means the device did not
 * take the frame, and the frame is sent again (up to `retries` times); silence instead of an ACK is ambiguous (the
 * ACK may be what got lost), so only commands that are safe to run twice (`repeatable`: status, initialise) are sent
 * again, and a motion command is abandoned with EOT and reported as `no-ack`. The driver then reads the status to
 * learn where the card is. An answer that arrives without its ACK (the ACK was lost) is taken as the answer.
 * Every wait has a deadline; nothing here throws.
 */
import { concatBytes } from '../../lib/bytes.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { SerialTransport } from '../transport/serial_transport.js';
import type { TransferFailure } from '../transport/usb_transport.js';
import { type DispenserFrame, encodeFrame, type FrameError } from './dispenser_frame.js';
import { type LineEvent, scanLine } from './line_scanner.js';
import type { CommandCode, DispenserProfile } from './profiles/dispenser_profile.js';

export type LinkFailure =
  | { code: 'disconnected' }
  /** The device never acknowledged the command. */
  | { code: 'no-ack' }
  /** The device kept refusing the frame (NAK): line noise, wrong baud rate or a wrong profile. */
  | { code: 'nak-limit'; naks: number }
  /** Acknowledged, but no answer within the command's time. */
  | { code: 'no-answer' }
  /** The answers kept arriving damaged. */
  | { code: 'bad-answer'; error: FrameError }
  /** The device abandoned the command itself (EOT). */
  | { code: 'cancelled' }
  | { code: 'io'; detail: string };

/** An answer to the command: positive (with status) or negative (with error characters). */
export type AnswerFrame = DispenserFrame & { text: { kind: 'positive' | 'negative' } };

export interface ExchangeOptions {
  /** How long the device may take to execute the command and answer, after its ACK. */
  answerTimeoutMs: number;
  /** Safe to run twice: may be sent again when the device stays silent. */
  repeatable: boolean;
  data?: Uint8Array;
}

export interface LinkOptions {
  address: number;
  /** Resends after a NAK (or silence, for repeatable commands), and NAKs for damaged answers. */
  retries: number;
  ackTimeoutMs: number;
  writeTimeoutMs: number;
}

type Wait =
  | { kind: 'event'; event: LineEvent }
  | { kind: 'timeout' }
  | { kind: 'failed'; failure: LinkFailure };

function linkFailure(failure: TransferFailure): LinkFailure {
  switch (failure.code) {
    case 'disconnected':
      return { code: 'disconnected' };
    case 'timeout':
      return { code: 'io', detail: 'write timed out' };
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

export class DispenserLink {
  private buffer: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly transport: SerialTransport,
    private readonly profile: DispenserProfile,
    private readonly options: LinkOptions,
  ) {}

  async exchange(command: CommandCode, options: ExchangeOptions): Promise<Result<AnswerFrame, LinkFailure>> {
    const frame = encodeFrame(
      {
        address: this.options.address,
        text: { kind: 'command', ...command, data: options.data ?? new Uint8Array() },
      },
      this.profile,
    );
    if (!frame.ok) return err({ code: 'io', detail: `command too long (${frame.error.code})` });
    // A late answer to an abandoned command must not be read as this command's answer.
    this.transport.discardInput();
    this.buffer = new Uint8Array(0);
    const delivered = await this.deliver(frame.value, command, options.repeatable);
    if (!delivered.ok) return delivered;
    if (delivered.value !== undefined) return this.accept(delivered.value);
    if (this.profile.handshake.enqAfterAck) {
      const enq = await this.send(this.profile.control.enq);
      if (!enq.ok) return enq;
    }
    return this.awaitAnswer(command, options.answerTimeoutMs);
  }

  /** Sends EOT and waits briefly for the device's EOT: the line is idle again, whatever was in progress. */
  async clearLine(): Promise<void> {
    const sent = await this.send(this.profile.control.eot);
    if (sent.ok) {
      const deadline = performance.now() + this.options.ackTimeoutMs;
      for (;;) {
        const next = await this.next(deadline);
        if (next.kind !== 'event') break;
        if (next.event.kind === 'control' && next.event.control === 'eot') break;
      }
    }
    this.transport.discardInput();
    this.buffer = new Uint8Array(0);
  }

  /** Until ACK: `undefined`, or the answer itself when its ACK was lost on the line. */
  private async deliver(
    frame: Uint8Array,
    command: CommandCode,
    repeatable: boolean,
  ): Promise<Result<AnswerFrame | undefined, LinkFailure>> {
    let naks = 0;
    let silences = 0;
    for (;;) {
      const written = await this.write(frame);
      if (!written.ok) return written;
      const reply = await this.awaitAck(command);
      if (reply === 'ack') return ok(undefined);
      if (reply === 'nak') {
        naks += 1;
        if (naks > this.options.retries) return err({ code: 'nak-limit', naks });
        continue;
      }
      if (reply === 'silence') {
        silences += 1;
        if (repeatable && silences <= this.options.retries) continue;
        await this.clearLine();
        return err({ code: 'no-ack' });
      }
      if ('failure' in reply) return err(reply.failure);
      return ok(reply.answer);
    }
  }

  private async awaitAck(
    command: CommandCode,
  ): Promise<'ack' | 'nak' | 'silence' | { answer: AnswerFrame } | { failure: LinkFailure }> {
    const deadline = performance.now() + this.options.ackTimeoutMs;
    for (;;) {
      const next = await this.next(deadline);
      if (next.kind === 'timeout') return 'silence';
      if (next.kind === 'failed') return { failure: next.failure };
      const { event } = next;
      if (event.kind === 'control' && (event.control === 'ack' || event.control === 'nak'))
        return event.control;
      const answer = this.answerTo(event, command);
      if (answer !== undefined) return { answer };
      // Noise, a stray EOT or a stale answer: still waiting for the ACK.
    }
  }

  private async awaitAnswer(
    command: CommandCode,
    timeoutMs: number,
  ): Promise<Result<AnswerFrame, LinkFailure>> {
    const deadline = performance.now() + timeoutMs;
    let damaged = 0;
    for (;;) {
      const next = await this.next(deadline);
      if (next.kind === 'timeout') {
        await this.clearLine();
        return err({ code: 'no-answer' });
      }
      if (next.kind === 'failed') return err(next.failure);
      const { event } = next;
      if (event.kind === 'control' && event.control === 'eot') return err({ code: 'cancelled' });
      if (event.kind === 'bad-frame') {
        damaged += 1;
        if (damaged > this.options.retries) {
          await this.clearLine();
          return err({ code: 'bad-answer', error: event.error });
        }
        const nak = await this.send(this.profile.control.nak);
        if (!nak.ok) return nak;
        continue;
      }
      const answer = this.answerTo(event, command);
      if (answer !== undefined) return this.accept(answer);
    }
  }

  private answerTo(event: LineEvent, command: CommandCode): AnswerFrame | undefined {
    if (event.kind !== 'frame') return undefined;
    const { frame } = event;
    if (frame.address !== this.options.address || frame.text.kind === 'command') return undefined;
    if (frame.text.cm !== command.cm || frame.text.pm !== command.pm) return undefined;
    return frame as AnswerFrame;
  }

  private async accept(answer: AnswerFrame): Promise<Result<AnswerFrame, LinkFailure>> {
    const acked = await this.send(this.profile.control.ack);
    return acked.ok ? ok(answer) : acked;
  }

  private async next(deadline: number): Promise<Wait> {
    for (;;) {
      const scanned = scanLine(this.buffer, this.profile);
      if (scanned.event !== undefined) {
        this.buffer = this.buffer.slice(scanned.consumed);
        return { kind: 'event', event: scanned.event };
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) return { kind: 'timeout' };
      const read = await this.transport.read(Math.ceil(remaining));
      if (!read.ok) {
        if (read.error.code === 'timeout') return { kind: 'timeout' };
        return { kind: 'failed', failure: linkFailure(read.error) };
      }
      this.buffer = concatBytes(this.buffer, read.value);
    }
  }

  private send(byte: number): Promise<Result<void, LinkFailure>> {
    return this.write(Uint8Array.of(byte));
  }

  private async write(bytes: Uint8Array): Promise<Result<void, LinkFailure>> {
    const written = await this.transport.write(bytes, this.options.writeTimeoutMs);
    return written.ok ? ok() : err(linkFailure(written.error));
  }
}
