import type { Symbology } from './scan_event.js';

/**
 * AIM / ISO/IEC 15424 symbology identifiers (`]cm`: ']' , code character, modifier), as the scanner prefixes
 * them to the data. Sources (protocols.md §6.2): NCR 7895 AIM table, Zebra DS3678 Table E-2/E-3, CipherLab
 * 8000. `]E4` for EAN-8 is unconfirmed there; every other `]E` modifier is reported as the generic 'upc-ean'.
 */

export interface AimId {
  code: string;
  modifier: string;
}

/** Parses the 3 bytes `]cm`; undefined when they are not a symbology identifier. */
export function parseAimId(bytes: Uint8Array): AimId | undefined {
  if (bytes.length < 3 || bytes[0] !== 0x5d) return undefined;
  const code = bytes[1]!;
  const modifier = bytes[2]!;
  const isAlpha = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
  const isModifier = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a);
  if (!isAlpha(code) || !isModifier(modifier)) return undefined;
  return { code: String.fromCharCode(code), modifier: String.fromCharCode(modifier) };
}

export function symbologyOfAim(aim: AimId): Symbology {
  switch (aim.code) {
    case 'Q':
      return 'qr';
    case 'C':
      return aim.modifier === '1' ? 'gs1-128' : 'code128';
    case 'E':
      if (aim.modifier === '0') return 'ean13';
      if (aim.modifier === '4') return 'ean8';
      return 'upc-ean';
    case 'A':
      return 'code39';
    case 'G':
      return 'code93';
    case 'F':
      return 'codabar';
    case 'I':
      return 'itf';
    case 'L':
      return 'pdf417';
    case 'd':
      return aim.modifier === '2' ? 'gs1-datamatrix' : 'datamatrix';
    case 'z':
      return 'aztec';
    case 'U':
      return 'maxicode';
    case 'e':
      return 'gs1-databar';
    default:
      return 'unknown';
  }
}

/** The identifier a scanner sends for each symbology (the typical modifier: QR model 2 `]Q1`, PDF417 `]L2` …). */
export function aimIdOf(symbology: Symbology): string {
  switch (symbology) {
    case 'qr':
      return ']Q1';
    case 'code128':
      return ']C0';
    case 'gs1-128':
      return ']C1';
    case 'ean13':
      return ']E0';
    case 'ean8':
      return ']E4';
    case 'upc-ean':
      return ']E3';
    case 'code39':
      return ']A0';
    case 'code93':
      return ']G0';
    case 'codabar':
      return ']F0';
    case 'itf':
      return ']I0';
    case 'pdf417':
      return ']L2';
    case 'datamatrix':
      return ']d1';
    case 'gs1-datamatrix':
      return ']d2';
    case 'aztec':
      return ']z0';
    case 'maxicode':
      return ']U0';
    case 'gs1-databar':
      return ']e0';
    case 'unknown':
      return ']X0';
    default: {
      const unreachable: never = symbology;
      return unreachable;
    }
  }
}

/**
 * Honeywell "code ID" (byte 61 of the HID POS report), used only when the AIM identifier says nothing
 * (`]X`/`]Z`). Values from WebHidBarcodeScanner (protocols.md §6.2).
 */
export function symbologyOfHoneywellCodeId(codeId: number): Symbology {
  switch (codeId) {
    case 0x73:
      return 'qr';
    case 0x6a:
      return 'code128';
    case 0x72:
      return 'pdf417';
    case 0x77:
      return 'datamatrix';
    case 0x64:
      return 'ean13';
    default:
      return 'unknown';
  }
}
