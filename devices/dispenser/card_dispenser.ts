/**
 * What the collection flow (and the field tool) needs of a document dispenser, whatever its model: hand one card to
 * the resident at the gate, learn whether they took it, take it back into the reject bin when they did not, and
 * report its status and counts. Every operation resolves to a `Result`; faults are values and are also published as
 * the device's `DispenserState`.
 *
 * Exactly once is the flow's job (it journals before it asks), but the driver never makes it harder: it refuses to
 * present a card while one is already in the channel, it never sends a motion command twice unless the dispenser
 * said it did not take it (NAK), and a dispense that ends without an answer (`no-answer`, `disconnected`) may or may
 * not have moved a card, so the caller reads `refreshStatus()` before deciding anything.
 */

import type { Result } from '../../lib/result.js';
import type { DispenserState } from '../device_status.js';
import type { DispenserSensors } from './dispenser_sensors.js';

export type DispenserFailure =
  | { code: 'disconnected' }
  /** The dispenser did not acknowledge or answer in time: it may be off, or the baud rate wrong. */
  | { code: 'no-answer' }
  /** The line itself kept failing (frames refused, answers damaged, port errors). */
  | { code: 'line-error'; detail: string }
  | { code: 'empty' }
  | { code: 'jam' }
  | { code: 'reject-bin-full' }
  /** A card already waits at the gate: the resident must take it, or it must be retracted, first. */
  | { code: 'card-at-gate' }
  /** A card sits inside the channel (not at the gate): staff must look. */
  | { code: 'card-inside' }
  | { code: 'no-such-stacker'; stacker: number; stackers: number }
  /** `waitTaken` ran out of time with the card still at the gate. */
  | { code: 'not-taken' }
  /** Any other fault the dispenser reported, by its error characters (for staff). */
  | { code: 'device-error'; error: string }
  /** A well-formed answer that contradicts the command (a card was presented but is not at the gate). */
  | { code: 'unexpected-answer'; detail: string };

export type DispenserResult<T> = Result<T, DispenserFailure>;

/** Since the driver started; a dispenser's sensors report stacker levels, never a number of cards. */
export interface DispenserCounts {
  dispensed: number;
  taken: number;
  retracted: number;
  stacker: DispenserSensors['stacker'] | 'not-read';
  rejectBin: DispenserSensors['rejectBin'] | 'not-read';
}

export interface CardDispenser {
  status(): DispenserState;
  onStatus(listener: (state: DispenserState) => void): () => void;
  /** How many stackers (cassettes) the model has; `dispense` takes 1…stackers(). */
  stackers(): number;
  /** Draws one card from `stacker` (default 1) and holds it at the gate. */
  dispense(request?: { stacker?: number }): Promise<DispenserResult<{ stacker: number }>>;
  /** Resolves `ok` once the card is gone from the gate, `not-taken` after `timeoutMs` (default: the configured one). */
  waitTaken(timeoutMs?: number): Promise<DispenserResult<void>>;
  /** Pulls the card at the gate back into the reject bin; `already-taken` when the resident took it meanwhile. */
  retract(): Promise<DispenserResult<'retracted' | 'already-taken'>>;
  /** Asks the dispenser now. */
  refreshStatus(): Promise<DispenserResult<DispenserSensors>>;
  counts(): DispenserCounts;
}
