/**
 * Passive authentication (ICAO 9303-11 §5.1), in this order, each step on the same Document Signer certificate:
 *
 * 1. EF.SOD parses (ef_sod.ts) and has one SignerInfo.
 * 2. The SignerInfo names exactly one of the certificates the SOD carries (signer_certificate.ts).
 * 3. Its signed attributes and its signature verify with that certificate's key (cms_signer_info.ts).
 * 4. That certificate is a Document Signer: digitalSignature, not a CA (9303-12 §7.1.1).
 * 5. Every data group we read hashes to the value the SOD lists.
 * 6. That certificate is signed by a CSCA of our trust store, which is a CA, and both are within their validity at
 *    `now` (9303-12: a DS certificate's validity covers its key-usage period plus the documents' validity).
 *
 * A chip that fails any of these may be a clone or altered (`failed`, with the reason); a chip whose CSCA we do
 * not hold is merely `unverified`. Nothing here throws on what a chip sends.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { err, ok, type Result } from '../../../lib/result.js';
import { constantTimeEqual, hash } from '../crypto/emrtd_crypto.js';
import { type SignerInfoProblem, verifySignerInfo } from './cms_signer_info.js';
import { type ParsedSod, parseSod } from './ef_sod.js';
import {
  type DocumentSignerProfileProblem,
  documentSignerProfile,
  type SignerCertificateProblem,
  selectSignerCertificate,
} from './signer_certificate.js';
import { isCaCertificate, keyUsageOf } from './x509_extensions.js';
import { hasWellFormedValidity } from './x509_validity.js';

export type CertificateRole = 'document-signer' | 'csca';

/** Why a chip is not what it claims, one reason per check. */
export type PassiveAuthenticationProblem =
  | { readonly reason: 'sod-malformed'; readonly detail: string }
  | SignerCertificateProblem
  | SignerInfoProblem
  | DocumentSignerProfileProblem
  | { readonly reason: 'ds-not-signed-by-csca' }
  | { readonly reason: 'csca-not-ca' }
  | {
      readonly reason: 'certificate-expired' | 'certificate-not-yet-valid';
      readonly certificate: CertificateRole;
    }
  | { readonly reason: 'dg-hash-mismatch'; readonly dataGroup: number }
  | { readonly reason: 'dg-not-in-sod'; readonly dataGroup: number };

export type PassiveAuthenticationFailure = { readonly status: 'failed' } & PassiveAuthenticationProblem;

export type PassiveAuthenticationResult =
  | { readonly status: 'verified'; readonly documentSigner: string; readonly csca: string }
  | {
      readonly status: 'unverified';
      readonly reason: 'no-trust-anchor';
      readonly documentSignerIssuer: string;
    }
  | PassiveAuthenticationFailure;

export interface PassiveAuthenticationInput {
  /** EF.SOD as read from the chip (tag 0x77 …). */
  readonly sod: Uint8Array;
  /** Every data group read, by number, as read (full TLV). */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  /** CSCA certificates, DER. Entries that do not parse are ignored; validate them at start-up with parseTrustStore. */
  readonly trustStore: readonly Uint8Array[];
  readonly now?: Date;
}

/** pkijs over Node's / Electron's WebCrypto: no global engine is set, so other pkijs users are unaffected. */
export function webCryptoEngine(): pkijs.CryptoEngine {
  return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate | undefined {
  try {
    const decoded = asn1js.fromBER(der.slice().buffer);
    if (decoded.offset !== der.length) return undefined;
    const certificate = new pkijs.Certificate({ schema: decoded.result });
    return hasWellFormedValidity(certificate) ? certificate : undefined;
  } catch {
    return undefined;
  }
}

/** Check a configured CSCA list: the index of the first certificate that does not parse, if any. */
export function parseTrustStore(
  ders: readonly Uint8Array[],
): Result<pkijs.Certificate[], { code: 'bad-certificate'; index: number }> {
  const certificates: pkijs.Certificate[] = [];
  for (const [index, der] of ders.entries()) {
    const certificate = parseCertificate(der);
    if (certificate === undefined) return err({ code: 'bad-certificate', index });
    certificates.push(certificate);
  }
  return ok(certificates);
}

export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${entry.type}=${String(entry.value.valueBlock.value)}`)
    .join(',');
}

const failed = (problem: PassiveAuthenticationProblem): PassiveAuthenticationFailure => ({
  status: 'failed',
  ...problem,
});

function validityProblem(
  certificate: pkijs.Certificate,
  which: CertificateRole,
  now: Date,
): PassiveAuthenticationFailure | undefined {
  if (now < certificate.notBefore.value)
    return failed({ reason: 'certificate-not-yet-valid', certificate: which });
  if (now > certificate.notAfter.value) return failed({ reason: 'certificate-expired', certificate: which });
  return undefined;
}

/** A CSCA issues certificates: basicConstraints cA, and keyCertSign if it states its key usage at all. */
function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const isCa = isCaCertificate(certificate);
  const keyUsage = keyUsageOf(certificate);
  return isCa.ok && isCa.value && keyUsage.ok && (keyUsage.value === undefined || keyUsage.value.keyCertSign);
}

async function verifiesWith(
  subject: pkijs.Certificate,
  issuer: pkijs.Certificate,
  engine: pkijs.CryptoEngine,
): Promise<boolean> {
  try {
    return await subject.verify(issuer, engine);
  } catch {
    return false;
  }
}

function dataGroupProblem(
  sod: ParsedSod,
  dataGroups: ReadonlyMap<number, Uint8Array>,
): PassiveAuthenticationFailure | undefined {
  const { hashAlgorithm, dataGroupHashes } = sod.securityObject;
  for (const [dataGroup, bytes] of [...dataGroups.entries()].sort(([a], [b]) => a - b)) {
    const expected = dataGroupHashes.get(dataGroup);
    if (expected === undefined) return failed({ reason: 'dg-not-in-sod', dataGroup });
    if (!constantTimeEqual(hash(hashAlgorithm, bytes), expected))
      return failed({ reason: 'dg-hash-mismatch', dataGroup });
  }
  return undefined;
}

/** Step 6: the Document Signer against the trust store. */
/**
 * The trust store's certificates, parsed once per anchor: the same configured DER arrays come with every read, and
 * parsing a certificate costs about as much as checking a signature. Kept by the array itself (weakly), and used
 * only while its bytes are still the ones parsed.
 */
const parsedAnchors = new WeakMap<
  Uint8Array,
  { der: Uint8Array; certificate: pkijs.Certificate | undefined }
>();

function parsedAnchor(der: Uint8Array): pkijs.Certificate | undefined {
  const kept = parsedAnchors.get(der);
  if (kept && kept.der.length === der.length && kept.der.every((byte, i) => byte === der[i]))
    return kept.certificate;
  const certificate = parseCertificate(der);
  parsedAnchors.set(der, { der: der.slice(), certificate });
  return certificate;
}

async function trustChain(
  signer: pkijs.Certificate,
  trustStore: readonly Uint8Array[],
  now: Date,
  engine: pkijs.CryptoEngine,
): Promise<PassiveAuthenticationResult> {
  const anchors = trustStore
    .map((der) => parsedAnchor(der))
    .filter((certificate): certificate is pkijs.Certificate => certificate !== undefined)
    .filter((certificate) => certificate.subject.isEqual(signer.issuer));
  if (anchors.length === 0) {
    return {
      status: 'unverified',
      reason: 'no-trust-anchor',
      documentSignerIssuer: distinguishedName(signer.issuer),
    };
  }
  let issuer: pkijs.Certificate | undefined;
  for (const anchor of anchors) {
    if (await verifiesWith(signer, anchor, engine)) {
      issuer = anchor;
      break;
    }
  }
  if (issuer === undefined) return failed({ reason: 'ds-not-signed-by-csca' });
  if (!isCertificateAuthority(issuer)) return failed({ reason: 'csca-not-ca' });
  const expired = validityProblem(issuer, 'csca', now) ?? validityProblem(signer, 'document-signer', now);
  if (expired !== undefined) return expired;
  return {
    status: 'verified',
    documentSigner: distinguishedName(signer.subject),
    csca: distinguishedName(issuer.subject),
  };
}

export async function passiveAuthentication(
  input: PassiveAuthenticationInput,
): Promise<PassiveAuthenticationResult> {
  const now = input.now ?? new Date();
  const engine = webCryptoEngine();
  const parsed = parseSod(input.sod);
  if (!parsed.ok) return failed({ reason: 'sod-malformed', detail: parsed.error.detail });
  const sod = parsed.value;
  // 9303-10 §4.6.2.2 recommends one SignerInfo; with several, which one vouches for the data would be a guess.
  const [signerInfo] = sod.signerInfos;
  if (signerInfo === undefined || sod.signerInfos.length !== 1) {
    return failed({ reason: 'sod-malformed', detail: `${sod.signerInfos.length} SignerInfos, expected one` });
  }

  const selected = selectSignerCertificate(signerInfo.signerIdentifier, sod.certificates);
  if (!selected.ok) return failed(selected.error);
  const signer = selected.value;

  const signature = await verifySignerInfo(sod, signerInfo, signer, engine);
  if (!signature.ok) return failed(signature.error);
  const profile = documentSignerProfile(signer);
  if (!profile.ok) return failed(profile.error);

  // The data groups are checked before the trust chain: an altered data group is a failure whoever signed it.
  const dataGroups = dataGroupProblem(sod, input.dataGroups);
  if (dataGroups !== undefined) return dataGroups;

  return trustChain(signer, input.trustStore, now, engine);
}
