/**
 * Which certificate signed EF.SOD, chosen once. The SignerInfo names its signer either by issuer and serial
 * number or by subjectKeyIdentifier (RFC 5652 §5.3; 9303-10 §4.6.2.2 allows both). Exactly one of the
 * certificates the SOD carries must match: none or several is a failure, never a guess. Passive authentication
 * then verifies the signature with this certificate's key and checks this same certificate against the CSCA;
 * choosing the two apart is how a SOD carrying a copied genuine Document Signer beside a forger's certificate
 * once read as verified.
 *
 * The chosen certificate must also look like a Document Signer (9303-12 §7.1.1, certificate profile):
 * keyUsage present with digitalSignature, and not a CA.
 */
import type * as pkijs from 'pkijs';
import { err, ok, type Result } from '../../../lib/result.js';
import { constantTimeEqual, hash } from '../crypto/emrtd_crypto.js';
import type { SignerIdentifier } from './ef_sod.js';
import { isCaCertificate, keyUsageOf, subjectKeyIdentifierOf } from './x509_extensions.js';

export type SignerCertificateProblem =
  | { readonly reason: 'signer-certificate-not-found' }
  | { readonly reason: 'signer-certificate-ambiguous'; readonly matches: number };

export type DocumentSignerProfileProblem =
  | { readonly reason: 'ds-key-usage' }
  | { readonly reason: 'ds-is-ca' }
  | { readonly reason: 'sod-malformed'; readonly detail: string };

/**
 * The certificate's key identifier: its subjectKeyIdentifier extension, or, when it carries none, the SHA-1 of
 * its public key (RFC 5280 §4.2.1.2 method 1, what signers without the extension put in the SignerInfo).
 * Undefined when the extension does not decode: such a certificate matches no identifier.
 */
function keyIdentifierOf(certificate: pkijs.Certificate): Uint8Array | undefined {
  const extension = subjectKeyIdentifierOf(certificate);
  if (!extension.ok) return undefined;
  return (
    extension.value ??
    hash('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
  );
}

function matches(identifier: SignerIdentifier, certificate: pkijs.Certificate): boolean {
  switch (identifier.kind) {
    case 'issuer-and-serial':
      return (
        certificate.issuer.isEqual(identifier.issuer) &&
        certificate.serialNumber.isEqual(identifier.serialNumber)
      );
    case 'subject-key-identifier': {
      const keyIdentifier = keyIdentifierOf(certificate);
      return keyIdentifier !== undefined && constantTimeEqual(keyIdentifier, identifier.keyIdentifier);
    }
    default: {
      const unreachable: never = identifier;
      throw new Error(`unknown signer identifier ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The one certificate among the SOD's that the SignerInfo names. */
export function selectSignerCertificate(
  identifier: SignerIdentifier,
  certificates: readonly pkijs.Certificate[],
): Result<pkijs.Certificate, SignerCertificateProblem> {
  const matching = certificates.filter((certificate) => matches(identifier, certificate));
  const [only] = matching;
  if (only === undefined) return err({ reason: 'signer-certificate-not-found' });
  if (matching.length > 1) return err({ reason: 'signer-certificate-ambiguous', matches: matching.length });
  return ok(only);
}

/** A Document Signer signs documents and nothing else: digitalSignature, and not a CA. */
export function documentSignerProfile(
  certificate: pkijs.Certificate,
): Result<void, DocumentSignerProfileProblem> {
  const keyUsage = keyUsageOf(certificate);
  if (!keyUsage.ok) return err({ reason: 'sod-malformed', detail: 'Document Signer keyUsage' });
  if (keyUsage.value === undefined || !keyUsage.value.digitalSignature)
    return err({ reason: 'ds-key-usage' });
  const isCa = isCaCertificate(certificate);
  if (!isCa.ok) return err({ reason: 'sod-malformed', detail: 'Document Signer basicConstraints' });
  if (isCa.value) return err({ reason: 'ds-is-ca' });
  return ok();
}
