import { TypedCodeLimiter } from '../../lockers/typed_code_limiter.js';
import type { TypedCodeLockoutStore } from '../../lockers/typed_code_lockout_store.js';

/**
 * The kiosk's limit on typed verification codes, counted per terminal like the Smart Locker's typed pickup codes
 * (the same limiter, lockers/typed_code_limiter.ts, with its own count). A code of 60 bits cannot be guessed, but a
 * keypad is patient and every lookup reaches the backend's register: after `attempts` codes in a row that name no
 * proof, typed lookups wait `firstWaitSeconds`, doubling each further round up to `maxWaitSeconds`; a code that
 * names a proof clears the count. Scanned QRs are not limited (a signature cannot be guessed). A mistyped code
 * (not 12 characters of the code's alphabet) is said at once and never counted: it is never looked up.
 */
export const typedProofCodeLimits = { attempts: 5, firstWaitSeconds: 60, maxWaitSeconds: 30 * 60 };

/** The journal row the count lives in, beside the locker points' rows (typed_code_lockout_store.ts). */
export const typedProofCodeCounter = 'check-proof:typed-codes';

/**
 * The terminal's limiter for typed proof codes. The count is the journal's, so every session shares it — walking
 * away and back does not reset it — and a restart keeps the wait, as at a locker station.
 */
export function typedProofCodeLimiter(journal: {
  typedCodeLockouts: TypedCodeLockoutStore;
}): TypedCodeLimiter {
  return new TypedCodeLimiter(typedProofCodeLimits, journal.typedCodeLockouts, typedProofCodeCounter);
}
