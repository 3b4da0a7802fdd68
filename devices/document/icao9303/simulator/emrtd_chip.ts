/**
 * A simulated eMRTD chip (ICAO 9303 LDS1 with BAC) at the APDU level. It implements `SimulatedCard`, so the CCID
 * reader simulator can host it and tests can drive it through `DirectCardChannel`. Faults for the kiosk's
 * recovery paths can be switched on at any time: responses with a wrong MAC, removal after N APDUs, a slow chip.
 * Build one with `createEmrtdChip` (emrtd_chip_factory.ts), which also makes the files and the signed EF.SOD.
 */

import { concatBytes } from '../../../../lib/bytes.js';
import {
  constantTimeEqual,
  padIso9797Method2,
  retailMac,
  tripleDesCbcDecrypt,
  tripleDesCbcEncrypt,
} from '../../crypto/emrtd_crypto.js';
import type { SimulatedCard } from '../../iso7816/apdu_channel.js';
import { bacSessionMaterial, deriveBacKeys } from '../bac.js';
import { decodeTlv, encodeTlv } from '../ber_tlv.js';
import { EMRTD_AID } from '../emrtd_commands.js';
import { ChipSecureMessaging, type UnwrappedCommand } from './chip_secure_messaging.js';

export interface ChipFaults {
  /** Every secure-messaging response carries a wrong MAC. */
  badResponseMac: boolean;
  /** The card leaves the field after this many APDUs (counted since the last reset); undefined = never. */
  removeAfterApdus: number | undefined;
  /** Simulated processing time per APDU, honoured by the hosting channel. */
  delayMs: number;
}

export interface EmrtdChipConfig {
  /** MRZ_information the BAC keys are derived from. */
  readonly mrzInformation: string;
  /** File id → file bytes (EF.COM 011E, EF.SOD 011D, DGn 01nn). */
  readonly files: ReadonlyMap<number, Uint8Array>;
  /** Files that need Extended Access Control (DG3, DG4): READ BINARY answers 6982 after BAC. */
  readonly eacProtected?: ReadonlySet<number>;
  /** The chip's random source (RND.IC, K.IC); tests inject the ICAO values. */
  readonly random?: (length: number) => Uint8Array;
}

const SW = {
  ok: 0x9000,
  endOfFile: 0x6282,
  wrongLength: 0x6700,
  securityNotSatisfied: 0x6982,
  authenticationFailed: 0x6300,
  smObjectsIncorrect: 0x6988,
  fileNotFound: 0x6a82,
  wrongParameters: 0x6b00,
  insNotSupported: 0x6d00,
  conditionsNotSatisfied: 0x6985,
} as const;

const statusBytes = (sw: number): Uint8Array => Uint8Array.of(sw >> 8, sw & 0xff);
const withStatus = (data: Uint8Array, sw: number): Uint8Array => concatBytes(data, statusBytes(sw));

/** PC/SC pseudo-ATR for an ISO 14443-4 type B card: 3B 88 80 01, 8 historical bytes, TCK. */
function pseudoAtr(): Uint8Array {
  const bytes = [0x3b, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x77, 0x81, 0x81, 0x00];
  const tck = bytes.slice(1).reduce((acc, byte) => acc ^ byte, 0);
  return Uint8Array.from([...bytes, tck]);
}

export class EmrtdChip implements SimulatedCard {
  readonly atr = pseudoAtr();
  readonly faults: ChipFaults = { badResponseMac: false, removeAfterApdus: undefined, delayMs: 0 };
  readonly #config: EmrtdChipConfig;
  readonly #random: (length: number) => Uint8Array;
  #applicationSelected = false;
  #selectedFile: Uint8Array | undefined;
  #selectedFileProtected = false;
  #challenge: Uint8Array | undefined;
  #session: ChipSecureMessaging | undefined;
  #apduCount = 0;

  constructor(config: EmrtdChipConfig) {
    this.#config = config;
    this.#random = config.random ?? ((length) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  }

  /** False once `faults.removeAfterApdus` APDUs have been processed: the host channel reports card-removed. */
  get present(): boolean {
    return this.faults.removeAfterApdus === undefined || this.#apduCount < this.faults.removeAfterApdus;
  }

  get apduCount(): number {
    return this.#apduCount;
  }

  /** Processing time the host should wait for this APDU (slow-chip fault). */
  processingDelayMs(_command: Uint8Array): number {
    return this.faults.delayMs;
  }

  reset(): void {
    this.#applicationSelected = false;
    this.#selectedFile = undefined;
    this.#challenge = undefined;
    this.#session = undefined;
    this.#apduCount = 0;
  }

  processApdu(command: Uint8Array): Uint8Array {
    this.#apduCount++;
    if (command.length < 4) return statusBytes(SW.wrongLength);
    if (this.#session !== undefined) return this.#processProtected(this.#session, command);
    const ins = command[1]!;
    const data = command.length > 5 ? command.subarray(5, 5 + command[4]!) : new Uint8Array();
    switch (ins) {
      case 0xa4:
        if (command[2] === 0x04) return statusBytes(this.#selectApplication(data));
        return statusBytes(SW.securityNotSatisfied);
      case 0x84:
        return this.#getChallenge();
      case 0x82:
        return this.#externalAuthenticate(data);
      case 0xb0:
        return statusBytes(SW.securityNotSatisfied);
      default:
        return statusBytes(SW.insNotSupported);
    }
  }

  #selectApplication(aid: Uint8Array): number {
    if (!constantTimeEqual(aid, EMRTD_AID)) return SW.fileNotFound;
    this.#applicationSelected = true;
    this.#selectedFile = undefined;
    return SW.ok;
  }

  #getChallenge(): Uint8Array {
    if (!this.#applicationSelected) return statusBytes(SW.conditionsNotSatisfied);
    this.#challenge = this.#random(8);
    return withStatus(this.#challenge, SW.ok);
  }

  /** 9303-11 §4.3: verify the terminal's MAC and nonce echo, answer with E.IC || M.IC, start SM. */
  #externalAuthenticate(data: Uint8Array): Uint8Array {
    const challenge = this.#challenge;
    this.#challenge = undefined;
    if (challenge === undefined) return statusBytes(SW.conditionsNotSatisfied);
    if (data.length !== 40) return statusBytes(SW.wrongLength);
    const { kEnc, kMac } = deriveBacKeys(this.#config.mrzInformation);
    const eIfd = data.subarray(0, 32);
    if (!constantTimeEqual(retailMac(kMac, padIso9797Method2(eIfd)), data.subarray(32, 40))) {
      return statusBytes(SW.authenticationFailed);
    }
    const s = tripleDesCbcDecrypt(kEnc, eIfd);
    if (!constantTimeEqual(s.subarray(8, 16), challenge)) return statusBytes(SW.authenticationFailed);
    const rndIfd = s.subarray(0, 8);
    const kIc = this.#random(16);
    const eIc = tripleDesCbcEncrypt(kEnc, concatBytes(challenge, rndIfd, kIc));
    const mIc = retailMac(kMac, padIso9797Method2(eIc));
    const material = bacSessionMaterial(s.subarray(16, 32), kIc, challenge, rndIfd);
    this.#session = new ChipSecureMessaging(material.ksEnc, material.ksMac, material.ssc);
    return withStatus(concatBytes(eIc, mIc), SW.ok);
  }

  #processProtected(session: ChipSecureMessaging, command: Uint8Array): Uint8Array {
    const unwrapped = session.unwrapCommand(command);
    if (unwrapped === undefined) {
      // 9303-11 §9.8.4: on an SM error the chip aborts secure messaging and answers in plain.
      this.#session = undefined;
      return statusBytes(SW.smObjectsIncorrect);
    }
    const { data, sw } = this.#execute(unwrapped);
    return session.wrapResponse(data, sw, this.faults.badResponseMac, (unwrapped.ins & 1) === 1);
  }

  #execute(command: UnwrappedCommand): { data: Uint8Array; sw: number } {
    const none = new Uint8Array();
    switch (command.ins) {
      case 0xa4: {
        if (command.p1 === 0x04) return { data: none, sw: this.#selectApplication(command.data) };
        if (command.p1 !== 0x02 || command.data.length !== 2) return { data: none, sw: SW.wrongParameters };
        const fileId = (command.data[0]! << 8) | command.data[1]!;
        this.#selectedFile = this.#config.files.get(fileId);
        this.#selectedFileProtected = this.#config.eacProtected?.has(fileId) ?? false;
        return { data: none, sw: this.#selectedFile === undefined ? SW.fileNotFound : SW.ok };
      }
      case 0xb0: {
        const file = this.#selectedFile;
        if (file === undefined) return { data: none, sw: SW.conditionsNotSatisfied };
        if (this.#selectedFileProtected) return { data: none, sw: SW.securityNotSatisfied };
        if ((command.p1 & 0x80) !== 0) return { data: none, sw: SW.wrongParameters };
        const offset = (command.p1 << 8) | command.p2;
        if (offset > file.length) return { data: none, sw: SW.wrongParameters };
        const wanted = command.le === undefined ? 0 : command.le === 0 ? 256 : command.le;
        const data = file.subarray(offset, offset + wanted);
        return { data, sw: data.length < wanted ? SW.endOfFile : SW.ok };
      }
      case 0xb1:
        return this.#readBinaryOdd(command);
      default:
        return { data: none, sw: SW.insNotSupported };
    }
  }

  /** READ BINARY B1 on the current file: offset in DO54, data returned in DO53 (Le counts DO53's header). */
  #readBinaryOdd(command: UnwrappedCommand): { data: Uint8Array; sw: number } {
    const none = new Uint8Array();
    const file = this.#selectedFile;
    if (file === undefined) return { data: none, sw: SW.conditionsNotSatisfied };
    if (this.#selectedFileProtected) return { data: none, sw: SW.securityNotSatisfied };
    const offsetObject = decodeTlv(command.data);
    if (!offsetObject.ok || offsetObject.value.tag !== 0x54 || offsetObject.value.value.length === 0) {
      return { data: none, sw: SW.wrongParameters };
    }
    const offset = offsetObject.value.value.reduce((acc, byte) => acc * 256 + byte, 0);
    if (offset > file.length) return { data: none, sw: SW.wrongParameters };
    const le = command.le === undefined || command.le === 0 ? 256 : command.le;
    const room = le - (le - 2 < 0x80 ? 2 : le - 3 < 0x100 ? 3 : 4);
    const data = file.subarray(offset, offset + Math.max(0, room));
    return { data: encodeTlv(0x53, data), sw: data.length < room ? SW.endOfFile : SW.ok };
  }
}
