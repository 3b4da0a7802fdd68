/**
 * What the face-image pipeline hands the renderer, the limits it enforces, and how it fails. The renderer's CSP
 * allows `data:`/`blob:` images only, and Chromium cannot show JPEG 2000, so every DG2 face becomes either the
 * chip's own JPEG (after a full decode proved it sound) or a PNG we encoded ourselves from decoded pixels.
 */

import { type Err, err, type Result } from '../../../lib/result.js';
import type { DecodeError } from './face_image_decoder.js';

export interface DisplayableFaceImage {
  readonly mimeType: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type FaceImageErrorCode = 'unsupported-format' | 'corrupt' | 'too-large' | 'decoder-unavailable';

export interface FaceImageError {
  readonly code: FaceImageErrorCode;
  /** For logs and staff screens; never contains image bytes or personal data. */
  readonly detail: string;
}

export type FaceImageResult = Result<DisplayableFaceImage, FaceImageError>;

export interface FaceImageLimits {
  /** Encoded size accepted from the chip. 9303 faces are 15–20 KB; 1 MB leaves room for generous issuers. */
  readonly maxInputBytes: number;
  readonly maxWidth: number;
  readonly maxHeight: number;
  /** Bounds decoder memory independently of the aspect ratio. */
  readonly maxPixels: number;
  /** A decode that takes longer is abandoned (its worker is killed) and reported as corrupt. */
  readonly decodeTimeoutMs: number;
}

/** ICAO 9303-9 asks for at least 240×320 (90 px between the eyes); nothing a passport holds comes near 2000×2000. */
export const DEFAULT_FACE_IMAGE_LIMITS: FaceImageLimits = {
  maxInputBytes: 1024 * 1024,
  maxWidth: 2000,
  maxHeight: 2000,
  maxPixels: 2000 * 2000,
  decodeTimeoutMs: 5000,
};

export type FaceImageFailure = Err<FaceImageError>;

export const faceImageFailure = (code: FaceImageErrorCode, detail: string): FaceImageFailure =>
  err({ code, detail });

/** A decoder worker's failure as the caller sees it: the image is bad unless no decoder could run at all. */
export function decodeFailure(what: string, error: DecodeError): FaceImageFailure {
  switch (error.code) {
    case 'decoder-unavailable':
      return faceImageFailure('decoder-unavailable', error.detail);
    case 'decode-failed':
      return faceImageFailure('corrupt', `${what} decode failed: ${error.detail}`);
    case 'crashed':
      return faceImageFailure('corrupt', `${what} decoder crashed: ${error.detail}`);
    case 'timeout':
      return faceImageFailure('corrupt', `${what} decode abandoned: ${error.detail}`);
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/** The too-large check shared by both formats, run on header dimensions before any pixel is decoded. */
export function checkDimensions(
  width: number,
  height: number,
  limits: FaceImageLimits,
): FaceImageFailure | undefined {
  if (width <= 0 || height <= 0)
    return faceImageFailure('corrupt', `image has no pixels (${width}×${height})`);
  if (width > limits.maxWidth || height > limits.maxHeight || width * height > limits.maxPixels)
    return faceImageFailure('too-large', `${width}×${height} exceeds the face image limits`);
  return undefined;
}
