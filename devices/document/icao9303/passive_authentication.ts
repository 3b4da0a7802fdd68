/**
 * Passive authentication (ICAO 9303-11 §5.1): EF.SOD's CMS signature must verify with the Document Signer
 * certificate inside it, that certificate must be issued by a CSCA in our trust store, both must be within their
 * validity at `now` (9303-12: a DS certificate's validity covers its key-usage period plus the documents' validity),
 * and every data group we read must hash to the value the SOD lists. A chip that fails any of these may be a clone
 * or altered; a chip whose CSCA we do not hold is merely unverified.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { constantTimeEqual, hash } from '../crypto/emrtd_crypto.js';
import { type ParsedSod, parseSod } from './ef_sod.js';

export type PassiveAuthenticationFailure =
  | { readonly status: 'failed'; readonly reason: 'sod-malformed'; readonly detail: string }
  | { readonly status: 'failed'; readonly reason: 'signature-invalid'; readonly detail?: string }
  | { readonly status: 'failed'; readonly reason: 'ds-not-signed-by-csca' }
  | {
      readonly status: 'failed';
      readonly reason: 'certificate-expired' | 'certificate-not-yet-valid';
      readonly certificate: 'document-signer' | 'csca';
    }
  | { readonly status: 'failed'; readonly reason: 'dg-hash-mismatch'; readonly dataGroup: number }
  | { readonly status: 'failed'; readonly reason: 'dg-not-in-sod'; readonly dataGroup: number };

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
  const decoded = asn1js.fromBER(der.slice().buffer);
  if (decoded.offset === -1) return undefined;
  try {
    return new pkijs.Certificate({ schema: decoded.result });
  } catch {
    return undefined;
  }
}

/** Check a configured CSCA list: the index of the first certificate that does not parse, if any. */
export function parseTrustStore(
  ders: readonly Uint8Array[],
):
  | { ok: true; value: pkijs.Certificate[] }
  | { ok: false; error: { code: 'bad-certificate'; index: number } } {
  const certificates: pkijs.Certificate[] = [];
  for (const [index, der] of ders.entries()) {
    const certificate = parseCertificate(der);
    if (certificate === undefined) return { ok: false, error: { code: 'bad-certificate', index } };
    certificates.push(certificate);
  }
  return { ok: true, value: certificates };
}

export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${entry.type}=${String(entry.value.valueBlock.value)}`)
    .join(',');
}

function documentSignerOf(sod: ParsedSod): pkijs.Certificate | undefined {
  const certificates = (sod.signedData.certificates ?? []).filter(
    (item): item is pkijs.Certificate => item instanceof pkijs.Certificate,
  );
  const sid = sod.signedData.signerInfos[0]?.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const match = certificates.find(
      (certificate) =>
        certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber),
    );
    if (match !== undefined) return match;
  }
  return certificates[0];
}

function validityProblem(
  certificate: pkijs.Certificate,
  which: 'document-signer' | 'csca',
  now: Date,
): PassiveAuthenticationFailure | undefined {
  if (now < certificate.notBefore.value)
    return { status: 'failed', reason: 'certificate-not-yet-valid', certificate: which };
  if (now > certificate.notAfter.value)
    return { status: 'failed', reason: 'certificate-expired', certificate: which };
  return undefined;
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

export async function passiveAuthentication(
  input: PassiveAuthenticationInput,
): Promise<PassiveAuthenticationResult> {
  const now = input.now ?? new Date();
  const engine = webCryptoEngine();
  const parsed = parseSod(input.sod);
  if (!parsed.ok) return { status: 'failed', reason: 'sod-malformed', detail: parsed.error.detail };
  const sod = parsed.value;
  const signer = documentSignerOf(sod);
  if (signer === undefined || sod.signedData.signerInfos.length === 0) {
    return {
      status: 'failed',
      reason: 'sod-malformed',
      detail: 'no signer or no Document Signer certificate',
    };
  }

  try {
    const signatureValid = await sod.signedData.verify({ signer: 0, checkChain: false }, engine);
    if (!signatureValid) return { status: 'failed', reason: 'signature-invalid' };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'failed', reason: 'signature-invalid', detail };
  }

  // The data groups are checked before the trust chain: an altered data group is a failure whoever signed it.
  const { hashAlgorithm, dataGroupHashes } = sod.securityObject;
  for (const [dataGroup, bytes] of [...input.dataGroups.entries()].sort(([a], [b]) => a - b)) {
    const expected = dataGroupHashes.get(dataGroup);
    if (expected === undefined) return { status: 'failed', reason: 'dg-not-in-sod', dataGroup };
    if (!constantTimeEqual(hash(hashAlgorithm, bytes), expected)) {
      return { status: 'failed', reason: 'dg-hash-mismatch', dataGroup };
    }
  }

  const anchors = input.trustStore
    .map((der) => parseCertificate(der))
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
  if (issuer === undefined) return { status: 'failed', reason: 'ds-not-signed-by-csca' };
  const expired = validityProblem(issuer, 'csca', now) ?? validityProblem(signer, 'document-signer', now);
  if (expired !== undefined) return expired;
  return {
    status: 'verified',
    documentSigner: distinguishedName(signer.subject),
    csca: distinguishedName(issuer.subject),
  };
}
