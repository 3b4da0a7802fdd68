/**
 * Builds the LDS files of a simulated eMRTD: EF.COM, DG1 from MRZ lines, DG2 from face image bytes (wrapped in
 * an ISO/IEC 19794-5 facial record inside the biometric templates), and the LDSSecurityObject over them.
 */

import { concatBytes } from '../../../../lib/bytes.js';
import type { HashAlgorithm } from '../../crypto/emrtd_crypto.js';
import { hash } from '../../crypto/emrtd_crypto.js';
import { encodeTlv } from '../ber_tlv.js';
import { encodeDg1Mrz } from '../dg1.js';
import { encodeLdsSecurityObject } from '../ef_sod.js';
import { DATA_GROUP_TAGS, type DataGroupNumber } from '../lds_files.js';

const ascii = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

export function buildEfCom(dataGroups: readonly DataGroupNumber[], ldsVersion = '0107'): Uint8Array {
  return encodeTlv(
    0x60,
    encodeTlv(0x5f01, ascii(ldsVersion)),
    encodeTlv(0x5f36, ascii('040000')),
    encodeTlv(0x5c, Uint8Array.from(dataGroups.map((dg) => DATA_GROUP_TAGS[dg]))),
  );
}

export function buildDg1(mrzLines: readonly string[]): Uint8Array {
  return encodeTlv(0x61, encodeTlv(0x5f1f, encodeDg1Mrz(mrzLines)));
}

const u16 = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];
const u32 = (value: number): number[] => [
  (value >>> 24) & 0xff,
  (value >> 16) & 0xff,
  (value >> 8) & 0xff,
  value & 0xff,
];

/** ISO/IEC 19794-5:2005 record with one face, no feature points; image data type 0 = JPEG, 1 = JPEG 2000. */
export function buildFacialRecord(
  image: Uint8Array,
  width: number,
  height: number,
  imageDataType: 0 | 1,
): Uint8Array {
  const faceLength = 20 + 12 + image.length;
  const recordLength = 14 + faceLength;
  const generalHeader = [0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00, ...u32(recordLength), ...u16(1)];
  // length, 0 feature points, gender/eye/hair unspecified, feature mask, neutral expression, pose and uncertainty 0.
  const faceHeader = [...u32(faceLength), ...u16(0), 0, 0, 0, 0, 0, 0, ...u16(1), 0, 0, 0, 0, 0, 0];
  // full frontal, data type, size, 24-bit RGB, static photo from an unknown source, device 0, quality 0.
  const imageInformation = [1, imageDataType, ...u16(width), ...u16(height), 1, 2, ...u16(0), ...u16(0)];
  return concatBytes(Uint8Array.from([...generalHeader, ...faceHeader, ...imageInformation]), image);
}

export function buildDg2(
  image: Uint8Array,
  width: number,
  height: number,
  imageDataType: 0 | 1 = 0,
): Uint8Array {
  const header = encodeTlv(
    0xa1,
    encodeTlv(0x80, Uint8Array.of(0x01, 0x01)),
    encodeTlv(0x81, Uint8Array.of(0x02)),
    encodeTlv(0x87, Uint8Array.of(0x01, 0x01)),
    encodeTlv(0x88, Uint8Array.of(0x00, 0x08)),
  );
  const template = encodeTlv(
    0x7f60,
    header,
    encodeTlv(0x5f2e, buildFacialRecord(image, width, height, imageDataType)),
  );
  return encodeTlv(0x75, encodeTlv(0x7f61, encodeTlv(0x02, Uint8Array.of(1)), template));
}

export function buildSecurityObject(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  hashAlgorithm: HashAlgorithm = 'SHA-256',
): Uint8Array {
  const hashes = new Map<number, Uint8Array>();
  for (const [dataGroup, bytes] of dataGroups) hashes.set(dataGroup, hash(hashAlgorithm, bytes));
  return encodeLdsSecurityObject({ hashAlgorithm, dataGroupHashes: hashes });
}
