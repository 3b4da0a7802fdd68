/**
 * A throw-away eMRTD PKI made at runtime for the chip simulator and tests: a self-signed CSCA, a Document Signer
 * issued by it, and EF.SOD signed by the Document Signer (CMS SignedData with contentType and messageDigest
 * signed attributes, as 9303-10 §4.6.2 requires). ECDSA P-256 with SHA-256 through WebCrypto and pkijs.
 *
 * Tests also build the forgeries passive authentication must refuse: certificates with the wrong key usage or
 * CA flag, a SOD that carries several certificates in a chosen order, names its signer by subjectKeyIdentifier,
 * or carries signed attributes and content that do not belong together (`SodSigningOptions`).
 * Nothing here is used on a real kiosk; real CSCA certificates come from the configured trust store.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hash } from '../../crypto/emrtd_crypto.js';
import { encodeTlv } from '../ber_tlv.js';
import {
  OID_CONTENT_TYPE_ATTRIBUTE,
  OID_LDS_SECURITY_OBJECT,
  OID_MESSAGE_DIGEST_ATTRIBUTE,
} from '../ef_sod.js';
import { webCryptoEngine } from '../passive_authentication.js';
import {
  KEY_USAGE_DIGITAL_SIGNATURE,
  KEY_USAGE_KEY_CERT_SIGN,
  OID_BASIC_CONSTRAINTS,
  OID_KEY_USAGE,
  OID_SUBJECT_KEY_IDENTIFIER,
} from '../x509_extensions.js';

export interface IssuedCertificate {
  readonly certificate: pkijs.Certificate;
  readonly der: Uint8Array;
  readonly keys: CryptoKeyPair;
  /** The subjectKeyIdentifier the certificate carries (RFC 5280 §4.2.1.2 method 1 unless overridden). */
  readonly subjectKeyIdentifier: Uint8Array;
}

export interface CertificateOptions {
  readonly country: string;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly serialNumber: number;
  /** basicConstraints cA; default true for a CSCA, false for a Document Signer. */
  readonly isCa?: boolean;
  /** keyUsage bits of the first byte (0x80 digitalSignature … 0x04 keyCertSign, 0x02 cRLSign). */
  readonly keyUsage?: number;
  /** A subjectKeyIdentifier to carry instead of the key's SHA-1 (a forger copying a genuine one). */
  readonly subjectKeyIdentifier?: Uint8Array;
  /** Leave the subjectKeyIdentifier extension out. */
  readonly withoutSubjectKeyIdentifier?: boolean;
}

const OID_COUNTRY = '2.5.4.6';
const OID_COMMON_NAME = '2.5.4.3';

function nameOf(options: CertificateOptions): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: OID_COUNTRY,
        value: new asn1js.PrintableString({ value: options.country }),
      }),
      new pkijs.AttributeTypeAndValue({
        type: OID_COMMON_NAME,
        value: new asn1js.Utf8String({ value: options.commonName }),
      }),
    ],
  });
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

async function issue(
  options: CertificateOptions,
  defaults: { isCa: boolean; keyUsage: number },
  issuer: { name: pkijs.RelativeDistinguishedNames; privateKey: CryptoKey } | undefined,
): Promise<IssuedCertificate> {
  const engine = webCryptoEngine();
  const keys = await generateKeys();
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: options.serialNumber });
  certificate.subject = nameOf(options);
  certificate.issuer = issuer?.name ?? nameOf(options);
  certificate.notBefore.value = options.notBefore;
  certificate.notAfter.value = options.notAfter;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  const isCa = options.isCa ?? defaults.isCa;
  const basicConstraints = new pkijs.BasicConstraints({
    cA: isCa,
    ...(isCa ? { pathLenConstraint: 0 } : {}),
  });
  const keyUsage = options.keyUsage ?? defaults.keyUsage;
  const subjectKeyIdentifier =
    options.subjectKeyIdentifier ??
    hash('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  certificate.extensions = [
    extension(OID_BASIC_CONSTRAINTS, true, basicConstraints.toSchema()),
    extension(
      OID_KEY_USAGE,
      true,
      new asn1js.BitString({ valueHex: Uint8Array.of(keyUsage).buffer, unusedBits: 1 }),
    ),
    ...(options.withoutSubjectKeyIdentifier
      ? []
      : [
          extension(
            OID_SUBJECT_KEY_IDENTIFIER,
            false,
            new asn1js.OctetString({ valueHex: subjectKeyIdentifier.slice().buffer }),
          ),
        ]),
  ];
  await certificate.sign(issuer?.privateKey ?? keys.privateKey, 'SHA-256', engine);
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  return { certificate, der, keys, subjectKeyIdentifier };
}

/** A CSCA: self-signed, a CA, keyCertSign|cRLSign unless the options say otherwise. */
export function createCsca(options: CertificateOptions): Promise<IssuedCertificate> {
  return issue(options, { isCa: true, keyUsage: KEY_USAGE_KEY_CERT_SIGN | 0x02 }, undefined);
}

/** A Document Signer issued by `csca`: not a CA, digitalSignature unless the options say otherwise. */
export function createDocumentSigner(
  csca: IssuedCertificate,
  options: CertificateOptions,
): Promise<IssuedCertificate> {
  return issue(
    options,
    { isCa: false, keyUsage: KEY_USAGE_DIGITAL_SIGNATURE },
    { name: csca.certificate.subject, privateKey: csca.keys.privateKey },
  );
}

/** How a hostile or unusual EF.SOD differs from the plain one; every field defaults to the 9303-10 shape. */
export interface SodSigningOptions {
  /** The certificates the SOD carries, in this order; default: the signer's alone. */
  readonly certificates?: readonly IssuedCertificate[];
  /** How the SignerInfo names its certificate; default issuer and serial number (SignerInfo version 1). */
  readonly signerIdentifier?: 'issuer-and-serial' | 'subject-key-identifier';
  /** Name this certificate in the SignerInfo, whoever signs (a forger naming a genuine Document Signer). */
  readonly namedCertificate?: IssuedCertificate;
  /** Replace the signed attributes, given the two standard ones (content type, message digest). */
  readonly signedAttributes?: (standard: readonly pkijs.Attribute[]) => pkijs.Attribute[];
  /** Carry this as eContent instead of the content that was digested (content altered after signing). */
  readonly carriedContent?: Uint8Array;
}

function signerIdentifierFor(
  named: IssuedCertificate,
  kind: 'issuer-and-serial' | 'subject-key-identifier',
): pkijs.IssuerAndSerialNumber | asn1js.Primitive {
  switch (kind) {
    case 'issuer-and-serial':
      return new pkijs.IssuerAndSerialNumber({
        issuer: named.certificate.issuer,
        serialNumber: named.certificate.serialNumber,
      });
    case 'subject-key-identifier':
      // SignerIdentifier ::= CHOICE { …, subjectKeyIdentifier [0] SubjectKeyIdentifier } (RFC 5652 §5.3).
      return new asn1js.Primitive({
        idBlock: { tagClass: 3, tagNumber: 0 },
        valueHex: named.subjectKeyIdentifier.slice().buffer,
      });
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown signer identifier ${String(unreachable)}`);
    }
  }
}

/** Sign an LDSSecurityObject (DER) and wrap the CMS ContentInfo in the EF.SOD tag 0x77. */
export async function signSod(
  securityObjectDer: Uint8Array,
  signer: IssuedCertificate,
  options: SodSigningOptions = {},
): Promise<Uint8Array> {
  const engine = webCryptoEngine();
  const digest = hash('SHA-256', securityObjectDer);
  const standardAttributes = [
    new pkijs.Attribute({
      type: OID_CONTENT_TYPE_ATTRIBUTE,
      values: [new asn1js.ObjectIdentifier({ value: OID_LDS_SECURITY_OBJECT })],
    }),
    new pkijs.Attribute({
      type: OID_MESSAGE_DIGEST_ATTRIBUTE,
      values: [new asn1js.OctetString({ valueHex: digest.slice().buffer })],
    }),
  ];
  const attributes = options.signedAttributes?.(standardAttributes) ?? standardAttributes;
  const identifier = options.signerIdentifier ?? 'issuer-and-serial';
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_LDS_SECURITY_OBJECT,
      eContent: new asn1js.OctetString({ valueHex: securityObjectDer.slice().buffer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: identifier === 'issuer-and-serial' ? 1 : 3,
        sid: signerIdentifierFor(options.namedCertificate ?? signer, identifier),
        // No signed attributes at all: pkijs then signs the eContent itself.
        ...(attributes.length === 0
          ? {}
          : { signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }) }),
      }),
    ],
    certificates: (options.certificates ?? [signer]).map((issued) => issued.certificate),
  });
  await signedData.sign(signer.keys.privateKey, 0, 'SHA-256', undefined, engine);
  // pkijs' constructor splits eContent into a constructed (BER) OCTET STRING; a chip's SOD is DER: one primitive.
  signedData.encapContentInfo.eContent = new asn1js.OctetString({
    valueHex: (options.carriedContent ?? securityObjectDer).slice().buffer,
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return encodeTlv(0x77, new Uint8Array(contentInfo.toSchema().toBER(false)));
}

export interface TestPki {
  readonly csca: IssuedCertificate;
  readonly documentSigner: IssuedCertificate;
}

/** A CSCA valid for 15 years around `now` and a Document Signer valid for 11, both named in country `UT`. */
export async function createTestPki(
  now: Date,
  cscaName = 'Utopia CSCA',
  documentSignerOptions: Partial<CertificateOptions> = {},
): Promise<TestPki> {
  const year = 365 * 24 * 3600 * 1000;
  const csca = await createCsca({
    country: 'UT',
    commonName: cscaName,
    notBefore: new Date(now.getTime() - year),
    notAfter: new Date(now.getTime() + 14 * year),
    serialNumber: 1,
  });
  const documentSigner = await createDocumentSigner(csca, {
    country: 'UT',
    commonName: 'Utopia Document Signer',
    notBefore: new Date(now.getTime() - year),
    notAfter: new Date(now.getTime() + 10 * year),
    serialNumber: 2,
    ...documentSignerOptions,
  });
  return { csca, documentSigner };
}
