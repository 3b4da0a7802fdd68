/**
 * The kiosk's own lock-out of a staff badge after wrong PINs, as a pure reducer over a small state (kept per staff
 * id in the journal, see staff_lockout_store.ts), so every rule is tested without a clock or a database:
 *
 * - `attempts` wrong PINs in a row lock the badge for `firstSeconds`; each further lock-out doubles the time
 *   (30 s, 60 s, 120 s, …) up to `maxSeconds`. A PIN is not even sent to the backend while the badge is locked.
 * - The right PIN clears everything.
 * - A lock that has run out leaves the count of lock-outs: the next round of wrong PINs locks for twice as long.
 *   Only `forgetAfterHours` without a wrong PIN forgets it.
 *
 * The backend counts wrong PINs too and locks the staff member's account on its side (electron/backend); the two
 * are independent, and whichever says "locked" wins.
 */

export interface LockoutPolicy {
  /** Wrong PINs in a row that lock the badge. */
  attempts: number;
  /** The first lock-out's length; each following one doubles. */
  firstSeconds: number;
  maxSeconds: number;
  /** After this long without a wrong PIN, earlier lock-outs no longer double the next one. */
  forgetAfterHours: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  attempts: 3,
  firstSeconds: 30,
  maxSeconds: 3600,
  forgetAfterHours: 24,
};

export interface BadgeLockoutState {
  /** Wrong PINs since the last lock-out (or the last right PIN). */
  failures: number;
  /** Lock-outs so far: the next one lasts `firstSeconds × 2^lockouts`. */
  lockouts: number;
  /** Epoch milliseconds until which the badge is locked, or null. */
  lockedUntil: number | null;
  lastFailureAt: number | null;
}

export const unlockedBadge: BadgeLockoutState = {
  failures: 0,
  lockouts: 0,
  lockedUntil: null,
  lastFailureAt: null,
};

export type LockoutEvent = { type: 'wrong-pin'; at: number } | { type: 'right-pin' };

export type LockoutStatus =
  | { locked: false; attemptsLeft: number }
  | { locked: true; until: number /** How long this lock-out lasts, whole seconds. */; seconds: number };

/** The length of the lock-out that follows `lockouts` earlier ones, in seconds. */
export function lockSeconds(lockouts: number, policy: LockoutPolicy): number {
  return Math.min(policy.firstSeconds * 2 ** lockouts, policy.maxSeconds);
}

function forgotten(state: BadgeLockoutState, at: number, policy: LockoutPolicy): boolean {
  return state.lastFailureAt !== null && at - state.lastFailureAt >= policy.forgetAfterHours * 3_600_000;
}

export function badgeLockoutReducer(
  state: BadgeLockoutState,
  event: LockoutEvent,
  policy: LockoutPolicy,
): BadgeLockoutState {
  switch (event.type) {
    case 'right-pin':
      return unlockedBadge;
    case 'wrong-pin': {
      // A wrong PIN while locked never reaches here (the PIN is refused before it is checked); if one does, it
      // neither shortens nor extends the lock.
      if (state.lockedUntil !== null && event.at < state.lockedUntil) return state;
      const base = forgotten(state, event.at, policy) ? unlockedBadge : state;
      const failures = base.failures + 1;
      if (failures < policy.attempts)
        return { ...base, failures, lockedUntil: null, lastFailureAt: event.at };
      return {
        failures: 0,
        lockouts: base.lockouts + 1,
        lockedUntil: event.at + lockSeconds(base.lockouts, policy) * 1000,
        lastFailureAt: event.at,
      };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Whether a PIN may be tried now, and how many tries are left before the next lock-out. */
export function lockoutStatus(state: BadgeLockoutState, now: number, policy: LockoutPolicy): LockoutStatus {
  if (state.lockedUntil !== null && now < state.lockedUntil)
    return {
      locked: true,
      until: state.lockedUntil,
      seconds: lockSeconds(Math.max(0, state.lockouts - 1), policy),
    };
  const failures = forgotten(state, now, policy) ? 0 : state.failures;
  return { locked: false, attemptsLeft: policy.attempts - failures };
}
