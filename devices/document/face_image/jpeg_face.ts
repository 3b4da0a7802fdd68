/**
 * The JPEG path: read the frame header to refuse oversized images before decoding, then decode every scan with
 * jpeg-js. Only a JPEG that decodes completely is passed on, and it is passed on as the chip's own bytes (the
 * renderer's decoder is Chromium's; re-encoding would only lose quality).
 */

import { err, ok, type Result } from '../../../lib/result.js';
import type { FaceImageDecoder } from './face_image_decoder.js';
import {
  checkDimensions,
  decodeFailure,
  type FaceImageLimits,
  type FaceImageResult,
  faceImageFailure,
} from './face_image_result.js';

export interface JpegFrameHeader {
  readonly width: number;
  readonly height: number;
  readonly components: number;
}

// Start-of-frame markers C0–CF minus DHT (C4), JPG (C8) and DAC (CC).
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
// Arithmetic coding (C9–CB, CD–CF) and lossless (C3, C7, CB, CF) are not shown by Chromium.
const CHROMIUM_FRAME_TYPES = new Set([0xc0, 0xc1, 0xc2]);

export type JpegHeaderResult = Result<
  JpegFrameHeader,
  { code: 'corrupt' | 'unsupported-format'; detail: string }
>;

/** Walks the marker segments after SOI up to the first start-of-frame. */
export function readJpegFrameHeader(bytes: Uint8Array): JpegHeaderResult {
  const corrupt = (detail: string): JpegHeaderResult => err({ code: 'corrupt', detail });
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return corrupt('no SOI marker');
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return corrupt(`expected a marker at offset ${offset}`);
    const marker = bytes[offset + 1]!;
    // Fill bytes (FF FF …) may precede a marker.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return corrupt('no frame header before the scan');
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.length)
      return corrupt(`segment FF${marker.toString(16)} overruns`);
    if (isStartOfFrame(marker)) {
      if (length < 8) return corrupt('frame header too short');
      if (!CHROMIUM_FRAME_TYPES.has(marker))
        return err({ code: 'unsupported-format', detail: `JPEG frame type FF${marker.toString(16)}` });
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      return ok({ width, height, components: bytes[offset + 9]! });
    }
    offset += 2 + length;
  }
  return corrupt('truncated before the frame header');
}

/** A JPEG ends with EOI; trailing zero padding (some issuers pad DG2) is tolerated, truncation is not. */
function endsWithEoi(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x00) end -= 1;
  return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

export async function jpegFaceForDisplay(
  bytes: Uint8Array,
  limits: FaceImageLimits,
  decoder: FaceImageDecoder,
): Promise<FaceImageResult> {
  const header = readJpegFrameHeader(bytes);
  if (!header.ok) return faceImageFailure(header.error.code, header.error.detail);
  const { width, height, components } = header.value;
  const tooBig = checkDimensions(width, height, limits);
  if (tooBig) return tooBig;
  if (components !== 1 && components !== 3 && components !== 4)
    return faceImageFailure('unsupported-format', `JPEG with ${components} components`);
  if (!endsWithEoi(bytes)) return faceImageFailure('corrupt', 'JPEG is truncated (no EOI marker at the end)');
  const decoded = await decoder.decodeJpeg(
    bytes,
    {
      maxResolutionInMP: limits.maxPixels / 1_000_000,
      // The largest allowed image as RGB, plus jpeg-js's component planes and coefficient blocks.
      maxMemoryUsageInMB: Math.ceil((limits.maxPixels * 16) / (1024 * 1024)) + 16,
    },
    limits.decodeTimeoutMs,
  );
  if (!decoded.ok) return decodeFailure('JPEG', decoded.error);
  if (decoded.value.width !== width || decoded.value.height !== height)
    return faceImageFailure('corrupt', 'decoded size differs from the frame header');
  return ok({ mimeType: 'image/jpeg', bytes: bytes.slice(), width, height });
}
