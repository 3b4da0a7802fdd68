/**
 * EF.SOD (9303-10 §4.6.2): tag 0x77 wrapping a CMS ContentInfo of SignedData whose encapsulated content
 * (type id-icao-mrtd-security-ldsSecurityObject, 2.23.136.1.1.1) is the LDSSecurityObject:
 *
 *   LDSSecurityObject ::= SEQUENCE { version INTEGER, hashAlgorithm AlgorithmIdentifier,
 *     dataGroupHashValues SEQUENCE OF DataGroupHash { dataGroupNumber INTEGER, dataGroupHashValue OCTET STRING },
 *     ldsVersionInfo LDSVersionInfo OPTIONAL }
 *
 * Parsing only; the signature and trust checks are in passive_authentication.ts. pkijs throws on schema
 * mismatches, so every call into it on card bytes is caught and turned into `sod-malformed`.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../crypto/emrtd_crypto.js';
import { expectTlv } from './ber_tlv.js';

export const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export const HASH_ALGORITHM_OIDS: Readonly<Record<string, HashAlgorithm>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export function hashAlgorithmOid(algorithm: HashAlgorithm): string {
  const entry = Object.entries(HASH_ALGORITHM_OIDS).find(([, name]) => name === algorithm);
  if (entry === undefined) throw new Error(`no OID for ${algorithm}`);
  return entry[0];
}

export interface LdsSecurityObject {
  readonly hashAlgorithm: HashAlgorithm;
  /** Data group number → hash value. */
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
}

export interface ParsedSod {
  readonly signedData: pkijs.SignedData;
  readonly securityObject: LdsSecurityObject;
}

export type SodResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: 'sod-malformed'; detail: string } };

const malformed = <T>(detail: string): SodResult<T> => ({
  ok: false,
  error: { code: 'sod-malformed', detail },
});

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** Decode the DER of an LDSSecurityObject. */
export function parseLdsSecurityObject(der: Uint8Array): SodResult<LdsSecurityObject> {
  const decoded = asn1js.fromBER(toArrayBuffer(der));
  if (decoded.offset === -1) return malformed('LDSSecurityObject is not BER');
  const root = decoded.result;
  if (!(root instanceof asn1js.Sequence)) return malformed('LDSSecurityObject is not a SEQUENCE');
  const [version, algorithm, hashes] = root.valueBlock.value;
  if (
    !(version instanceof asn1js.Integer) ||
    !(algorithm instanceof asn1js.Sequence) ||
    !(hashes instanceof asn1js.Sequence)
  ) {
    return malformed('LDSSecurityObject fields');
  }
  let algorithmId: string;
  try {
    algorithmId = new pkijs.AlgorithmIdentifier({ schema: algorithm }).algorithmId;
  } catch {
    return malformed('hash AlgorithmIdentifier');
  }
  const hashAlgorithm = HASH_ALGORITHM_OIDS[algorithmId];
  if (hashAlgorithm === undefined) return malformed(`unsupported hash algorithm ${algorithmId}`);
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of hashes.valueBlock.value) {
    if (!(entry instanceof asn1js.Sequence)) return malformed('DataGroupHash is not a SEQUENCE');
    const [number, value] = entry.valueBlock.value;
    if (!(number instanceof asn1js.Integer) || !(value instanceof asn1js.OctetString))
      return malformed('DataGroupHash');
    const dataGroup = number.valueBlock.valueDec;
    if (dataGroup < 1 || dataGroup > 16 || dataGroupHashes.has(dataGroup))
      return malformed(`data group number ${dataGroup}`);
    dataGroupHashes.set(dataGroup, new Uint8Array(value.getValue()));
  }
  return { ok: true, value: { hashAlgorithm, dataGroupHashes } };
}

/** Encode an LDSSecurityObject (version 0), for the chip simulator. */
export function encodeLdsSecurityObject(object: LdsSecurityObject): Uint8Array {
  const entries = [...object.dataGroupHashes.entries()].sort(([a], [b]) => a - b);
  const sequence = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new pkijs.AlgorithmIdentifier({ algorithmId: hashAlgorithmOid(object.hashAlgorithm) }).toSchema(),
      new asn1js.Sequence({
        value: entries.map(
          ([dataGroup, value]) =>
            new asn1js.Sequence({
              value: [
                new asn1js.Integer({ value: dataGroup }),
                new asn1js.OctetString({ valueHex: toArrayBuffer(value) }),
              ],
            }),
        ),
      }),
    ],
  });
  return new Uint8Array(sequence.toBER());
}

/** Parse EF.SOD bytes as read from the chip. */
export function parseSod(bytes: Uint8Array): SodResult<ParsedSod> {
  const outer = expectTlv(bytes, 0x77);
  if (!outer.ok) return malformed(`EF.SOD wrapper: ${outer.error.code}`);
  const decoded = asn1js.fromBER(toArrayBuffer(outer.value.value));
  if (decoded.offset === -1) return malformed('ContentInfo is not BER');
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: decoded.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA)
      return malformed(`content type ${contentInfo.contentType}`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return malformed(`CMS SignedData: ${error instanceof Error ? error.message : String(error)}`);
  }
  const encapsulated = signedData.encapContentInfo;
  if (encapsulated.eContentType !== OID_LDS_SECURITY_OBJECT) {
    return malformed(`encapsulated content type ${encapsulated.eContentType}`);
  }
  if (encapsulated.eContent === undefined) return malformed('no encapsulated LDSSecurityObject');
  const securityObject = parseLdsSecurityObject(new Uint8Array(encapsulated.eContent.getValue()));
  if (!securityObject.ok) return securityObject;
  return { ok: true, value: { signedData, securityObject: securityObject.value } };
}
