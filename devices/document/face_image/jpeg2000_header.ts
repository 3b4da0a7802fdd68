/**
 * Finds the JPEG 2000 codestream (bare J2K, or inside a JP2 file's `jp2c` box, ISO/IEC 15444-1 Annex I) and reads
 * its SIZ segment (Annex A.5.1), so size limits and unsupported layouts are refused before OpenJPEG allocates.
 */

import { err, ok, type Result } from '../../../lib/result.js';
export const JP2_SIGNATURE = [
  0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a,
] as const;
export const J2K_START = [0xff, 0x4f, 0xff, 0x51] as const;

export interface Jpeg2000Header {
  readonly container: 'jp2' | 'j2k';
  readonly width: number;
  readonly height: number;
  readonly components: readonly { readonly bitDepth: number; readonly signed: boolean }[];
}

type HeaderError = { code: 'corrupt' | 'unsupported-format'; detail: string };
export type Jpeg2000HeaderResult = Result<Jpeg2000Header, HeaderError>;

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number): number =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const boxType = (b: Uint8Array, o: number): string =>
  String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

export const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

interface Box {
  readonly type: string;
  readonly body: Uint8Array;
}

/** The boxes of one level; undefined when a length field points outside the data. */
function readBoxes(bytes: Uint8Array): Box[] | undefined {
  const boxes: Box[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return undefined;
    let length = u32(bytes, offset);
    let header = 8;
    if (length === 1) {
      // XLBox: a 64-bit length; anything needing the high word is far beyond our limits.
      if (offset + 16 > bytes.length || u32(bytes, offset + 8) !== 0) return undefined;
      length = u32(bytes, offset + 12);
      header = 16;
    } else if (length === 0) {
      length = bytes.length - offset;
    }
    if (length < header || offset + length > bytes.length) return undefined;
    boxes.push({ type: boxType(bytes, offset + 4), body: bytes.subarray(offset + header, offset + length) });
    offset += length;
  }
  return boxes;
}

function codestreamOfJp2(bytes: Uint8Array): Result<Uint8Array, HeaderError> {
  const boxes = readBoxes(bytes);
  if (boxes === undefined) return err({ code: 'corrupt', detail: 'JP2 box lengths overrun' });
  const header = boxes.find((box) => box.type === 'jp2h');
  const codestream = boxes.find((box) => box.type === 'jp2c');
  if (header === undefined || codestream === undefined)
    return err({ code: 'corrupt', detail: 'JP2 without jp2h or jp2c box' });
  const headerBoxes = readBoxes(header.body);
  if (headerBoxes === undefined) return err({ code: 'corrupt', detail: 'jp2h box lengths overrun' });
  // A palette maps one index component to colours; OpenJPEG's library leaves that to the application.
  if (headerBoxes.some((box) => box.type === 'pclr'))
    return err({ code: 'unsupported-format', detail: 'JP2 palette images' });
  return ok(codestream.body);
}

/** SIZ: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz, then Ssiz XRsiz YRsiz per component. */
function readSiz(codestream: Uint8Array, container: 'jp2' | 'j2k'): Jpeg2000HeaderResult {
  const corrupt = (detail: string): Jpeg2000HeaderResult => err({ code: 'corrupt', detail });
  if (!startsWith(codestream, J2K_START)) return corrupt('codestream does not start with SOC, SIZ');
  const siz = 4;
  if (codestream.length < siz + 38) return corrupt('SIZ segment truncated');
  const length = u16(codestream, siz);
  const componentCount = u16(codestream, siz + 36);
  if (componentCount < 1 || length !== 38 + 3 * componentCount || codestream.length < siz + length)
    return corrupt('SIZ segment length does not match its component count');
  const width = u32(codestream, siz + 4) - u32(codestream, siz + 12);
  const height = u32(codestream, siz + 8) - u32(codestream, siz + 16);
  const components: { bitDepth: number; signed: boolean }[] = [];
  for (let index = 0; index < componentCount; index += 1) {
    const at = siz + 38 + 3 * index;
    const ssiz = codestream[at]!;
    if (codestream[at + 1] !== 1 || codestream[at + 2] !== 1)
      return err({ code: 'unsupported-format', detail: 'subsampled JPEG 2000 components' });
    components.push({ bitDepth: (ssiz & 0x7f) + 1, signed: (ssiz & 0x80) !== 0 });
  }
  return ok({ container, width, height, components });
}

export function readJpeg2000Header(bytes: Uint8Array): Jpeg2000HeaderResult {
  if (startsWith(bytes, J2K_START)) return readSiz(bytes, 'j2k');
  if (!startsWith(bytes, JP2_SIGNATURE))
    return err({ code: 'unsupported-format', detail: 'not a JP2 file or J2K codestream' });
  const codestream = codestreamOfJp2(bytes);
  return codestream.ok ? readSiz(codestream.value, 'jp2') : codestream;
}
