/**
 * Sends ISO/IEC 7816-4 commands over any `ApduChannel` and does the transport-level bookkeeping a card may ask for:
 * - 61xx: the response continues; fetch it with GET RESPONSE (`00 C0 00 00 xx`) until the card stops saying 61.
 * - 6Cxx: wrong Le; reissue the same command once with Le = xx.
 * - command chaining (§5.1.1.1): data longer than one APDU goes out in pieces with CLA bit 0x10 set on all but the last.
 * It is itself an `ApduChannel`, so ICAO 9303 code can sit on top of it unchanged.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import {
  type ApduCodecError,
  type CommandApdu,
  decodeCommandApdu,
  decodeResponseApdu,
  encodeCommandApdu,
  MAX_EXTENDED_DATA,
  MAX_SHORT_DATA,
  type ResponseApdu,
} from './apdu.js';
import type { ApduChannel, ApduFailure, TransmitResult } from './apdu_channel.js';

export type ApduExchangeError =
  | ApduFailure
  | { code: 'invalid-command'; error: ApduCodecError }
  | { code: 'malformed-response'; length: number }
  | { code: 'response-too-long'; received: number };

export type ExchangeResult = Result<ResponseApdu, ApduExchangeError>;

export interface TransmitterOptions {
  /** The card and the reader both accept extended-length APDUs (reader: CCID dwFeatures extended APDU level). */
  extendedLength: boolean;
  /** Largest data field per command before chaining; defaults to 255 (short) or 65535 (extended). */
  maxCommandData?: number;
}

const CHAINING_BIT = 0x10;
/** GET RESPONSE chains longer than this are a broken card, not data: 64 KiB is the largest Ne. */
const MAX_RESPONSE_BYTES = 65_536 + 256;
/** 256 full GET RESPONSEs carry the largest Ne; four times that allows for cards that send short pieces. */
const MAX_GET_RESPONSE_ROUNDS = 1024;

export class Iso7816Transmitter implements ApduChannel {
  private readonly maxCommandData: number;

  constructor(
    private readonly channel: ApduChannel,
    private readonly options: TransmitterOptions,
  ) {
    const limit = options.extendedLength ? MAX_EXTENDED_DATA : MAX_SHORT_DATA;
    this.maxCommandData = Math.max(1, Math.min(options.maxCommandData ?? limit, limit));
  }

  /** Sends a typed command, chaining it if its data is too long, and returns the complete response. */
  async send(apdu: CommandApdu): Promise<ExchangeResult> {
    if (apdu.data.length <= this.maxCommandData) return this.exchange(apdu);
    for (let offset = 0; offset < apdu.data.length; offset += this.maxCommandData) {
      const chunk = apdu.data.subarray(offset, offset + this.maxCommandData);
      const last = offset + this.maxCommandData >= apdu.data.length;
      const part: CommandApdu = last
        ? { ...apdu, data: chunk }
        : { cla: apdu.cla | CHAINING_BIT, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, data: chunk };
      const result = await this.exchange(part);
      // A card that refuses a piece answers with an error; the rest of the chain must not be sent.
      if (!result.ok || last || result.value.sw !== 0x9000) return result;
    }
    // Unreachable: the loop always returns on its last piece.
    return err({ code: 'transport', detail: 'empty command chain' });
  }

  /** `ApduChannel`: raw command bytes in, complete response (after 61xx/6Cxx handling) out. */
  async transmit(command: Uint8Array): Promise<TransmitResult> {
    const decoded = decodeCommandApdu(command);
    // The caller's bytes go out unchanged; they are re-encoded only if the card asks for another Le (6Cxx).
    const result = decoded.ok
      ? await this.exchangeEncoded(decoded.value, command)
      : await this.exchangeRaw(command);
    if (!result.ok) return err(asApduFailure(result.error));
    const { data, sw } = result.value;
    const out = new Uint8Array(data.length + 2);
    out.set(data);
    out[data.length] = sw >> 8;
    out[data.length + 1] = sw & 0xff;
    return ok(out);
  }

  private async exchange(apdu: CommandApdu): Promise<ExchangeResult> {
    const encoded = encodeCommandApdu(apdu, { extendedLength: this.options.extendedLength });
    if (!encoded.ok) return err({ code: 'invalid-command', error: encoded.error });
    return this.exchangeEncoded(apdu, encoded.value);
  }

  private async exchangeEncoded(apdu: CommandApdu, encoded: Uint8Array): Promise<ExchangeResult> {
    let result = await this.exchangeRaw(encoded);
    if (result.ok && result.value.sw1 === 0x6c) {
      const exact = result.value.sw2 === 0 ? 256 : result.value.sw2;
      const reissued = encodeCommandApdu(
        { ...apdu, ne: exact },
        { extendedLength: this.options.extendedLength },
      );
      if (!reissued.ok) return err({ code: 'invalid-command', error: reissued.error });
      result = await this.exchangeRaw(reissued.value);
    }
    if (!result.ok || result.value.sw1 !== 0x61) return result;
    return this.collectGetResponse(apdu.cla, result.value);
  }

  private async collectGetResponse(cla: number, first: ResponseApdu): Promise<ExchangeResult> {
    const parts: Uint8Array[] = [first.data];
    let received = first.data.length;
    let current = first;
    let rounds = 0;
    while (current.sw1 === 0x61) {
      // A card answering 61xx without ever sending data would otherwise keep us here forever.
      rounds++;
      if (rounds > MAX_GET_RESPONSE_ROUNDS) return err({ code: 'response-too-long', received });
      // Keep the logical channel bits (b2 b1) of the original class byte; drop chaining and secure messaging.
      const getResponse = Uint8Array.of(cla & 0x03, 0xc0, 0x00, 0x00, current.sw2);
      const next = await this.exchangeRaw(getResponse);
      if (!next.ok) return next;
      current = next.value;
      parts.push(current.data);
      received += current.data.length;
      if (received > MAX_RESPONSE_BYTES) return err({ code: 'response-too-long', received });
    }
    const data = new Uint8Array(received);
    let offset = 0;
    for (const part of parts) {
      data.set(part, offset);
      offset += part.length;
    }
    return ok({ data, sw1: current.sw1, sw2: current.sw2, sw: current.sw });
  }

  private async exchangeRaw(command: Uint8Array): Promise<ExchangeResult> {
    const sent = await this.channel.transmit(command);
    if (!sent.ok) return sent;
    const response = decodeResponseApdu(sent.value);
    if (!response.ok) return err({ code: 'malformed-response', length: sent.value.length });
    return response;
  }
}

function asApduFailure(error: ApduExchangeError): ApduFailure {
  switch (error.code) {
    case 'card-removed':
    case 'no-card':
    case 'timeout':
    case 'disconnected':
    case 'transport':
      return error;
    case 'invalid-command':
      return { code: 'transport', detail: `invalid command APDU: ${error.error.code}` };
    case 'malformed-response':
      return { code: 'transport', detail: `response of ${error.length} bytes has no status word` };
    case 'response-too-long':
      return { code: 'transport', detail: `GET RESPONSE chain too long (${error.received} bytes received)` };
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
