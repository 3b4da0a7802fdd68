/**
 * Answer-to-reset parsing (ISO/IEC 7816-3 §8.2), enough to tell a contact card from a contactless one.
 * A CCID contactless reader synthesises a PC/SC Part 3 pseudo-ATR `3B 8n 80 01 <n historical bytes> TCK`
 * (TD1 = 80, TD2 = 01 → T=1); storage cards (MIFARE…) carry `80 4F 0C A0 00 00 03 06 SS NN NN …` as historical
 * bytes, ISO 14443-4 cards (an ICAO passport) carry the ATS or ATQB bytes instead.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export type AtrError =
  | { code: 'empty' }
  | { code: 'bad-ts'; ts: number }
  | { code: 'truncated'; expected: number; actual: number }
  | { code: 'bad-tck'; expected: number; actual: number }
  | { code: 'trailing-bytes'; expected: number; actual: number };

export type CardInterface =
  /** ISO 14443-4 (T=CL) card: eMRTD, DESFire, EMV contactless. */
  | { kind: 'contactless-iso14443-4' }
  /** ISO 14443-3 memory card behind the PC/SC storage-card pseudo-ATR. `cardName` is NN NN (0001 = Classic 1K). */
  | { kind: 'contactless-storage'; standard: number; cardName: number }
  | { kind: 'contact' };

export interface Atr {
  bytes: Uint8Array;
  convention: 'direct' | 'inverse';
  /** Protocols offered in TD bytes, in order; T=0 is implicit when none is. */
  protocols: number[];
  historical: Uint8Array;
  interface: CardInterface;
}

export type AtrResult = Result<Atr, AtrError>;

const STORAGE_CARD_PREFIX = [0x80, 0x4f, 0x0c, 0xa0, 0x00, 0x00, 0x03, 0x06];

function classify(bytes: Uint8Array, historical: Uint8Array): CardInterface {
  const isPseudoAtr =
    bytes[0] === 0x3b && (bytes[1]! & 0xf0) === 0x80 && bytes[2] === 0x80 && bytes[3] === 0x01;
  if (!isPseudoAtr) return { kind: 'contact' };
  const storage = STORAGE_CARD_PREFIX.every((byte, index) => historical[index] === byte);
  if (storage && historical.length >= 11) {
    return {
      kind: 'contactless-storage',
      standard: historical[8]!,
      cardName: (historical[9]! << 8) | historical[10]!,
    };
  }
  return { kind: 'contactless-iso14443-4' };
}

export function parseAtr(bytes: Uint8Array): AtrResult {
  const ts = bytes[0];
  if (ts === undefined) return err({ code: 'empty' });
  if (ts !== 0x3b && ts !== 0x3f) return err({ code: 'bad-ts', ts });
  const t0 = bytes[1];
  if (t0 === undefined) return err({ code: 'truncated', expected: 2, actual: bytes.length });
  const historicalCount = t0 & 0x0f;
  const protocols: number[] = [];
  let position = 2;
  let indicator = t0 >> 4;
  // Walk TAi/TBi/TCi/TDi: each present bit of the high nibble adds one interface byte; TDi continues the chain.
  for (;;) {
    const present = [1, 2, 4].filter((bit) => (indicator & bit) !== 0).length;
    position += present;
    if ((indicator & 8) === 0) break;
    const td = bytes[position];
    if (td === undefined) return err({ code: 'truncated', expected: position + 1, actual: bytes.length });
    protocols.push(td & 0x0f);
    indicator = td >> 4;
    position += 1;
  }
  const historicalEnd = position + historicalCount;
  // TCK is present unless only T=0 is offered (ISO/IEC 7816-3 §8.2.5).
  const hasTck = protocols.some((protocol) => protocol !== 0);
  const expected = historicalEnd + (hasTck ? 1 : 0);
  if (bytes.length < expected) return err({ code: 'truncated', expected, actual: bytes.length });
  if (bytes.length > expected) return err({ code: 'trailing-bytes', expected, actual: bytes.length });
  if (hasTck) {
    let check = 0;
    for (let index = 1; index < historicalEnd; index++) check ^= bytes[index]!;
    const actual = bytes[historicalEnd]!;
    if (check !== actual) return err({ code: 'bad-tck', expected: check, actual });
  }
  const historical = bytes.slice(historicalEnd - historicalCount, historicalEnd);
  return ok({
    bytes: bytes.slice(),
    convention: ts === 0x3b ? 'direct' : 'inverse',
    protocols,
    historical,
    interface: classify(bytes, historical),
  });
}

/** Builds the PC/SC Part 3 pseudo-ATR a contactless reader reports for an ISO 14443-4 card. */
export function contactlessPseudoAtr(historical: Uint8Array): Uint8Array {
  const count = Math.min(historical.length, 15);
  const out = new Uint8Array(4 + count + 1);
  out.set([0x3b, 0x80 | count, 0x80, 0x01]);
  out.set(historical.subarray(0, count), 4);
  let tck = 0;
  for (let index = 1; index < out.length - 1; index++) tck ^= out[index]!;
  out[out.length - 1] = tck;
  return out;
}
