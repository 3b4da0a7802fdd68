/**
 * BER-TLV as ICAO 9303 LDS files and secure-messaging data objects use it (ISO 7816-4 §5.2, X.690 §8.1):
 * tags of one or more bytes (`xx11111` announces more, bit 8 of each following byte continues), definite lengths
 * in short form or long form with up to 4 length bytes. Indefinite lengths never occur on an eMRTD and are
 * refused. Bytes come from a card: every malformation is a typed error, never an exception.
 */
import { concatBytes } from '../../../lib/bytes.js';
import { err, ok, type Result } from '../../../lib/result.js';

export interface Tlv {
  /** The tag bytes read as a big-endian number, e.g. 0x5F1F. */
  readonly tag: number;
  readonly constructed: boolean;
  /** A view into the decoded buffer (not a copy). */
  readonly value: Uint8Array;
  /** Offset of the first byte after this TLV in the decoded buffer. */
  readonly end: number;
  /** Number of tag + length bytes. */
  readonly headerLength: number;
}

export type TlvError =
  | { readonly code: 'tlv-truncated-tag'; readonly offset: number }
  | { readonly code: 'tlv-tag-too-long'; readonly offset: number }
  | { readonly code: 'tlv-truncated-length'; readonly offset: number }
  | { readonly code: 'tlv-unsupported-length'; readonly offset: number; readonly firstLengthByte: number }
  | {
      readonly code: 'tlv-truncated-value';
      readonly offset: number;
      readonly declared: number;
      readonly available: number;
    }
  | {
      readonly code: 'tlv-unexpected-tag';
      readonly offset: number;
      readonly expected: number;
      readonly got: number;
    }
  | { readonly code: 'tlv-missing-tag'; readonly tag: number };

export type TlvResult<T> = Result<T, TlvError>;

/** Tags up to 3 bytes fit every eMRTD tag (the longest are 5F1F, 7F61, 7F2E) and stay exact in a number. */
const MAX_TAG_BYTES = 3;
const MAX_LENGTH_BYTES = 4;

/** Decode the header (tag and length) at `offset`: enough to learn a file's total size from its first bytes. */
export function decodeTlvHeader(
  bytes: Uint8Array,
  offset = 0,
): TlvResult<{ tag: number; constructed: boolean; length: number; headerLength: number }> {
  let position = offset;
  if (position >= bytes.length) return err({ code: 'tlv-truncated-tag', offset });
  const first = bytes[position++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let tagBytes = 1;
    for (;;) {
      if (position >= bytes.length) return err({ code: 'tlv-truncated-tag', offset });
      if (++tagBytes > MAX_TAG_BYTES) return err({ code: 'tlv-tag-too-long', offset });
      const next = bytes[position++]!;
      tag = tag * 256 + next;
      if ((next & 0x80) === 0) break;
    }
  }
  if (position >= bytes.length) return err({ code: 'tlv-truncated-length', offset: position });
  const lengthByte = bytes[position++]!;
  let length = lengthByte;
  if (lengthByte >= 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > MAX_LENGTH_BYTES) {
      return err({ code: 'tlv-unsupported-length', offset: position - 1, firstLengthByte: lengthByte });
    }
    if (position + count > bytes.length) {
      return err({ code: 'tlv-truncated-length', offset: position - 1 });
    }
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[position++]!;
  }
  return ok({ tag, constructed: (first & 0x20) !== 0, length, headerLength: position - offset });
}

export function decodeTlv(bytes: Uint8Array, offset = 0): TlvResult<Tlv> {
  const header = decodeTlvHeader(bytes, offset);
  if (!header.ok) return header;
  const { tag, constructed, length, headerLength } = header.value;
  const start = offset + headerLength;
  if (start + length > bytes.length) {
    return err({ code: 'tlv-truncated-value', offset, declared: length, available: bytes.length - start });
  }
  return ok({
    tag,
    constructed,
    value: bytes.subarray(start, start + length),
    end: start + length,
    headerLength,
  });
}

/** Decode TLVs back to back until the end of `bytes`. */
export function decodeTlvList(bytes: Uint8Array): TlvResult<Tlv[]> {
  const list: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tlv = decodeTlv(bytes, offset);
    if (!tlv.ok) return tlv;
    list.push(tlv.value);
    offset = tlv.value.end;
  }
  return ok(list);
}

/** Decode one TLV that must carry `tag` and span `bytes` from the start. */
export function expectTlv(bytes: Uint8Array, tag: number): TlvResult<Tlv> {
  const tlv = decodeTlv(bytes, 0);
  if (!tlv.ok) return tlv;
  if (tlv.value.tag !== tag) {
    return err({ code: 'tlv-unexpected-tag', offset: 0, expected: tag, got: tlv.value.tag });
  }
  return tlv;
}

/** The first child with `tag` among a constructed value's children. */
export function findChild(children: readonly Tlv[], tag: number): TlvResult<Tlv> {
  const found = children.find((child) => child.tag === tag);
  return found === undefined ? err({ code: 'tlv-missing-tag', tag }) : ok(found);
}

export function encodeTag(tag: number): Uint8Array {
  const bytes: number[] = [];
  let rest = tag;
  do {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  return Uint8Array.from(bytes);
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  let rest = length;
  while (rest > 0) {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  }
  if (bytes.length > MAX_LENGTH_BYTES) throw new RangeError(`TLV length ${length} needs more than 4 bytes`);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

/** Encode one TLV; a list of values is concatenated (a constructed value from its children). */
export function encodeTlv(tag: number, ...values: readonly Uint8Array[]): Uint8Array {
  const value = concatBytes(...values);
  return concatBytes(encodeTag(tag), encodeLength(value.length), value);
}
