/**
 * For tests and fixture generation only: OpenJPEG's encoder (same WebAssembly build as the decoder, run in
 * process) makes lossless J2K codestreams from known pixels, and `wrapInJp2` puts one in the JP2 file format
 * (ISO/IEC 15444-1 Annex I: signature, ftyp, jp2h{ihdr, colr}, jp2c) as a chip's DG2 may carry it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorSpace: boolean;
}
interface J2KEncoder {
  getDecodedBuffer(frame: FrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  setDecompositions(levels: number): void;
  encode(): void;
  delete(): void;
}
interface OpenJpegModule {
  J2KEncoder: new () => J2KEncoder;
}
type ModuleFactory = (options: {
  wasmBinary: Uint8Array;
  print: () => void;
  printErr: () => void;
}) => Promise<OpenJpegModule>;

let codec: Promise<OpenJpegModule> | undefined;
function openJpeg(): Promise<OpenJpegModule> {
  const require = createRequire(import.meta.url);
  const factory = require('@cornerstonejs/codec-openjpeg/wasmjs') as ModuleFactory;
  const wasmBinary = readFileSync(require.resolve('@cornerstonejs/codec-openjpeg/wasm'));
  codec ??= factory({ wasmBinary, print: () => {}, printErr: () => {} });
  return codec;
}

export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly componentCount: 1 | 3;
  readonly bitsPerSample: 8 | 16;
  /** Interleaved samples; 16-bit ones little-endian, two bytes each. */
  readonly samples: Uint8Array;
}

/** A lossless (reversible 5/3 wavelet) J2K codestream of the image. */
export async function encodeJ2k(image: RawImage): Promise<Uint8Array> {
  const module = await openJpeg();
  const encoder = new module.J2KEncoder();
  try {
    // Few decompositions: OpenJPEG refuses more resolution levels than a small tile can hold.
    encoder.setDecompositions(Math.min(5, Math.floor(Math.log2(Math.min(image.width, image.height))) - 2));
    const input = encoder.getDecodedBuffer({
      width: image.width,
      height: image.height,
      bitsPerSample: image.bitsPerSample,
      componentCount: image.componentCount,
      isSigned: false,
      isUsingColorSpace: false,
    });
    input.set(image.samples);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

const be32 = (value: number): number[] => [
  value >>> 24,
  (value >>> 16) & 0xff,
  (value >>> 8) & 0xff,
  value & 0xff,
];
const box = (type: string, ...body: (readonly number[] | Uint8Array)[]): number[] => {
  const content = body.flatMap((part) => [...part]);
  return [...be32(content.length + 8), ...[...type].map((c) => c.charCodeAt(0)), ...content];
};

export function wrapInJp2(codestream: Uint8Array, image: Omit<RawImage, 'samples'>): Uint8Array {
  const { width, height, componentCount, bitsPerSample } = image;
  // ihdr: height, width, components, bit depth − 1, compression 7 (JPEG 2000), colourspace known, no IPR.
  const ihdr = box('ihdr', be32(height), be32(width), [0, componentCount, bitsPerSample - 1, 7, 0, 0]);
  // colr method 1 (enumerated): 16 sRGB, 17 greyscale.
  const colr = box('colr', [1, 0, 0], be32(componentCount === 1 ? 17 : 16));
  const brand = [...'jp2 '].map((c) => c.charCodeAt(0));
  return Uint8Array.from([
    ...box('jP  ', [0x0d, 0x0a, 0x87, 0x0a]),
    ...box('ftyp', brand, be32(0), brand),
    ...box('jp2h', ihdr, colr),
    ...box('jp2c', codestream),
  ]);
}

/** RGBA to grey (ITU-R BT.601 luma) or RGB samples. */
export function fromRgba(rgba: Uint8Array, componentCount: 1 | 3): Uint8Array {
  const pixels = rgba.length / 4;
  const out = new Uint8Array(pixels * componentCount);
  for (let index = 0; index < pixels; index += 1) {
    const [r, g, b] = [rgba[4 * index]!, rgba[4 * index + 1]!, rgba[4 * index + 2]!];
    if (componentCount === 1) out[index] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else out.set([r, g, b], 3 * index);
  }
  return out;
}
