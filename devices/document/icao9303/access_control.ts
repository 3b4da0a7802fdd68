/**
 * Access control establishes secure messaging with the chip. BAC (bac.ts) is the one implemented; PACE
 * (9303-11 §4.4) implements the same interface with its own `SmCipherSuite`, and `readEmrtd` tries whichever
 * it is given.
 */

import type { Result } from '../../../lib/result.js';
import type { ApduChannel, ApduFailure } from '../iso7816/apdu_channel.js';
import type { SecureMessaging } from './secure_messaging.js';

export type AccessControlStep = 'select-application' | 'get-challenge' | 'external-authenticate';

export type AccessControlError =
  | { readonly code: 'transport'; readonly step: AccessControlStep; readonly failure: ApduFailure }
  /** The chip refused our cryptogram: most often the MRZ (document number, dates) was read or typed wrong. */
  | { readonly code: 'access-denied'; readonly sw: number }
  | { readonly code: 'unexpected-status'; readonly step: AccessControlStep; readonly sw: number }
  | { readonly code: 'malformed-response'; readonly step: AccessControlStep }
  /** The chip's cryptogram MAC is wrong: not the chip we authenticated with, or a corrupted response. */
  | { readonly code: 'chip-mac-mismatch' }
  /** The chip's cryptogram does not echo our nonce: a replayed or forged answer. */
  | { readonly code: 'chip-nonce-mismatch' };

export type AccessControlResult = Result<SecureMessaging, AccessControlError>;

export interface AccessControl {
  readonly protocol: 'BAC' | 'PACE';
  establish(channel: ApduChannel): Promise<AccessControlResult>;
}
