/**
 * Turns a DG2 face into something the sandboxed renderer may show: a JPEG proven sound by a full decode, or a
 * PNG made from a decoded JPEG 2000. The format is taken from the magic bytes, not from what the chip declared.
 * Never throws: every failure, including a decoder crash or hang, is a typed error.
 */
import type { FaceImage } from '../icao9303/dg2.js';
import { type FaceImageDecoder, sharedFaceImageDecoder } from './face_image_decoder.js';
import {
  DEFAULT_FACE_IMAGE_LIMITS,
  type FaceImageLimits,
  type FaceImageResult,
  faceImageFailure,
} from './face_image_result.js';
import { jpegFaceForDisplay } from './jpeg_face.js';
import { jpeg2000FaceForDisplay } from './jpeg2000_face.js';
import { J2K_START, JP2_SIGNATURE, startsWith } from './jpeg2000_header.js';

export type FaceImageContainer = 'jpeg' | 'jp2' | 'j2k';

export function detectFaceImageContainer(bytes: Uint8Array): FaceImageContainer | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, JP2_SIGNATURE)) return 'jp2';
  if (startsWith(bytes, J2K_START)) return 'j2k';
  return undefined;
}

export interface FaceImageOptions {
  /** Defaults to the process-wide decoder worker. */
  readonly decoder?: FaceImageDecoder;
}

export async function faceImageForDisplay(
  face: FaceImage,
  limits: Partial<FaceImageLimits> = {},
  options: FaceImageOptions = {},
): Promise<FaceImageResult> {
  const effective: FaceImageLimits = { ...DEFAULT_FACE_IMAGE_LIMITS, ...limits };
  const { bytes } = face;
  if (bytes.length > effective.maxInputBytes)
    return faceImageFailure('too-large', `${bytes.length} bytes exceeds ${effective.maxInputBytes}`);
  const container = detectFaceImageContainer(bytes);
  const decoder = options.decoder ?? sharedFaceImageDecoder();
  try {
    switch (container) {
      case 'jpeg':
        return await jpegFaceForDisplay(bytes, effective, decoder);
      case 'jp2':
      case 'j2k':
        return await jpeg2000FaceForDisplay(bytes, effective, decoder);
      case undefined:
        return faceImageFailure('unsupported-format', 'neither JPEG nor JPEG 2000 magic bytes');
      default: {
        const unreachable: never = container;
        return unreachable;
      }
    }
  } catch (error) {
    // A bug in a decoder library must not take the session down; it is reported like a bad image.
    return faceImageFailure(
      'corrupt',
      `decoder threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
