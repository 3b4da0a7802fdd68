/**
 * A throw-away eMRTD PKI made at runtime for the chip simulator and tests: a self-signed CSCA, a Document Signer
 * issued by it, and EF.SOD signed by the Document Signer (CMS SignedData with contentType and messageDigest
 * signed attributes, as 9303-10 §4.6.2 requires). ECDSA P-256 with SHA-256 through WebCrypto and pkijs.
 * Nothing here is used on a real kiosk; real CSCA certificates come from the configured trust store.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hash } from '../../crypto/emrtd_crypto.js';
import { encodeTlv } from '../ber_tlv.js';
import { OID_LDS_SECURITY_OBJECT } from '../ef_sod.js';
import { webCryptoEngine } from '../passive_authentication.js';

export interface IssuedCertificate {
  readonly certificate: pkijs.Certificate;
  readonly der: Uint8Array;
  readonly keys: CryptoKeyPair;
}

export interface CertificateOptions {
  readonly country: string;
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly serialNumber: number;
}

const OID_COUNTRY = '2.5.4.6';
const OID_COMMON_NAME = '2.5.4.3';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KEY_USAGE = '2.5.29.15';
const OID_CONTENT_TYPE_ATTRIBUTE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST_ATTRIBUTE = '1.2.840.113549.1.9.4';

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

function keyUsageExtension(bits: number): pkijs.Extension {
  const value = new asn1js.BitString({ valueHex: Uint8Array.of(bits).buffer, unusedBits: 1 });
  return new pkijs.Extension({ extnID: OID_KEY_USAGE, critical: true, extnValue: value.toBER(false) });
}

async function issue(
  options: CertificateOptions,
  isCa: boolean,
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
  const basicConstraints = new pkijs.BasicConstraints({
    cA: isCa,
    ...(isCa ? { pathLenConstraint: 0 } : {}),
  });
  certificate.extensions = [
    new pkijs.Extension({
      extnID: OID_BASIC_CONSTRAINTS,
      critical: true,
      extnValue: basicConstraints.toSchema().toBER(false),
      parsedValue: basicConstraints,
    }),
    // keyCertSign|cRLSign (0x06) for a CSCA, digitalSignature (0x80) for a Document Signer.
    keyUsageExtension(isCa ? 0x06 : 0x80),
  ];
  await certificate.sign(issuer?.privateKey ?? keys.privateKey, 'SHA-256', engine);
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  return { certificate, der, keys };
}

export function createCsca(options: CertificateOptions): Promise<IssuedCertificate> {
  return issue(options, true, undefined);
}

export function createDocumentSigner(
  csca: IssuedCertificate,
  options: CertificateOptions,
): Promise<IssuedCertificate> {
  return issue(options, false, { name: csca.certificate.subject, privateKey: csca.keys.privateKey });
}

/** Sign an LDSSecurityObject (DER) and wrap the CMS ContentInfo in the EF.SOD tag 0x77. */
export async function signSod(securityObjectDer: Uint8Array, signer: IssuedCertificate): Promise<Uint8Array> {
  const engine = webCryptoEngine();
  const digest = hash('SHA-256', securityObjectDer);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_LDS_SECURITY_OBJECT,
      eContent: new asn1js.OctetString({ valueHex: securityObjectDer.slice().buffer }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.certificate.issuer,
          serialNumber: signer.certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID_CONTENT_TYPE_ATTRIBUTE,
              values: [new asn1js.ObjectIdentifier({ value: OID_LDS_SECURITY_OBJECT })],
            }),
            new pkijs.Attribute({
              type: OID_MESSAGE_DIGEST_ATTRIBUTE,
              values: [new asn1js.OctetString({ valueHex: digest.slice().buffer })],
            }),
          ],
        }),
      }),
    ],
    certificates: [signer.certificate],
  });
  await signedData.sign(signer.keys.privateKey, 0, 'SHA-256', undefined, engine);
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
export async function createTestPki(now: Date, cscaName = 'Utopia CSCA'): Promise<TestPki> {
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
  });
  return { csca, documentSigner };
}
