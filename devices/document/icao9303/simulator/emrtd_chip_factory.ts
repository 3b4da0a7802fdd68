/**
 * Builds a simulated eMRTD from an MRZ and a face image: EF.COM, DG1, DG2, and EF.SOD signed by the given
 * Document Signer. Build-time faults: a data group altered after signing (its hash no longer matches the SOD), and
 * a hostile SOD shape (`sod`: extra certificates, the signer named by subjectKeyIdentifier, …) for forgeries.
 */

import { type DataGroupNumber, dataGroupFileId, EF_COM, EF_SOD } from '../lds_files.js';
import { bacInputFromMrz, mrzInformation } from '../mrz_information.js';
import { decodeMrz } from '../mrz_parser.js';
import { EmrtdChip } from './emrtd_chip.js';
import { buildDg1, buildDg2, buildEfCom, buildSecurityObject } from './lds_builder.js';
import { type IssuedCertificate, type SodSigningOptions, signSod } from './test_pki.js';

export interface FaceImageSpec {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly format: 'jpeg' | 'jpeg2000';
}

export interface EmrtdChipSpec {
  readonly mrzLines: readonly string[];
  readonly face: FaceImageSpec;
  readonly documentSigner: IssuedCertificate;
  /** How EF.SOD is signed and what it carries; default the plain 9303-10 shape. */
  readonly sod?: SodSigningOptions;
  /** Flip one byte of this data group after the SOD was signed. */
  readonly tamperDataGroup?: 1 | 2;
  readonly random?: (length: number) => Uint8Array;
  /** EF.COM LDS version; 9303-11 App. D.4 uses "0106". */
  readonly ldsVersion?: string;
}

export interface BuiltEmrtdChip {
  readonly chip: EmrtdChip;
  readonly files: ReadonlyMap<number, Uint8Array>;
  readonly mrzInformation: string;
}

export async function createEmrtdChip(spec: EmrtdChipSpec): Promise<BuiltEmrtdChip> {
  // The century does not matter here: BAC uses the raw YYMMDD fields.
  const decoded = decodeMrz(spec.mrzLines, { today: new Date() });
  if (!decoded.ok) throw new Error(`simulator MRZ does not decode: ${JSON.stringify(decoded.error)}`);
  const info = mrzInformation(bacInputFromMrz(decoded.value));

  const dataGroups = new Map<DataGroupNumber, Uint8Array>([
    [1, buildDg1(spec.mrzLines)],
    [2, buildDg2(spec.face.bytes, spec.face.width, spec.face.height, spec.face.format === 'jpeg' ? 0 : 1)],
  ]);
  const sod = await signSod(buildSecurityObject(dataGroups), spec.documentSigner, spec.sod);
  if (spec.tamperDataGroup !== undefined) {
    const altered = Uint8Array.from(dataGroups.get(spec.tamperDataGroup)!);
    // The last byte is inside the MRZ (DG1) or the image (DG2): still well-formed, different content.
    altered[altered.length - 1] = altered[altered.length - 1]! ^ 0x01;
    dataGroups.set(spec.tamperDataGroup, altered);
  }
  const files = new Map<number, Uint8Array>([
    [EF_COM, buildEfCom([...dataGroups.keys()], spec.ldsVersion)],
    [EF_SOD, sod],
    ...[...dataGroups.entries()].map(([dg, bytes]): [number, Uint8Array] => [dataGroupFileId(dg), bytes]),
  ]);
  const chip = new EmrtdChip({
    mrzInformation: info,
    files,
    ...(spec.random ? { random: spec.random } : {}),
  });
  return { chip, files, mrzInformation: info };
}
