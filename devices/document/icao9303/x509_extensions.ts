/**
 * The few X.509 extensions passive authentication relies on (RFC 5280 §4.2.1, profiled for eMRTDs by
 * ICAO 9303-12 §7.1): keyUsage, basicConstraints and subjectKeyIdentifier. The extension values come from a
 * chip, so they are decoded here with asn1js and checked field by field instead of through pkijs' lazy
 * `parsedValue`, which throws on a malformed value. A value that does not decode is `malformed`, never an
 * exception; an extension that appears twice is malformed too (RFC 5280 §4.2: "MUST NOT include more than one
 * instance of a particular extension").
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { err, ok, type Result } from '../../../lib/result.js';

export const OID_BASIC_CONSTRAINTS = '2.5.29.19';
export const OID_KEY_USAGE = '2.5.29.15';
export const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

/** keyUsage bits as they sit in the first content byte of the BIT STRING (bit 0 is the most significant). */
export const KEY_USAGE_DIGITAL_SIGNATURE = 0x80;
export const KEY_USAGE_KEY_CERT_SIGN = 0x04;

export type ExtensionMalformed = { readonly code: 'extension-malformed'; readonly extension: string };

export interface KeyUsage {
  readonly digitalSignature: boolean;
  readonly keyCertSign: boolean;
}

/** The one extension with this id, its value bytes; undefined when absent. */
function extensionValue(
  certificate: pkijs.Certificate,
  oid: string,
): Result<Uint8Array | undefined, ExtensionMalformed> {
  const matching = (certificate.extensions ?? []).filter((extension) => extension.extnID === oid);
  if (matching.length > 1) return err({ code: 'extension-malformed', extension: oid });
  const found = matching[0];
  return ok(found === undefined ? undefined : new Uint8Array(found.extnValue.valueBlock.valueHexView));
}

/** The single DER element of an extension value, or undefined when it does not decode to exactly one. */
function decodeSingle(bytes: Uint8Array): asn1js.AsnType | undefined {
  try {
    const decoded = asn1js.fromBER(bytes.slice().buffer);
    return decoded.offset === bytes.length ? decoded.result : undefined;
  } catch {
    // asn1js throws on some values instead of reporting them (a GeneralizedTime that is not a time).
    return undefined;
  }
}

export function keyUsageOf(certificate: pkijs.Certificate): Result<KeyUsage | undefined, ExtensionMalformed> {
  const value = extensionValue(certificate, OID_KEY_USAGE);
  if (!value.ok) return value;
  if (value.value === undefined) return ok(undefined);
  const bits = decodeSingle(value.value);
  if (!(bits instanceof asn1js.BitString) || bits.idBlock.isConstructed)
    return err({ code: 'extension-malformed', extension: OID_KEY_USAGE });
  const first = bits.valueBlock.valueHexView[0] ?? 0;
  return ok({
    digitalSignature: (first & KEY_USAGE_DIGITAL_SIGNATURE) !== 0,
    keyCertSign: (first & KEY_USAGE_KEY_CERT_SIGN) !== 0,
  });
}

/** basicConstraints cA (DEFAULT FALSE); false when the extension is absent. */
export function isCaCertificate(certificate: pkijs.Certificate): Result<boolean, ExtensionMalformed> {
  const value = extensionValue(certificate, OID_BASIC_CONSTRAINTS);
  if (!value.ok) return value;
  if (value.value === undefined) return ok(false);
  const sequence = decodeSingle(value.value);
  if (!(sequence instanceof asn1js.Sequence))
    return err({ code: 'extension-malformed', extension: OID_BASIC_CONSTRAINTS });
  const first = sequence.valueBlock.value[0];
  if (first === undefined || first instanceof asn1js.Integer) return ok(false);
  if (!(first instanceof asn1js.Boolean))
    return err({ code: 'extension-malformed', extension: OID_BASIC_CONSTRAINTS });
  return ok(first.valueBlock.value);
}

/** The subjectKeyIdentifier's key identifier; undefined when the certificate carries none. */
export function subjectKeyIdentifierOf(
  certificate: pkijs.Certificate,
): Result<Uint8Array | undefined, ExtensionMalformed> {
  const value = extensionValue(certificate, OID_SUBJECT_KEY_IDENTIFIER);
  if (!value.ok || value.value === undefined) return value;
  const octets = decodeSingle(value.value);
  if (!(octets instanceof asn1js.OctetString) || octets.idBlock.isConstructed)
    return err({ code: 'extension-malformed', extension: OID_SUBJECT_KEY_IDENTIFIER });
  return ok(new Uint8Array(octets.valueBlock.valueHexView));
}
