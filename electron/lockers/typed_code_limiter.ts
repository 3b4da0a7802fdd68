import { badgeLockoutReducer, type LockoutEvent, type LockoutPolicy } from '../staff/badge_lockout.js';
import type { LockerStationConfig } from './locker_station_config.js';
import type { TypedCodeLockoutStore } from './typed_code_lockout_store.js';

/**
 * The station's limit on typed pickup codes: 12 digits are many, but a keypad is patient, so refused typed codes
 * count per terminal (not per session: walking away and back must not reset it). After `attempts` refusals in a
 * row the keypad waits `firstWaitSeconds`, each further round doubling up to `maxWaitSeconds`; a code that opens a
 * door clears the count. The rule is the staff badge's lock-out (staff/badge_lockout.ts), over a different key.
 * Scanned codes are not limited: a signature cannot be guessed.
 *
 * The count is kept in the journal (typed_code_lockout_store.ts), read and written on every typed code, so a
 * restart of the kiosk keeps the wait: pulling the plug buys an attacker nothing.
 */
export class TypedCodeLimiter {
  readonly #policy: LockoutPolicy;
  readonly #store: TypedCodeLockoutStore;
  readonly #pointId: string;

  constructor(limits: LockerStationConfig['typedCodes'], store: TypedCodeLockoutStore, pointId: string) {
    this.#policy = {
      attempts: limits.attempts,
      firstSeconds: limits.firstWaitSeconds,
      maxSeconds: limits.maxWaitSeconds,
      forgetAfterHours: 24,
    };
    this.#store = store;
    this.#pointId = pointId;
  }

  /** Epoch ms until which typed codes are refused unread, or null when the keypad takes them. */
  waitingUntil(now: number): number | null {
    const until = this.#store.load(this.#pointId).lockedUntil;
    return until !== null && now < until ? until : null;
  }

  refused(now: number): void {
    this.#apply({ type: 'wrong-pin', at: now });
  }

  accepted(): void {
    this.#apply({ type: 'right-pin' });
  }

  #apply(event: LockoutEvent): void {
    const state = badgeLockoutReducer(this.#store.load(this.#pointId), event, this.#policy);
    this.#store.save(this.#pointId, state);
  }
}
