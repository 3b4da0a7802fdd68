/**
 * Basic Access Control (ICAO 9303-11 §4.3, worked example App. D.1–D.3, protocols.md §2.1–2.2):
 * keys from MRZ_information, GET CHALLENGE, EXTERNAL AUTHENTICATE, then 3DES secure messaging with session keys
 * from K.IFD ⊕ K.IC and SSC = RND.IC[4:8] || RND.IFD[4:8].
 */

import { concatBytes } from '../../../lib/bytes.js';
import {
  adjustDesParity,
  constantTimeEqual,
  hash,
  padIso9797Method2,
  retailMac,
  tripleDesCbcDecrypt,
  tripleDesCbcEncrypt,
  wipe,
} from '../crypto/emrtd_crypto.js';
import type { ApduChannel } from '../iso7816/apdu_channel.js';
import type { AccessControl, AccessControlResult } from './access_control.js';
import { plainLink } from './card_link.js';
import {
  externalAuthenticate,
  getChallenge,
  SW_OK,
  SW_SECURITY_STATUS_NOT_SATISFIED,
} from './emrtd_commands.js';
import { type BacMrzInput, mrzInformation } from './mrz_information.js';
import { SecureMessaging, tripleDesSuite } from './secure_messaging.js';

export interface BacKeys {
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
}

/** 9303-11 §9.7.1 KDF for 3DES: SHA-1(seed || counter)[0:16], DES parity adjusted. Counter 1 = ENC, 2 = MAC. */
export function deriveKey(seed: Uint8Array, counter: 1 | 2): Uint8Array {
  const input = concatBytes(seed, Uint8Array.of(0, 0, 0, counter));
  return adjustDesParity(hash('SHA-1', input).subarray(0, 16));
}

/** Kseed = SHA-1(MRZ_information)[0:16], then KEnc and KMAC. */
export function deriveBacKeys(mrzInfo: string): BacKeys {
  const seed = hash('SHA-1', new TextEncoder().encode(mrzInfo)).subarray(0, 16);
  return { kEnc: deriveKey(seed, 1), kMac: deriveKey(seed, 2) };
}

export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** Session keys and SSC once both sides' key material is known (D.3 end). */
export function bacSessionMaterial(
  kIfd: Uint8Array,
  kIc: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
): { ksEnc: Uint8Array; ksMac: Uint8Array; ssc: Uint8Array } {
  const seed = xorBytes(kIfd, kIc);
  return {
    ksEnc: deriveKey(seed, 1),
    ksMac: deriveKey(seed, 2),
    ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
  };
}

export interface BacOptions {
  /** Source of RND.IFD and K.IFD; tests inject the ICAO values. Defaults to the system CSPRNG. */
  readonly random?: (length: number) => Uint8Array;
}

export class BacAccessControl implements AccessControl {
  readonly protocol = 'BAC' as const;
  readonly #mrzInfo: string;
  readonly #random: (length: number) => Uint8Array;

  constructor(input: BacMrzInput, options: BacOptions = {}) {
    this.#mrzInfo = mrzInformation(input);
    this.#random = options.random ?? ((length) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  }

  async establish(channel: ApduChannel): Promise<AccessControlResult> {
    const link = plainLink(channel);
    const challenge = await link.send(getChallenge());
    if (!challenge.ok) {
      return challenge.error.code === 'transport'
        ? { ok: false, error: { code: 'transport', step: 'get-challenge', failure: challenge.error.failure } }
        : { ok: false, error: { code: 'malformed-response', step: 'get-challenge' } };
    }
    if (challenge.value.sw !== SW_OK) {
      return {
        ok: false,
        error: { code: 'unexpected-status', step: 'get-challenge', sw: challenge.value.sw },
      };
    }
    const rndIc = challenge.value.data;
    if (rndIc.length !== 8)
      return { ok: false, error: { code: 'malformed-response', step: 'get-challenge' } };

    const { kEnc, kMac } = deriveBacKeys(this.#mrzInfo);
    const rndIfd = this.#random(8);
    const kIfd = this.#random(16);
    try {
      const eIfd = tripleDesCbcEncrypt(kEnc, concatBytes(rndIfd, rndIc, kIfd));
      const mIfd = retailMac(kMac, padIso9797Method2(eIfd));
      const answer = await link.send(externalAuthenticate(concatBytes(eIfd, mIfd), 40));
      if (!answer.ok) {
        return answer.error.code === 'transport'
          ? {
              ok: false,
              error: { code: 'transport', step: 'external-authenticate', failure: answer.error.failure },
            }
          : { ok: false, error: { code: 'malformed-response', step: 'external-authenticate' } };
      }
      const { sw, data } = answer.value;
      if (sw === SW_SECURITY_STATUS_NOT_SATISFIED || sw === 0x6300) {
        return { ok: false, error: { code: 'access-denied', sw } };
      }
      if (sw !== SW_OK)
        return { ok: false, error: { code: 'unexpected-status', step: 'external-authenticate', sw } };
      if (data.length !== 40)
        return { ok: false, error: { code: 'malformed-response', step: 'external-authenticate' } };
      const eIc = data.subarray(0, 32);
      // Verify the MAC before decrypting anything (9303-11 §4.3.3.2 step 3).
      if (!constantTimeEqual(retailMac(kMac, padIso9797Method2(eIc)), data.subarray(32, 40))) {
        return { ok: false, error: { code: 'chip-mac-mismatch' } };
      }
      const r = tripleDesCbcDecrypt(kEnc, eIc);
      if (!constantTimeEqual(r.subarray(0, 8), rndIc) || !constantTimeEqual(r.subarray(8, 16), rndIfd)) {
        return { ok: false, error: { code: 'chip-nonce-mismatch' } };
      }
      const { ksEnc, ksMac, ssc } = bacSessionMaterial(kIfd, r.subarray(16, 32), rndIc, rndIfd);
      const session = new SecureMessaging(tripleDesSuite(ksEnc, ksMac), ssc);
      wipe(ksEnc, ksMac, r);
      return { ok: true, value: session };
    } finally {
      wipe(kEnc, kMac, kIfd);
    }
  }
}
