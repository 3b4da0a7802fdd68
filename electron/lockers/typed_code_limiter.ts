import {
  type BadgeLockoutState,
  badgeLockoutReducer,
  type LockoutPolicy,
  unlockedBadge,
} from '../staff/badge_lockout.js';
import type { LockerStationConfig } from './locker_station_config.js';

/**
 * The station's limit on typed pickup codes: 12 digits are many, but a keypad is patient, so refused typed codes
 * count per terminal (not per session: walking away and back must not reset it). After `attempts` refusals in a
 * row the keypad waits `firstWaitSeconds`, each further round doubling up to `maxWaitSeconds`; a code that opens a
 * door clears the count. The rule is the staff badge's lock-out (staff/badge_lockout.ts), over a different key.
 * Scanned codes are not limited: a signature cannot be guessed.
 *
 * The count lives in memory: a restart clears it. That costs an attacker a kiosk restart per round, which staff see.
 */
export class TypedCodeLimiter {
  #state: BadgeLockoutState = unlockedBadge;
  readonly #policy: LockoutPolicy;

  constructor(limits: LockerStationConfig['typedCodes']) {
    this.#policy = {
      attempts: limits.attempts,
      firstSeconds: limits.firstWaitSeconds,
      maxSeconds: limits.maxWaitSeconds,
      forgetAfterHours: 24,
    };
  }

  /** Epoch ms until which typed codes are refused unread, or null when the keypad takes them. */
  waitingUntil(now: number): number | null {
    const until = this.#state.lockedUntil;
    return until !== null && now < until ? until : null;
  }

  refused(now: number): void {
    this.#state = badgeLockoutReducer(this.#state, { type: 'wrong-pin', at: now }, this.#policy);
  }

  accepted(): void {
    this.#state = badgeLockoutReducer(this.#state, { type: 'right-pin' }, this.#policy);
  }
}

const limiters = new WeakMap<object, TypedCodeLimiter>();

/**
 * The terminal's one limiter. `owner` is an object that lives as long as the kiosk app (its journal services), so
 * every session of this kiosk shares the count and two kiosk apps in one test process do not.
 */
export function typedCodeLimiterOf(
  owner: object,
  limits: LockerStationConfig['typedCodes'],
): TypedCodeLimiter {
  let limiter = limiters.get(owner);
  if (limiter === undefined) {
    limiter = new TypedCodeLimiter(limits);
    limiters.set(owner, limiter);
  }
  return limiter;
}
