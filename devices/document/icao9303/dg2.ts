/**
 * DG2: the encoded face (9303-10 §4.7.2). `75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E|7F2E biometric data
 * block } … } }`; the data block is an ISO/IEC 19794-5 facial record whose image data is JPEG or JPEG 2000.
 * We extract the first face's image bytes and tell the format by its magic bytes (the record's own "image data
 * type" byte is not trusted). Turning the image into something a screen can show is
 * face_image/face_image_for_display.ts.
 */

import { err, ok, type Result } from '../../../lib/result.js';
import { decodeTlvList, expectTlv, findChild, type TlvError } from './ber_tlv.js';

export type FaceImageFormat = 'jpeg' | 'jpeg2000';

export interface FaceImage {
  readonly format: FaceImageFormat;
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type Dg2Error =
  | { readonly code: 'dg2-tlv'; readonly tlv: TlvError }
  | { readonly code: 'dg2-no-face' }
  | { readonly code: 'dg2-facial-record'; readonly detail: string }
  | { readonly code: 'dg2-unknown-image-format'; readonly magic: string };

export type Dg2Result = Result<FaceImage, Dg2Error>;

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K_CODESTREAM = [0xff, 0x4f, 0xff, 0x51];
const JPEG_SOI = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

export function detectImageFormat(bytes: Uint8Array): FaceImageFormat | undefined {
  if (startsWith(bytes, JPEG_SOI)) return 'jpeg';
  if (startsWith(bytes, JP2_SIGNATURE) || startsWith(bytes, J2K_CODESTREAM)) return 'jpeg2000';
  return undefined;
}

const GENERAL_HEADER = 14;
const FACIAL_RECORD_HEADER = 20;
const FEATURE_POINT = 8;
const IMAGE_INFORMATION = 12;

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number): number =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

/** The first face image of an ISO/IEC 19794-5 facial record ("FAC\0", version "010\0"). */
export function parseFacialRecord(record: Uint8Array): Dg2Result {
  const fail = (detail: string): Dg2Result => err({ code: 'dg2-facial-record', detail });
  if (record.length < GENERAL_HEADER + FACIAL_RECORD_HEADER + IMAGE_INFORMATION)
    return fail('record too short');
  if (!startsWith(record, [0x46, 0x41, 0x43, 0x00])) return fail('format identifier is not FAC');
  if (u16(record, 12) === 0) return fail('record holds no face');
  const faceStart = GENERAL_HEADER;
  const faceLength = u32(record, faceStart);
  const featurePoints = u16(record, faceStart + 4);
  const infoStart = faceStart + FACIAL_RECORD_HEADER + featurePoints * FEATURE_POINT;
  const imageStart = infoStart + IMAGE_INFORMATION;
  const faceEnd = faceStart + faceLength;
  if (faceEnd > record.length || imageStart > faceEnd) return fail('facial record length exceeds the data');
  const bytes = record.subarray(imageStart, faceEnd);
  const format = detectImageFormat(bytes);
  if (format === undefined) {
    const magic = [...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return err({ code: 'dg2-unknown-image-format', magic });
  }
  return ok({ format, bytes, width: u16(record, infoStart + 2), height: u16(record, infoStart + 4) });
}

export function parseDg2(bytes: Uint8Array): Dg2Result {
  const tlv = (error: TlvError): Dg2Result => err({ code: 'dg2-tlv', tlv: error });
  const outer = expectTlv(bytes, 0x75);
  if (!outer.ok) return tlv(outer.error);
  const outerChildren = decodeTlvList(outer.value.value);
  if (!outerChildren.ok) return tlv(outerChildren.error);
  const group = findChild(outerChildren.value, 0x7f61);
  if (!group.ok) return tlv(group.error);
  const groupChildren = decodeTlvList(group.value.value);
  if (!groupChildren.ok) return tlv(groupChildren.error);
  const template = findChild(groupChildren.value, 0x7f60);
  if (!template.ok) return err({ code: 'dg2-no-face' });
  const templateChildren = decodeTlvList(template.value.value);
  if (!templateChildren.ok) return tlv(templateChildren.error);
  const block =
    templateChildren.value.find((child) => child.tag === 0x5f2e) ??
    templateChildren.value.find((child) => child.tag === 0x7f2e);
  if (block === undefined) return err({ code: 'dg2-no-face' });
  return parseFacialRecord(block.value);
}
