/**
 * The few ISO 7816-4 commands an eMRTD read uses, as short APDUs (9303-11 §9.8 / protocols.md §2.2), and the
 * split of a response into data and status word. Kept here rather than in iso7816/ because they are the eMRTD's
 * view of the card; the transport-level APDU channel is iso7816/apdu_channel.ts.
 */

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  /** Expected response length 1–256 (256 is encoded as 00); absent when no data is expected. */
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

export const SW_OK = 0x9000;
export const SW_END_OF_FILE_WARNING = 0x6282;
export const SW_SECURITY_STATUS_NOT_SATISFIED = 0x6982;
export const SW_SM_DATA_OBJECTS_MISSING = 0x6987;
export const SW_SM_DATA_OBJECTS_INCORRECT = 0x6988;

/** ICAO 9303 LDS1 eMRTD application identifier. */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export function encodeCommandApdu(command: CommandApdu): Uint8Array {
  const data = command.data ?? new Uint8Array();
  if (data.length > 255) throw new RangeError('extended-length APDUs are not used for eMRTD reads');
  const bytes = [command.cla, command.ins, command.p1, command.p2];
  if (data.length > 0) bytes.push(data.length, ...data);
  if (command.le !== undefined) bytes.push(command.le === 256 ? 0 : command.le);
  return Uint8Array.from(bytes);
}

/** Split a raw response; undefined when it is shorter than a status word. */
export function splitResponse(raw: Uint8Array): ResponseApdu | undefined {
  if (raw.length < 2) return undefined;
  return { data: raw.subarray(0, raw.length - 2), sw: (raw[raw.length - 2]! << 8) | raw[raw.length - 1]! };
}

export function selectApplication(aid: Uint8Array = EMRTD_AID): CommandApdu {
  return { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid };
}

export function selectElementaryFile(fileId: number): CommandApdu {
  return { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fileId >> 8, fileId & 0xff) };
}

/** READ BINARY with a 15-bit offset in P1-P2 (bit 8 of P1 clear: no short file identifier). */
export function readBinary(offset: number, length: number): CommandApdu {
  if (offset < 0 || offset > 0x7fff)
    throw new RangeError(`READ BINARY offset ${offset} needs the odd-INS form`);
  return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length };
}

/**
 * READ BINARY with odd INS (B1) for offsets beyond 32767: the offset travels in DO54, the response data is
 * wrapped in DO53. `le` counts the DO53 header too.
 */
export function readBinaryOdd(offset: number, le: number): CommandApdu {
  const offsetBytes =
    offset > 0xffff ? [offset >> 16, (offset >> 8) & 0xff, offset & 0xff] : [offset >> 8, offset & 0xff];
  return {
    cla: 0x00,
    ins: 0xb1,
    p1: 0x00,
    p2: 0x00,
    data: Uint8Array.of(0x54, offsetBytes.length, ...offsetBytes),
    le,
  };
}

export function getChallenge(): CommandApdu {
  return { cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, le: 8 };
}

export function externalAuthenticate(data: Uint8Array, responseLength: number): CommandApdu {
  return { cla: 0x00, ins: 0x82, p1: 0x00, p2: 0x00, data, le: responseLength };
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
