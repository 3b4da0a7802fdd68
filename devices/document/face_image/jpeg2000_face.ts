/**
 * The JPEG 2000 path: check the SIZ header against the limits, decode with OpenJPEG (in the decoder worker), bring the
 * samples to 8 bits, and encode a PNG the renderer can show. Greyscale, grey+alpha, RGB and RGBA are kept as
 * they are; sYCC is converted to RGB; precisions other than 8 bits are rescaled to 0–255.
 */
import { encode as encodePng } from 'fast-png';
import type { DecodedJpeg2000, FaceImageDecoder } from './face_image_decoder.js';
import {
  checkDimensions,
  decodeFailure,
  type FaceImageFailure,
  type FaceImageLimits,
  type FaceImageResult,
  faceImageFailure,
} from './face_image_result.js';
import { readJpeg2000Header } from './jpeg2000_header.js';

const SYCC = 3;
const CMYK = 5;

type PngChannels = 1 | 2 | 3 | 4;
const isPngChannels = (count: number): count is PngChannels => count >= 1 && count <= 4;

/** Every sample scaled from its precision to 0–255, interleaved as decoded. */
export function samplesTo8Bit(decoded: DecodedJpeg2000): Uint8Array | FaceImageFailure {
  const { width, height, componentCount, bitsPerSample, isSigned, pixels } = decoded;
  if (bitsPerSample < 1 || bitsPerSample > 16)
    return faceImageFailure('unsupported-format', `${bitsPerSample}-bit JPEG 2000 samples`);
  const bytesPerSample = bitsPerSample > 8 ? 2 : 1;
  const count = width * height * componentCount;
  if (pixels.length !== count * bytesPerSample)
    return faceImageFailure('corrupt', 'decoded buffer does not match the frame size');
  const maximum = 2 ** bitsPerSample - 1;
  const offset = isSigned ? 2 ** (bitsPerSample - 1) : 0;
  const out = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    let sample =
      bytesPerSample === 2 ? pixels[2 * index]! | (pixels[2 * index + 1]! << 8) : (pixels[index] ?? 0);
    // Signed samples arrive in two's complement of their storage width.
    if (isSigned) sample = (bytesPerSample === 2 ? (sample << 16) >> 16 : (sample << 24) >> 24) + offset;
    out[index] =
      bitsPerSample === 8 ? sample : Math.round((Math.min(Math.max(sample, 0), maximum) * 255) / maximum);
  }
  return out;
}

/** sYCC (IEC 61966-2-1 Amd. 1) to sRGB, in place, for three-component images. */
function syccToRgb(samples: Uint8Array): void {
  for (let index = 0; index + 2 < samples.length; index += 3) {
    const y = samples[index]!;
    const cb = samples[index + 1]! - 128;
    const cr = samples[index + 2]! - 128;
    samples[index] = y + 1.402 * cr;
    samples[index + 1] = y - 0.344136 * cb - 0.714136 * cr;
    samples[index + 2] = y + 1.772 * cb;
  }
}

export async function jpeg2000FaceForDisplay(
  bytes: Uint8Array,
  limits: FaceImageLimits,
  decoder: FaceImageDecoder,
): Promise<FaceImageResult> {
  const header = readJpeg2000Header(bytes);
  if (!header.ok) return faceImageFailure(header.error.code, header.error.detail);
  const { width, height, components } = header.value;
  const tooBig = checkDimensions(width, height, limits);
  if (tooBig) return tooBig;
  if (!isPngChannels(components.length))
    return faceImageFailure('unsupported-format', `JPEG 2000 with ${components.length} components`);
  if (components.some((component) => component.bitDepth > 16))
    return faceImageFailure('unsupported-format', 'JPEG 2000 samples deeper than 16 bits');

  const decoded = await decoder.decodeJpeg2000(bytes, limits.decodeTimeoutMs);
  if (!decoded.ok) return decodeFailure('JPEG 2000', decoded.error);
  const image = decoded.value;
  if (image.width !== width || image.height !== height || image.componentCount !== components.length)
    return faceImageFailure('corrupt', 'decoded image differs from its SIZ header');
  if (image.colorSpace === CMYK) return faceImageFailure('unsupported-format', 'CMYK JPEG 2000');
  const samples = samplesTo8Bit(image);
  if (!(samples instanceof Uint8Array)) return samples;
  if (image.colorSpace === SYCC && components.length === 3) syccToRgb(samples);
  const png = encodePng({ width, height, data: samples, channels: components.length, depth: 8 });
  return { ok: true, value: { mimeType: 'image/png', bytes: png, width, height } };
}
