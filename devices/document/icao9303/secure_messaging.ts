/**
 * ICAO 9303-11 §9.8 secure messaging: every command after access control is wrapped (DO87 encrypted data,
 * DO97 expected length, DO8E MAC) and every response unwrapped (DO87, DO99 status, DO8E), with the send sequence
 * counter incremented before each command and each response. The response MAC is verified before anything in
 * the response is used; a failed MAC, or a response the card did not protect, ends the session and wipes the keys
 * (the chip has dropped its session keys too, and continuing would read unauthenticated data).
 *
 * The cipher is behind `SmCipherSuite` so PACE's AES secure messaging can slot in beside BAC's 3DES.
 */

import { concatBytes } from '../../../lib/bytes.js';
import { err, ok, type Result } from '../../../lib/result.js';
import {
  constantTimeEqual,
  padIso9797Method2,
  retailMac,
  type TripleDesKey,
  tripleDesCbcDecrypt,
  tripleDesCbcEncrypt,
  tripleDesKey,
  unpadIso9797Method2,
  wipe,
} from '../crypto/emrtd_crypto.js';
import { decodeTlvList, encodeTlv } from './ber_tlv.js';
import { type CommandApdu, type ResponseApdu, splitResponse } from './emrtd_commands.js';

export interface SmCipherSuite {
  /** Cipher block size; also the padding block size and the SSC length. */
  readonly blockSize: number;
  encrypt(ssc: Uint8Array, padded: Uint8Array): Uint8Array;
  decrypt(ssc: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  /** The 8-byte MAC over already padded input (which starts with the SSC). */
  mac(padded: Uint8Array): Uint8Array;
  wipe(): void;
}

/** BAC (and PACE with 3DES): 2-key 3DES-CBC with IV 0, retail MAC. */
export function tripleDesSuite(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipherSuite {
  const encRaw = Uint8Array.from(ksEnc);
  const macRaw = Uint8Array.from(ksMac);
  let enc: TripleDesKey | undefined = tripleDesKey(encRaw);
  let mac: TripleDesKey | undefined = tripleDesKey(macRaw);
  const live = <T>(key: T | undefined): T => {
    if (key === undefined) throw new Error('secure messaging keys used after wipe');
    return key;
  };
  return {
    blockSize: 8,
    encrypt: (_ssc, padded) => tripleDesCbcEncrypt(live(enc), padded),
    decrypt: (_ssc, ciphertext) => tripleDesCbcDecrypt(live(enc), ciphertext),
    mac: (padded) => retailMac(live(mac), padded),
    wipe: () => {
      for (const key of [enc, mac]) if (key !== undefined) wipe(key.k1, key.k2, key.k3);
      wipe(encRaw, macRaw);
      enc = undefined;
      mac = undefined;
    },
  };
}

export type SmError =
  | { readonly code: 'sm-session-ended' }
  | { readonly code: 'sm-unprotected-response'; readonly sw: number }
  | { readonly code: 'sm-malformed'; readonly detail: string }
  | { readonly code: 'sm-mac-mismatch' };

export type SmResult<T> = Result<T, SmError>;

const TAG_ENCRYPTED_DATA = 0x87;
/** Odd INS (READ BINARY B1): the data field is BER-TLV, so DO85 without the padding-indicator byte is used. */
const TAG_ENCRYPTED_BER_DATA = 0x85;
const TAG_EXPECTED_LENGTH = 0x97;
const TAG_MAC = 0x8e;
const TAG_STATUS = 0x99;

export class SecureMessaging {
  readonly #suite: SmCipherSuite;
  readonly #ssc: Uint8Array;
  #ended = false;

  constructor(suite: SmCipherSuite, initialSsc: Uint8Array) {
    if (initialSsc.length !== suite.blockSize)
      throw new RangeError('SSC length must equal the cipher block size');
    this.#suite = suite;
    this.#ssc = Uint8Array.from(initialSsc);
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** A copy of the current send sequence counter (for tests and diagnostics). */
  get ssc(): Uint8Array {
    return Uint8Array.from(this.#ssc);
  }

  /** Wipe the session keys; every later wrap/unwrap reports `sm-session-ended`. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#suite.wipe();
    this.#ssc.fill(0);
  }

  #incrementSsc(): void {
    for (let i = this.#ssc.length - 1; i >= 0; i--) {
      this.#ssc[i] = (this.#ssc[i]! + 1) & 0xff;
      if (this.#ssc[i] !== 0) break;
    }
  }

  #pad(data: Uint8Array): Uint8Array {
    return padIso9797Method2(data, this.#suite.blockSize);
  }

  wrap(command: CommandApdu): SmResult<Uint8Array> {
    if (this.#ended) return err({ code: 'sm-session-ended' });
    this.#incrementSsc();
    const header = Uint8Array.of(command.cla | 0x0c, command.ins, command.p1, command.p2);
    const data = command.data ?? new Uint8Array();
    const oddIns = (command.ins & 1) === 1;
    const cryptogram = data.length > 0 ? this.#suite.encrypt(this.#ssc, this.#pad(data)) : undefined;
    const do87 =
      cryptogram === undefined
        ? new Uint8Array()
        : oddIns
          ? encodeTlv(TAG_ENCRYPTED_BER_DATA, cryptogram)
          : encodeTlv(TAG_ENCRYPTED_DATA, Uint8Array.of(0x01), cryptogram);
    const do97 =
      command.le !== undefined
        ? encodeTlv(TAG_EXPECTED_LENGTH, Uint8Array.of(command.le & 0xff))
        : new Uint8Array();
    const macInput = this.#pad(concatBytes(this.#ssc, this.#pad(header), do87, do97));
    const do8e = encodeTlv(TAG_MAC, this.#suite.mac(macInput));
    const body = concatBytes(do87, do97, do8e);
    if (body.length > 255)
      throw new RangeError('protected command needs extended length, not used for eMRTD reads');
    return ok(concatBytes(header, Uint8Array.of(body.length), body, Uint8Array.of(0x00)));
  }

  #fail(error: SmError): SmResult<ResponseApdu> {
    this.end();
    return err(error);
  }

  unwrap(raw: Uint8Array): SmResult<ResponseApdu> {
    if (this.#ended) return err({ code: 'sm-session-ended' });
    const response = splitResponse(raw);
    if (response === undefined)
      return this.#fail({ code: 'sm-malformed', detail: 'response shorter than SW1 SW2' });
    if (response.data.length === 0) return this.#fail({ code: 'sm-unprotected-response', sw: response.sw });
    this.#incrementSsc();
    const objects = decodeTlvList(response.data);
    if (!objects.ok) return this.#fail({ code: 'sm-malformed', detail: objects.error.code });
    const list = objects.value;
    const macObject = list[list.length - 1];
    if (macObject === undefined || macObject.tag !== TAG_MAC || macObject.value.length !== 8) {
      return this.#fail({ code: 'sm-malformed', detail: 'DO8E missing, misplaced or not 8 bytes' });
    }
    const covered = response.data.subarray(0, response.data.length - macObject.headerLength - 8);
    const expected = this.#suite.mac(this.#pad(concatBytes(this.#ssc, covered)));
    if (!constantTimeEqual(expected, macObject.value)) return this.#fail({ code: 'sm-mac-mismatch' });

    let status: number | undefined;
    let encrypted: Uint8Array | undefined;
    let indicatorByte = true;
    for (const object of list.slice(0, -1)) {
      if (object.tag === TAG_STATUS && object.value.length === 2 && status === undefined) {
        status = (object.value[0]! << 8) | object.value[1]!;
      } else if (
        (object.tag === TAG_ENCRYPTED_DATA || object.tag === TAG_ENCRYPTED_BER_DATA) &&
        encrypted === undefined
      ) {
        encrypted = object.value;
        indicatorByte = object.tag === TAG_ENCRYPTED_DATA;
      } else {
        return this.#fail({
          code: 'sm-malformed',
          detail: `unexpected data object ${object.tag.toString(16)}`,
        });
      }
    }
    if (status === undefined) return this.#fail({ code: 'sm-malformed', detail: 'DO99 missing' });
    if (encrypted === undefined) return ok({ data: new Uint8Array(), sw: status });
    const ciphertext = indicatorByte ? encrypted.subarray(1) : encrypted;
    if (
      (indicatorByte && encrypted[0] !== 0x01) ||
      ciphertext.length === 0 ||
      ciphertext.length % this.#suite.blockSize !== 0
    ) {
      return this.#fail({ code: 'sm-malformed', detail: 'DO87 padding indicator or length' });
    }
    const plain = unpadIso9797Method2(this.#suite.decrypt(this.#ssc, ciphertext));
    if (plain === undefined) return this.#fail({ code: 'sm-malformed', detail: 'DO87 padding' });
    return ok({ data: plain, sw: status });
  }
}
