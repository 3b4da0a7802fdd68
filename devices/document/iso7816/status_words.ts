/**
 * ISO/IEC 7816-4 §5.6 status words, typed. Callers switch on `kind` and, for errors and warnings, on `code`
 * instead of comparing magic numbers; the raw SW is always kept for logs.
 */

const fixedMeanings = {
  25217: { kind: 'warning', code: 'data-may-be-corrupted' },
  25218: { kind: 'warning', code: 'end-of-file-before-ne' },
  25219: { kind: 'warning', code: 'selected-file-deactivated' },
  25220: { kind: 'warning', code: 'fci-not-formatted' },
  25344: { kind: 'warning', code: 'verification-failed' },
  25600: { kind: 'error', code: 'execution-error' },
  25985: { kind: 'error', code: 'memory-failure' },
  26368: { kind: 'error', code: 'wrong-length' },
  26753: { kind: 'error', code: 'logical-channel-not-supported' },
  26754: { kind: 'error', code: 'secure-messaging-not-supported' },
  26755: { kind: 'error', code: 'last-command-of-chain-expected' },
  26756: { kind: 'error', code: 'command-chaining-not-supported' },
  27009: { kind: 'error', code: 'incompatible-file-structure' },
  27010: { kind: 'error', code: 'security-status-not-satisfied' },
  27011: { kind: 'error', code: 'authentication-method-blocked' },
  27012: { kind: 'error', code: 'reference-data-not-usable' },
  27013: { kind: 'error', code: 'conditions-of-use-not-satisfied' },
  27014: { kind: 'error', code: 'command-not-allowed-no-current-ef' },
  27015: { kind: 'error', code: 'secure-messaging-objects-missing' },
  27016: { kind: 'error', code: 'secure-messaging-objects-incorrect' },
  27264: { kind: 'error', code: 'incorrect-data-field' },
  27265: { kind: 'error', code: 'function-not-supported' },
  27266: { kind: 'error', code: 'file-not-found' },
  27267: { kind: 'error', code: 'record-not-found' },
  27268: { kind: 'error', code: 'not-enough-memory' },
  27270: { kind: 'error', code: 'incorrect-p1-p2' },
  27272: { kind: 'error', code: 'referenced-data-not-found' },
  27392: { kind: 'error', code: 'wrong-p1-p2' },
  27904: { kind: 'error', code: 'instruction-not-supported' },
  28160: { kind: 'error', code: 'class-not-supported' },
  28416: { kind: 'error', code: 'no-precise-diagnosis' },
} as const;

type FixedMeaning = (typeof fixedMeanings)[keyof typeof fixedMeanings];
export type StatusWarningCode = Extract<FixedMeaning, { kind: 'warning' }>['code'];
export type StatusErrorCode = Extract<FixedMeaning, { kind: 'error' }>['code'];

export type StatusWordMeaning =
  | { kind: 'success'; sw: number }
  /** 61xx: xx more bytes are waiting for GET RESPONSE (00 = 256 or more). */
  | { kind: 'more-data'; sw: number; available: number }
  /** 6Cxx: wrong Le; reissue the same command with Le = xx (00 = 256). */
  | { kind: 'wrong-le'; sw: number; exactLength: number }
  /** 63Cx: verification failed, x retries left. */
  | { kind: 'retries-left'; sw: number; retries: number }
  | { kind: 'warning'; sw: number; code: StatusWarningCode }
  | { kind: 'error'; sw: number; code: StatusErrorCode }
  /** Any other 62xx/63xx (warning) or 64xx–6Fxx (error), including proprietary ones. */
  | { kind: 'unknown-warning'; sw: number }
  | { kind: 'unknown-error'; sw: number }
  /** Not a valid status word (SW1 outside 6x/9x): a broken card or reader. */
  | { kind: 'invalid'; sw: number };

function isFixed(sw: number): sw is keyof typeof fixedMeanings {
  return Object.hasOwn(fixedMeanings, sw);
}

export function describeStatusWord(sw: number): StatusWordMeaning {
  const sw1 = (sw >> 8) & 0xff;
  const sw2 = sw & 0xff;
  if (sw === 0x9000) return { kind: 'success', sw };
  if (sw1 === 0x61) return { kind: 'more-data', sw, available: sw2 === 0 ? 256 : sw2 };
  if (sw1 === 0x6c) return { kind: 'wrong-le', sw, exactLength: sw2 === 0 ? 256 : sw2 };
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return { kind: 'retries-left', sw, retries: sw2 & 0x0f };
  if (isFixed(sw)) {
    const meaning = fixedMeanings[sw];
    return meaning.kind === 'warning'
      ? { kind: 'warning', sw, code: meaning.code }
      : { kind: 'error', sw, code: meaning.code };
  }
  if (sw1 === 0x62 || sw1 === 0x63) return { kind: 'unknown-warning', sw };
  if (sw1 >= 0x64 && sw1 <= 0x6f) return { kind: 'unknown-error', sw };
  // 9xxx other than 9000 is proprietary success/diagnostics (ISO 7816-4 leaves them to the application).
  if (sw1 >= 0x90 && sw1 <= 0x9f) return { kind: 'unknown-warning', sw };
  return { kind: 'invalid', sw };
}

export function isSuccess(sw: number): boolean {
  return sw === 0x9000;
}

export function formatStatusWord(sw: number): string {
  return sw.toString(16).padStart(4, '0').toUpperCase();
}
