/**
 * GA 467 SW3, the SAM's status byte (protocols.md §7.3; libsamv.h, the kekxv enum, HX_FDX3CardReader.h and softs.im
 * agree). Every code has a name; drivers switch on the name.
 */

export const sw3Names = {
  144: 'success',
  159: 'find-card-success',
  145: 'no-content',
  16: 'checksum-error',
  17: 'length-error',
  33: 'command-error',
  35: 'unauthorized-operation',
  36: 'unknown-error',
  49: 'card-failed-to-authenticate-sam',
  50: 'sam-failed-to-authenticate-card',
  51: 'information-verification-error',
  64: 'unrecognised-card-type',
  65: 'read-card-failed',
  71: 'get-random-failed',
  96: 'sam-self-test-failed',
  102: 'sam-not-authorised',
  128: 'find-card-failed',
  129: 'select-card-failed',
} as const satisfies Record<number, string>;

export type Sw3Name = (typeof sw3Names)[keyof typeof sw3Names] | 'unrecognised-status';

export const SW3 = {
  success: 0x90,
  findCardSuccess: 0x9f,
  noContent: 0x91,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  readCardFailed: 0x41,
  findCardFailed: 0x80,
  selectCardFailed: 0x81,
} as const;

export function sw3Name(sw3: number): Sw3Name {
  return Object.hasOwn(sw3Names, sw3) ? sw3Names[sw3 as keyof typeof sw3Names] : 'unrecognised-status';
}

/** Success codes: 90 for most commands, 9F for find card. */
export function isSw3Success(sw3: number): boolean {
  return sw3 === SW3.success || sw3 === SW3.findCardSuccess;
}
