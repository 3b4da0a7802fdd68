/**
 * A valid baseline JPEG of one 8×8 grey block, built byte by byte (SOI, DQT, SOF0, two one-code Huffman tables,
 * SOS, one entropy-coded byte, EOI), optionally grown to a target size with a COM segment so DG2 can have a
 * realistic size (a 9303 face is typically 15–20 KB). Decoders show a mid-grey square.
 */
import { concatBytes } from '../ber_tlv.js';

function segment(marker: number, body: readonly number[] | Uint8Array): Uint8Array {
  const length = body.length + 2;
  return concatBytes(Uint8Array.of(0xff, marker, length >> 8, length & 0xff), Uint8Array.from(body));
}

const MAX_SEGMENT_BODY = 0xffff - 2;

export function minimalJpeg(targetSize = 0): Uint8Array {
  const huffmanCounts = (tableClass: number): number[] => [
    tableClass,
    1,
    ...new Array<number>(15).fill(0),
    0x00,
  ];
  const parts = [
    Uint8Array.of(0xff, 0xd8),
    segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    // 8-bit precision, 8×8 pixels, one component (id 1, 1×1 sampling, quantisation table 0).
    segment(0xc0, [0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]),
    // DC table 0 and AC table 0, each a single 1-bit code for symbol 0 (DC difference 0 / end of block).
    segment(0xc4, huffmanCounts(0x00)),
    segment(0xc4, huffmanCounts(0x10)),
    segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    // Bits "0" (DC diff 0) and "0" (EOB), padded with ones.
    Uint8Array.of(0x3f),
    Uint8Array.of(0xff, 0xd9),
  ];
  const base = concatBytes(...parts);
  if (targetSize <= base.length) return base;
  // Grow with comment segments inserted after SOI; a comment holds no 0xFF so no marker is emulated.
  const comments: Uint8Array[] = [];
  let missing = targetSize - base.length;
  while (missing > 0) {
    const body = Math.min(MAX_SEGMENT_BODY, Math.max(0, missing - 4));
    comments.push(segment(0xfe, new Uint8Array(body).fill(0x20)));
    missing -= body + 4;
  }
  return concatBytes(parts[0]!, ...comments, ...parts.slice(1));
}
