/**
 * Hostile EF.SODs built on purpose with the test PKI: a forger holds their own key pair and certificate, can
 * copy the genuine Document Signer certificate (it is public: every passport carries it), and can arrange the
 * SOD as they like. None of these may read as verified.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID_MESSAGE_DIGEST_ATTRIBUTE } from './ef_sod.js';
import { passiveAuthentication } from './passive_authentication.js';
import { applyDerMutations, derNodeIndex } from './simulator/der_mutations.js';
import { buildDg1, buildSecurityObject } from './simulator/lds_builder.js';
import {
  type CertificateOptions,
  createCsca,
  createDocumentSigner,
  createTestPki,
  type IssuedCertificate,
  type SodSigningOptions,
  signSod,
  type TestPki,
} from './simulator/test_pki.js';

const NOW = new Date('2026-11-27T08:00:00Z');
const YEAR = 365 * 24 * 3600 * 1000;
const GENUINE_MRZ = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C<3UTO6908061F9406236ZE184226B<<<<<14',
];
const FORGED_MRZ = [
  'P<UTOIMPOSTOR<<IVAN<<<<<<<<<<<<<<<<<<<<<<<<<',
  'L898902C<3UTO6908061M9406236ZE184226B<<<<<14',
];

let genuine: TestPki;
/** The forger's PKI names its CSCA like ours, so its DS has the genuine DS's issuer, serial and subject. */
let forger: TestPki;
/** A forger's DS with its own serial number (3), so issuer and serial name it alone. */
let forgerSerial3: IssuedCertificate;
const dg1 = buildDg1(GENUINE_MRZ);
const forgedDg1 = buildDg1(FORGED_MRZ);

beforeAll(async () => {
  genuine = await createTestPki(NOW);
  forger = await createTestPki(NOW, 'Utopia CSCA');
  forgerSerial3 = await createDocumentSigner(forger.csca, signerFields(3));
});

async function verify(sod: Uint8Array, dataGroup1 = dg1, trustStore = [genuine.csca.der]) {
  return passiveAuthentication({ sod, dataGroups: new Map([[1, dataGroup1]]), trustStore, now: NOW });
}

/** A SOD over the genuine DG1, signed by the genuine Document Signer. */
function genuineSod(options: SodSigningOptions = {}): Promise<Uint8Array> {
  return signSod(buildSecurityObject(new Map([[1, dg1]])), genuine.documentSigner, options);
}

/** Certificate fields for a Document Signer valid around NOW, with the given serial number. */
function signerFields(serialNumber: number, extra: Partial<CertificateOptions> = {}): CertificateOptions {
  return {
    country: 'UT',
    commonName: 'Utopia Document Signer',
    notBefore: new Date(NOW.getTime() - YEAR),
    notAfter: new Date(NOW.getTime() + YEAR),
    serialNumber,
    ...extra,
  };
}

/** The forger's SOD over the forged DG1, signed with `signer`'s key. */
function forgedSod(signer: IssuedCertificate, options: SodSigningOptions): Promise<Uint8Array> {
  return signSod(buildSecurityObject(new Map([[1, forgedDg1]])), signer, options);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('the signer certificate is chosen once, and the same one is checked against the CSCA', () => {
  it('the review forgery: genuine DS copied beside the forger’s, signer named by SKI, fails in every order', async () => {
    const orders = permutations([genuine.documentSigner, forger.documentSigner, genuine.csca]);
    expect(orders).toHaveLength(6);
    for (const certificates of orders) {
      const sod = await forgedSod(forger.documentSigner, {
        certificates,
        signerIdentifier: 'subject-key-identifier',
      });
      expect(await verify(sod, forgedDg1)).toEqual({ status: 'failed', reason: 'ds-not-signed-by-csca' });
    }
  });

  it('a forger DS with its own serial, named by issuer and serial, fails in every order', async () => {
    for (const certificates of permutations([genuine.documentSigner, forgerSerial3])) {
      const sod = await forgedSod(forgerSerial3, { certificates });
      expect(await verify(sod, forgedDg1)).toEqual({ status: 'failed', reason: 'ds-not-signed-by-csca' });
    }
  });

  it('issuer and serial that match two certificates (a copied name) is ambiguous, in every order', async () => {
    for (const certificates of permutations([genuine.documentSigner, forger.documentSigner])) {
      const sod = await forgedSod(forger.documentSigner, { certificates });
      expect(await verify(sod, forgedDg1)).toEqual({
        status: 'failed',
        reason: 'signer-certificate-ambiguous',
        matches: 2,
      });
    }
  });

  it('an SKI that two certificates carry (a copied extension) is ambiguous', async () => {
    const copied = await createDocumentSigner(
      forger.csca,
      signerFields(4, { subjectKeyIdentifier: genuine.documentSigner.subjectKeyIdentifier }),
    );
    const sod = await forgedSod(copied, {
      certificates: [genuine.documentSigner, copied],
      signerIdentifier: 'subject-key-identifier',
    });
    expect(await verify(sod, forgedDg1)).toEqual({
      status: 'failed',
      reason: 'signer-certificate-ambiguous',
      matches: 2,
    });
  });

  it('a signer that matches none of the certificates is not guessed', async () => {
    for (const signerIdentifier of ['issuer-and-serial', 'subject-key-identifier'] as const) {
      const sod = await forgedSod(forgerSerial3, {
        certificates: [genuine.documentSigner],
        signerIdentifier,
      });
      expect(await verify(sod, forgedDg1)).toEqual({
        status: 'failed',
        reason: 'signer-certificate-not-found',
      });
    }
  });

  it('naming the genuine DS while signing with the forger’s key fails the signature, however it is named', async () => {
    for (const signerIdentifier of ['issuer-and-serial', 'subject-key-identifier'] as const) {
      const sod = await forgedSod(forgerSerial3, {
        certificates: [forgerSerial3, genuine.documentSigner],
        namedCertificate: genuine.documentSigner,
        signerIdentifier,
      });
      expect(await verify(sod, forgedDg1)).toMatchObject({ status: 'failed', reason: 'signature-invalid' });
    }
  });

  it('a genuine SOD verifies with its signer named either way, with or without an SKI extension', async () => {
    const withoutSki = await createDocumentSigner(
      genuine.csca,
      signerFields(5, { commonName: 'Utopia Document Signer 2', withoutSubjectKeyIdentifier: true }),
    );
    const content = buildSecurityObject(new Map([[1, dg1]]));
    for (const signer of [genuine.documentSigner, withoutSki]) {
      for (const signerIdentifier of ['issuer-and-serial', 'subject-key-identifier'] as const) {
        const sod = await signSod(content, signer, {
          certificates: [forgerSerial3, signer],
          signerIdentifier,
        });
        expect(await verify(sod)).toMatchObject({ status: 'verified' });
      }
    }
  });
});

describe('the signed content and its attributes', () => {
  it('content re-signed by the forger with the genuine DS certificate alone fails the signature', async () => {
    const sod = await forgedSod(forger.documentSigner, { certificates: [genuine.documentSigner] });
    expect(await verify(sod, forgedDg1)).toMatchObject({ status: 'failed', reason: 'signature-invalid' });
  });

  it('content changed after signing fails the message digest', async () => {
    const sod = await genuineSod({
      carriedContent: buildSecurityObject(new Map([[1, forgedDg1]])),
    });
    expect(await verify(sod, forgedDg1)).toEqual({
      status: 'failed',
      reason: 'signed-attribute-invalid',
      attribute: 'message-digest',
      problem: 'mismatch',
    });
  });

  it('a content-type attribute that names other content fails, though the genuine DS signed it', async () => {
    const sod = await genuineSod({
      signedAttributes: ([, digest]) => [
        new pkijs.Attribute({
          type: '1.2.840.113549.1.9.3',
          values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })],
        }),
        digest!,
      ],
    });
    expect(await verify(sod)).toEqual({
      status: 'failed',
      reason: 'signed-attribute-invalid',
      attribute: 'content-type',
      problem: 'mismatch',
    });
  });

  it('a repeated message-digest attribute fails', async () => {
    const sod = await genuineSod({
      signedAttributes: (standard) => [
        ...standard,
        new pkijs.Attribute({
          type: OID_MESSAGE_DIGEST_ATTRIBUTE,
          values: [new asn1js.OctetString({ valueHex: new Uint8Array(32).buffer })],
        }),
      ],
    });
    expect(await verify(sod)).toEqual({
      status: 'failed',
      reason: 'signed-attribute-invalid',
      attribute: 'message-digest',
      problem: 'repeated',
    });
  });

  it('a signature straight over the content, without signed attributes, fails', async () => {
    const sod = await genuineSod({
      signedAttributes: () => [],
    });
    expect(await verify(sod)).toEqual({ status: 'failed', reason: 'signed-attributes-missing' });
  });

  it('a second SignerInfo is refused: which one vouches for the data would be a guess', async () => {
    const sod = await genuineSod();
    // 77 → ContentInfo → [0] → SignedData → signerInfos (5th field) → the first SignerInfo.
    const twice = applyDerMutations(sod, [{ kind: 'duplicate', node: derNodeIndex(sod, [0, 1, 0, 4, 0]) }]);
    expect(await verify(twice)).toMatchObject({ status: 'failed', reason: 'sod-malformed' });
  });
});

describe('certificate profiles (9303-12 §7.1.1)', () => {
  async function sodSignedBy(signer: IssuedCertificate): Promise<Uint8Array> {
    return signSod(buildSecurityObject(new Map([[1, dg1]])), signer);
  }

  it('a Document Signer without digitalSignature fails, though its CSCA issued it', async () => {
    const pki = await createTestPki(NOW, 'Utopia CSCA', { keyUsage: 0x04 });
    expect(await verify(await sodSignedBy(pki.documentSigner), dg1, [pki.csca.der])).toEqual({
      status: 'failed',
      reason: 'ds-key-usage',
    });
  });

  it('a Document Signer that is a CA fails', async () => {
    const pki = await createTestPki(NOW, 'Utopia CSCA', { isCa: true });
    expect(await verify(await sodSignedBy(pki.documentSigner), dg1, [pki.csca.der])).toEqual({
      status: 'failed',
      reason: 'ds-is-ca',
    });
  });

  it('a trust anchor that is not a CA, or may not sign certificates, fails', async () => {
    for (const profile of [{ isCa: false }, { keyUsage: 0x80 }]) {
      const csca = await createCsca({
        country: 'UT',
        commonName: 'Utopia CSCA',
        notBefore: new Date(NOW.getTime() - YEAR),
        notAfter: new Date(NOW.getTime() + 10 * YEAR),
        serialNumber: 1,
        ...profile,
      });
      const signer = await createDocumentSigner(csca, signerFields(2));
      expect(await verify(await sodSignedBy(signer), dg1, [csca.der])).toEqual({
        status: 'failed',
        reason: 'csca-not-ca',
      });
    }
  });
});
