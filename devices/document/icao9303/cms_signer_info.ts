/**
 * The CMS signature over EF.SOD, checked step by step with one given certificate (RFC 5652 §5.4 and §5.6,
 * 9303-10 §4.6.2.2), instead of letting a library pick its own certificate:
 *
 * 1. Signed attributes are present (9303 requires them) and hold exactly one content-type, equal to the
 *    eContentType, and exactly one message-digest, equal to the hash of the eContent octets under the
 *    SignerInfo's digest algorithm (RFC 5652 §11.1–11.2: single-valued, never repeated).
 * 2. The signature over the DER of the signed attributes verifies with the certificate's public key.
 *
 * Algorithms are those WebCrypto offers (ECDSA on P-256/384/521, RSA PKCS#1 v1.5 and PSS, SHA-1/256/384/512).
 * Anything else (brainpool curves, SHA-224 signatures) is `unsupported-algorithm`: the document may be genuine, but this
 * kiosk cannot tell, so it is not verified.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { err, ok, type Result } from '../../../lib/result.js';
import { constantTimeEqual, hash } from '../crypto/emrtd_crypto.js';
import {
  hashAlgorithmOf,
  OID_CONTENT_TYPE_ATTRIBUTE,
  OID_MESSAGE_DIGEST_ATTRIBUTE,
  type ParsedSod,
  type SodSignerInfo,
} from './ef_sod.js';

export type SignedAttribute = 'content-type' | 'message-digest';

export type SignerInfoProblem =
  | { readonly reason: 'signed-attributes-missing' }
  | {
      readonly reason: 'signed-attribute-invalid';
      readonly attribute: SignedAttribute;
      readonly problem: 'missing' | 'repeated' | 'mismatch';
    }
  | { readonly reason: 'unsupported-algorithm'; readonly algorithm: string }
  | { readonly reason: 'signature-invalid'; readonly detail?: string };

const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Signature algorithms WebCrypto can verify; rsaEncryption takes its hash from the digest algorithm. */
const SUPPORTED_SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  OID_RSA_ENCRYPTION,
  OID_RSA_PSS,
]);

/** Named curves WebCrypto implements: P-256, P-384, P-521. */
const SUPPORTED_CURVES = new Set(['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35']);

function invalidAttribute(
  attribute: SignedAttribute,
  problem: 'missing' | 'repeated' | 'mismatch',
): Result<never, SignerInfoProblem> {
  return err({ reason: 'signed-attribute-invalid', attribute, problem });
}

/** The single value of the single attribute of this type. */
function singleValue(
  attributes: readonly pkijs.Attribute[],
  type: string,
  name: SignedAttribute,
): Result<unknown, SignerInfoProblem> {
  const found = attributes.filter((attribute) => attribute.type === type);
  const [only] = found;
  if (only === undefined) return invalidAttribute(name, 'missing');
  if (found.length > 1 || only.values.length > 1) return invalidAttribute(name, 'repeated');
  if (only.values.length === 0) return invalidAttribute(name, 'missing');
  return ok(only.values[0] as unknown);
}

function checkSignedAttributes(sod: ParsedSod, signerInfo: SodSignerInfo): Result<void, SignerInfoProblem> {
  const attributes = signerInfo.signedAttributes;
  if (attributes === undefined || attributes.length === 0)
    return err({ reason: 'signed-attributes-missing' });
  const digestAlgorithm = hashAlgorithmOf(signerInfo.digestAlgorithm);
  if (digestAlgorithm === undefined)
    return err({ reason: 'unsupported-algorithm', algorithm: signerInfo.digestAlgorithm });

  const contentType = singleValue(attributes, OID_CONTENT_TYPE_ATTRIBUTE, 'content-type');
  if (!contentType.ok) return contentType;
  if (
    !(contentType.value instanceof asn1js.ObjectIdentifier) ||
    contentType.value.valueBlock.toString() !== sod.eContentType
  )
    return invalidAttribute('content-type', 'mismatch');

  const messageDigest = singleValue(attributes, OID_MESSAGE_DIGEST_ATTRIBUTE, 'message-digest');
  if (!messageDigest.ok) return messageDigest;
  const expected = hash(digestAlgorithm, sod.content);
  if (
    !(messageDigest.value instanceof asn1js.OctetString) ||
    messageDigest.value.idBlock.isConstructed ||
    !constantTimeEqual(messageDigest.value.valueBlock.valueHexView, expected)
  )
    return invalidAttribute('message-digest', 'mismatch');
  return ok();
}

/** The algorithm OID that makes this signature unverifiable here, if any. */
function unsupportedAlgorithm(signerInfo: SodSignerInfo, certificate: pkijs.Certificate): string | undefined {
  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (!SUPPORTED_SIGNATURE_ALGORITHMS.has(signatureAlgorithm)) return signatureAlgorithm;
  // WebCrypto has no SHA-224, which rsaEncryption would take from the digest algorithm.
  if (signatureAlgorithm === OID_RSA_ENCRYPTION && hashAlgorithmOf(signerInfo.digestAlgorithm) === 'SHA-224')
    return signerInfo.digestAlgorithm;
  const keyAlgorithm = certificate.subjectPublicKeyInfo.algorithm;
  if (keyAlgorithm.algorithmId !== OID_EC_PUBLIC_KEY) return undefined;
  const curve: unknown = keyAlgorithm.algorithmParams;
  if (!(curve instanceof asn1js.ObjectIdentifier)) return keyAlgorithm.algorithmId;
  const curveOid = curve.valueBlock.toString();
  return SUPPORTED_CURVES.has(curveOid) ? undefined : curveOid;
}

/** Check the signed attributes and the signature of `signerInfo` with `certificate`'s key, and nothing else. */
export async function verifySignerInfo(
  sod: ParsedSod,
  signerInfo: SodSignerInfo,
  certificate: pkijs.Certificate,
  engine: pkijs.CryptoEngine,
): Promise<Result<void, SignerInfoProblem>> {
  const attributes = checkSignedAttributes(sod, signerInfo);
  if (!attributes.ok) return attributes;
  const unsupported = unsupportedAlgorithm(signerInfo, certificate);
  if (unsupported !== undefined) return err({ reason: 'unsupported-algorithm', algorithm: unsupported });
  const signedAttributesDer = signerInfo.signedAttributesDer;
  if (signedAttributesDer === undefined) return err({ reason: 'signed-attributes-missing' });
  // Only rsaEncryption leaves the hash to the digest algorithm; the other OIDs name their own.
  const rsaHash =
    signerInfo.signatureAlgorithm.algorithmId === OID_RSA_ENCRYPTION
      ? hashAlgorithmOf(signerInfo.digestAlgorithm)
      : undefined;
  try {
    const valid = await engine.verifyWithPublicKey(
      signedAttributesDer.slice().buffer,
      signerInfo.signature,
      certificate.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      rsaHash,
    );
    return valid ? ok() : err({ reason: 'signature-invalid' });
  } catch (error) {
    // A key or signature the crypto engine cannot even read (wrong curve size, bad DER) is no valid signature.
    return err({
      reason: 'signature-invalid',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
