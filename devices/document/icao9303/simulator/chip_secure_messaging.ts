/**
 * The chip's side of 3DES secure messaging (9303-11 §9.8): unwrap a protected command (verify DO8E, decrypt DO87,
 * read DO97) and wrap a response (DO87, DO99, DO8E). Mirrors ../secure_messaging.ts from the other direction; the
 * simulator uses it so the terminal code is tested against an independent peer, not against itself.
 */

import { concatBytes } from '../../../../lib/bytes.js';
import {
  constantTimeEqual,
  padIso9797Method2,
  retailMac,
  type TripleDesKey,
  tripleDesCbcDecrypt,
  tripleDesCbcEncrypt,
  tripleDesKey,
  unpadIso9797Method2,
} from '../../crypto/emrtd_crypto.js';
import { decodeTlvList, encodeTlv } from '../ber_tlv.js';

export interface UnwrappedCommand {
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  /** Expected length from DO97 (0 means 256), undefined without DO97. */
  readonly le: number | undefined;
}

export class ChipSecureMessaging {
  readonly #enc: TripleDesKey;
  readonly #mac: TripleDesKey;
  readonly #ssc: Uint8Array;

  constructor(ksEnc: Uint8Array, ksMac: Uint8Array, ssc: Uint8Array) {
    this.#enc = tripleDesKey(ksEnc);
    this.#mac = tripleDesKey(ksMac);
    this.#ssc = Uint8Array.from(ssc);
  }

  #increment(): void {
    for (let i = 7; i >= 0; i--) {
      this.#ssc[i] = (this.#ssc[i]! + 1) & 0xff;
      if (this.#ssc[i] !== 0) break;
    }
  }

  /** undefined when the command is not validly protected (the chip then answers 6988 and drops the session). */
  unwrapCommand(apdu: Uint8Array): UnwrappedCommand | undefined {
    this.#increment();
    if (apdu.length < 6 || (apdu[0]! & 0x0c) !== 0x0c) return undefined;
    const lc = apdu[4]!;
    if (apdu.length !== 5 + lc + 1) return undefined;
    const body = apdu.subarray(5, 5 + lc);
    const objects = decodeTlvList(body);
    if (!objects.ok) return undefined;
    const macObject = objects.value[objects.value.length - 1];
    if (macObject === undefined || macObject.tag !== 0x8e || macObject.value.length !== 8) return undefined;
    const header = padIso9797Method2(apdu.subarray(0, 4));
    const covered = body.subarray(0, body.length - macObject.headerLength - 8);
    const expected = retailMac(this.#mac, padIso9797Method2(concatBytes(this.#ssc, header, covered)));
    if (!constantTimeEqual(expected, macObject.value)) return undefined;
    let data: Uint8Array = new Uint8Array();
    let le: number | undefined;
    for (const object of objects.value.slice(0, -1)) {
      const cryptogram =
        object.tag === 0x87 && object.value[0] === 0x01
          ? object.value.subarray(1)
          : object.tag === 0x85
            ? object.value
            : undefined;
      if (cryptogram !== undefined) {
        if (cryptogram.length === 0 || cryptogram.length % 8 !== 0) return undefined;
        const plain = unpadIso9797Method2(tripleDesCbcDecrypt(this.#enc, cryptogram));
        if (plain === undefined) return undefined;
        data = plain;
      } else if (object.tag === 0x97 && object.value.length === 1) {
        le = object.value[0]!;
      } else {
        return undefined;
      }
    }
    return { ins: apdu[1]!, p1: apdu[2]!, p2: apdu[3]!, data, le };
  }

  /**
   * The protected response: DO87 (DO85 for odd INS)? DO99 DO8E, then 90 00. `corruptMac` flips a MAC bit
   * (fault injection).
   */
  wrapResponse(data: Uint8Array, sw: number, corruptMac = false, oddIns = false): Uint8Array {
    this.#increment();
    const cryptogram = data.length > 0 ? tripleDesCbcEncrypt(this.#enc, padIso9797Method2(data)) : undefined;
    const do87 =
      cryptogram === undefined
        ? new Uint8Array()
        : oddIns
          ? encodeTlv(0x85, cryptogram)
          : encodeTlv(0x87, Uint8Array.of(0x01), cryptogram);
    const do99 = encodeTlv(0x99, Uint8Array.of(sw >> 8, sw & 0xff));
    const mac = retailMac(this.#mac, padIso9797Method2(concatBytes(this.#ssc, do87, do99)));
    if (corruptMac) mac[0] = mac[0]! ^ 0x01;
    return concatBytes(do87, do99, encodeTlv(0x8e, mac), Uint8Array.of(0x90, 0x00));
  }
}
