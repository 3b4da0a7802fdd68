/**
 * EF.SOD (9303-10 §4.6.2): tag 0x77 wrapping a CMS ContentInfo of SignedData whose encapsulated content
 * (type id-icao-mrtd-security-ldsSecurityObject, 2.23.136.1.1.1) is the LDSSecurityObject:
 *
 *   LDSSecurityObject ::= SEQUENCE { version INTEGER, hashAlgorithm AlgorithmIdentifier,
 *     dataGroupHashValues SEQUENCE OF DataGroupHash { dataGroupNumber INTEGER, dataGroupHashValue OCTET STRING },
 *     ldsVersionInfo LDSVersionInfo OPTIONAL }
 *
 * Parsing only; the signature and trust checks are in passive_authentication.ts. EF.SOD comes from a chip, so it
 * is hostile input. asn1js and pkijs throw on some malformations (a schema mismatch, a GeneralizedTime that is not
 * a time), so every call into them is caught; and everything passive authentication reads later (the eContent
 * octets, each SignerInfo's identifier and attributes, each certificate's validity) is taken out and checked here.
 * Any ASN.1 this parser does not accept comes back as `sod-malformed`, and nothing throws later.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { concatBytes } from '../../../lib/bytes.js';
import { type Err, err, ok, type Result } from '../../../lib/result.js';
import type { HashAlgorithm } from '../crypto/emrtd_crypto.js';
import { expectTlv } from './ber_tlv.js';
import { hasWellFormedValidity } from './x509_validity.js';

export const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_CONTENT_TYPE_ATTRIBUTE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST_ATTRIBUTE = '1.2.840.113549.1.9.4';

export const HASH_ALGORITHM_OIDS: Readonly<Record<string, HashAlgorithm>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** The hash an OID names; undefined for any other OID (own keys only: an OID comes from the card). */
export function hashAlgorithmOf(oid: string): HashAlgorithm | undefined {
  return Object.hasOwn(HASH_ALGORITHM_OIDS, oid) ? HASH_ALGORITHM_OIDS[oid] : undefined;
}

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

/** How a SignerInfo names the certificate whose key made its signature (RFC 5652 §5.3). */
export type SignerIdentifier =
  | {
      readonly kind: 'issuer-and-serial';
      readonly issuer: pkijs.RelativeDistinguishedNames;
      readonly serialNumber: asn1js.Integer;
    }
  | { readonly kind: 'subject-key-identifier'; readonly keyIdentifier: Uint8Array };

export interface SodSignerInfo {
  readonly signerIdentifier: SignerIdentifier;
  /** OID of the digest over eContent. */
  readonly digestAlgorithm: string;
  readonly signedAttributes: readonly pkijs.Attribute[] | undefined;
  /** The signed attributes as signed: their DER under the SET OF tag 0x31 (RFC 5652 §5.4). */
  readonly signedAttributesDer: Uint8Array | undefined;
  readonly signatureAlgorithm: pkijs.AlgorithmIdentifier;
  readonly signature: asn1js.OctetString;
}

export interface ParsedSod {
  readonly securityObject: LdsSecurityObject;
  readonly eContentType: string;
  /** The eContent octets (the DER of the LDSSecurityObject): what the message digest covers. */
  readonly content: Uint8Array;
  readonly signerInfos: readonly SodSignerInfo[];
  /** The X.509 certificates the SOD carries, in their order; other certificate formats are left out. */
  readonly certificates: readonly pkijs.Certificate[];
}

export type SodMalformed = { readonly code: 'sod-malformed'; readonly detail: string };
export type SodResult<T> = Result<T, SodMalformed>;

const malformed = (detail: string): Err<SodMalformed> => err({ code: 'sod-malformed', detail });

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Exactly one BER element spanning `der`, or undefined (trailing bytes are as wrong as missing ones). */
function decodeWhole(der: Uint8Array): asn1js.AsnType | undefined {
  const decoded = asn1js.fromBER(toArrayBuffer(der));
  return decoded.offset === der.length ? decoded.result : undefined;
}

/** Decode the DER of an LDSSecurityObject. */
export function parseLdsSecurityObject(der: Uint8Array): SodResult<LdsSecurityObject> {
  let root: asn1js.AsnType | undefined;
  try {
    root = decodeWhole(der);
  } catch (error) {
    return malformed(`LDSSecurityObject: ${messageOf(error)}`);
  }
  if (root === undefined) return malformed('LDSSecurityObject is not one BER element');
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
  const hashAlgorithm = hashAlgorithmOf(algorithmId);
  if (hashAlgorithm === undefined) return malformed(`unsupported hash algorithm ${algorithmId}`);
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of hashes.valueBlock.value) {
    if (!(entry instanceof asn1js.Sequence)) return malformed('DataGroupHash is not a SEQUENCE');
    const [number, value] = entry.valueBlock.value;
    if (
      !(number instanceof asn1js.Integer) ||
      !(value instanceof asn1js.OctetString) ||
      value.idBlock.isConstructed
    )
      return malformed('DataGroupHash');
    const dataGroup = number.valueBlock.valueDec;
    if (!Number.isInteger(dataGroup) || dataGroup < 1 || dataGroup > 16 || dataGroupHashes.has(dataGroup))
      return malformed(`data group number ${dataGroup}`);
    dataGroupHashes.set(dataGroup, new Uint8Array(value.valueBlock.valueHexView));
  }
  return ok({ hashAlgorithm, dataGroupHashes });
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

/** ContentInfo → SignedData through pkijs, whose schema checks throw. */
function decodeSignedData(der: Uint8Array): SodResult<pkijs.SignedData> {
  try {
    const root = decodeWhole(der);
    if (root === undefined) return malformed('ContentInfo is not one BER element');
    const contentInfo = new pkijs.ContentInfo({ schema: root });
    if (contentInfo.contentType !== OID_SIGNED_DATA)
      return malformed(`content type ${contentInfo.contentType}`);
    return ok(new pkijs.SignedData({ schema: contentInfo.content }));
  } catch (error) {
    return malformed(`CMS SignedData: ${messageOf(error)}`);
  }
}

function signerIdentifierOf(sid: pkijs.SignerInfo['sid']): SodResult<SignerIdentifier> {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return ok({ kind: 'issuer-and-serial', issuer: sid.issuer, serialNumber: sid.serialNumber });
  }
  // subjectKeyIdentifier [0] IMPLICIT OCTET STRING: primitive in DER.
  const block = sid as asn1js.BaseBlock;
  if (block.idBlock.tagClass !== 3 || block.idBlock.tagNumber !== 0 || block.idBlock.isConstructed)
    return malformed('SignerIdentifier is neither issuerAndSerialNumber nor subjectKeyIdentifier');
  const keyIdentifier = (block.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
  if (keyIdentifier === undefined || keyIdentifier.length === 0)
    return malformed('empty subjectKeyIdentifier');
  return ok({ kind: 'subject-key-identifier', keyIdentifier: new Uint8Array(keyIdentifier) });
}

function signerInfoOf(signerInfo: pkijs.SignerInfo): SodResult<SodSignerInfo> {
  const signerIdentifier = signerIdentifierOf(signerInfo.sid);
  if (!signerIdentifier.ok) return signerIdentifier;
  if (!(signerInfo.signature instanceof asn1js.OctetString) || signerInfo.signature.idBlock.isConstructed)
    return malformed('SignerInfo signature is not a primitive OCTET STRING');
  const attributes = signerInfo.signedAttrs;
  // pkijs leaves `values` undefined for an attribute whose SET OF is empty or absent.
  const attributeList: unknown[] = attributes?.attributes ?? [];
  const wellFormed = attributeList.every(
    (attribute) =>
      attribute instanceof pkijs.Attribute &&
      typeof attribute.type === 'string' &&
      Array.isArray(attribute.values) &&
      attribute.values.length > 0,
  );
  if (!wellFormed) return malformed('a signed attribute without values');
  return ok({
    signerIdentifier: signerIdentifier.value,
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    signedAttributes: attributes?.attributes,
    signedAttributesDer: attributes === undefined ? undefined : new Uint8Array(attributes.encodedValue),
    signatureAlgorithm: signerInfo.signatureAlgorithm,
    signature: signerInfo.signature,
  });
}

/**
 * The octets of an OCTET STRING: primitive as DER writes it, or constructed from primitive segments as BER allows
 * (pkijs writes eContent that way); undefined for anything else.
 */
function octetStringContent(value: unknown): Uint8Array | undefined {
  if (!(value instanceof asn1js.OctetString)) return undefined;
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView);
  const segments: unknown[] = value.valueBlock.value;
  const primitive = segments.filter(
    (segment): segment is asn1js.OctetString =>
      segment instanceof asn1js.OctetString && !segment.idBlock.isConstructed,
  );
  if (primitive.length !== segments.length) return undefined;
  return concatBytes(...primitive.map((segment) => segment.valueBlock.valueHexView));
}

/** Parse EF.SOD bytes as read from the chip. */
export function parseSod(bytes: Uint8Array): SodResult<ParsedSod> {
  const outer = expectTlv(bytes, 0x77);
  if (!outer.ok) return malformed(`EF.SOD wrapper: ${outer.error.code}`);
  const decoded = decodeSignedData(outer.value.value);
  if (!decoded.ok) return decoded;
  const signedData = decoded.value;

  const encapsulated = signedData.encapContentInfo;
  if (encapsulated.eContentType !== OID_LDS_SECURITY_OBJECT) {
    return malformed(`encapsulated content type ${encapsulated.eContentType}`);
  }
  const content = octetStringContent(encapsulated.eContent);
  if (content === undefined) return malformed('eContent is not an OCTET STRING');
  const securityObject = parseLdsSecurityObject(content);
  if (!securityObject.ok) return securityObject;

  const signerInfos: SodSignerInfo[] = [];
  for (const signerInfo of signedData.signerInfos) {
    const parsed = signerInfoOf(signerInfo);
    if (!parsed.ok) return parsed;
    signerInfos.push(parsed.value);
  }
  if (signerInfos.length === 0) return malformed('no SignerInfo');

  const certificates = (signedData.certificates ?? []).filter(
    (item): item is pkijs.Certificate => item instanceof pkijs.Certificate,
  );
  const unreadable = certificates.findIndex((certificate) => !hasWellFormedValidity(certificate));
  if (unreadable !== -1) return malformed(`certificate ${unreadable + 1}: validity is not a time`);

  return ok({
    securityObject: securityObject.value,
    eContentType: encapsulated.eContentType,
    content,
    signerInfos,
    certificates,
  });
}
