/**
 * CCID bError codes (USB CCID Rev 1.1 §6.2.6) with the names libccid's `ccid_error` gives them
 * (LudovicRousseau/CCID src/ccid.c), so a fault in a log reads the same as in pcscd's debug output.
 */

/** Codes the CCID specification and libccid name; 0x01–0x7F are "offending byte index" and named separately. */
export const ccidErrorNames = {
  255: 'CMD_ABORTED',
  254: 'ICC_MUTE',
  253: 'XFR_PARITY_ERROR',
  252: 'XFR_OVERRUN',
  251: 'HW_ERROR',
  248: 'BAD_ATR_TS',
  247: 'BAD_ATR_TCK',
  246: 'ICC_PROTOCOL_NOT_SUPPORTED',
  245: 'ICC_CLASS_NOT_SUPPORTED',
  244: 'PROCEDURE_BYTE_CONFLICT',
  243: 'DEACTIVATED_PROTOCOL',
  242: 'BUSY_WITH_AUTO_SEQUENCE',
  240: 'PIN_TIMEOUT',
  239: 'PIN_CANCELLED',
  224: 'CMD_SLOT_BUSY',
  190: 'VENDOR_WRONG_APDU_LENGTH',
  189: 'VENDOR_T1_CARD_ERROR',
  187: 'VENDOR_EMV_PROTOCOL_ERROR',
  176: 'VENDOR_EMV_T1_TOO_LONG',
  171: 'VENDOR_NO_DATA_EXCHANGED',
  163: 'VENDOR_ATR_TOO_LONG',
  162: 'VENDOR_CARD_SHORT_CIRCUIT',
  0: 'CMD_NOT_SUPPORTED',
} as const satisfies Record<number, string>;

export type NamedCcidError = (typeof ccidErrorNames)[keyof typeof ccidErrorNames];

/**
 * A decoded bError. `BAD_PARAMETER` carries the index of the offending header byte (01 = dwLength, 05 = bSlot);
 * `UNKNOWN` keeps any code neither the specification nor libccid names.
 */
export type CcidError =
  | { name: NamedCcidError; code: number }
  | { name: 'BAD_PARAMETER'; code: number; offset: number }
  | { name: 'UNKNOWN'; code: number };

function isNamedCode(code: number): code is keyof typeof ccidErrorNames {
  return Object.hasOwn(ccidErrorNames, code);
}

export function decodeCcidError(code: number): CcidError {
  const byte = code & 0xff;
  if (isNamedCode(byte)) return { name: ccidErrorNames[byte], code: byte };
  if (byte >= 0x01 && byte <= 0x7f) return { name: 'BAD_PARAMETER', code: byte, offset: byte };
  return { name: 'UNKNOWN', code: byte };
}

/** A one-line description for staff logs (no personal data: bError carries none). */
export function describeCcidError(error: CcidError): string {
  const hex = error.code.toString(16).padStart(2, '0').toUpperCase();
  switch (error.name) {
    case 'BAD_PARAMETER':
      return `bError ${hex}: bad parameter at header offset ${error.offset}`;
    case 'UNKNOWN':
      return `bError ${hex}: unknown`;
    default:
      return `bError ${hex}: ${error.name}`;
  }
}
