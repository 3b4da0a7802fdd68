import { TypedCodeLimiter } from '../../lockers/typed_code_limiter.js';

/**
 * The kiosk's limit on typed verification codes, counted per terminal like the Smart Locker's typed pickup codes
 * (the same limiter, lockers/typed_code_limiter.ts, with its own count). A code of 60 bits cannot be guessed, but a
 * keypad is patient and every lookup reaches the backend's register: after `attempts` codes in a row that name no
 * proof, typed lookups wait `firstWaitSeconds`, doubling each further round up to `maxWaitSeconds`; a code that
 * names a proof clears the count. Scanned QRs are not limited (a signature cannot be guessed). A mistyped code
 * (not 12 characters of the code's alphabet) is said at once and never counted: it is never looked up.
 */
export const typedProofCodeLimits = { attempts: 5, firstWaitSeconds: 60, maxWaitSeconds: 30 * 60 };

const limiters = new WeakMap<object, TypedCodeLimiter>();

/**
 * The terminal's one limiter for typed proof codes. `owner` lives as long as the kiosk app (its backend client), so
 * every session shares the count — walking away and back does not reset it — and two kiosk apps in one test
 * process do not.
 */
export function typedProofCodeLimiterOf(owner: object): TypedCodeLimiter {
  let limiter = limiters.get(owner);
  if (limiter === undefined) {
    limiter = new TypedCodeLimiter(typedProofCodeLimits);
    limiters.set(owner, limiter);
  }
  return limiter;
}
