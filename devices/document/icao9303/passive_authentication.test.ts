import { beforeAll, describe, expect, it } from 'vitest';
import { hash } from '../crypto/emrtd_crypto.js';
import { encodeLdsSecurityObject, parseLdsSecurityObject, parseSod } from './ef_sod.js';
import { parseTrustStore, passiveAuthentication } from './passive_authentication.js';
import { buildDg1, buildSecurityObject } from './simulator/lds_builder.js';
import { createTestPki, signSod, type TestPki } from './simulator/test_pki.js';

const NOW = new Date('2026-11-27T08:00:00Z');
const MRZ = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'];

let pki: TestPki;
let dg1: Uint8Array;
let sod: Uint8Array;
beforeAll(async () => {
  pki = await createTestPki(NOW);
  dg1 = buildDg1(MRZ);
  sod = await signSod(buildSecurityObject(new Map([[1, dg1]])), pki.documentSigner);
});

describe('LDSSecurityObject', () => {
  it('round-trips hash algorithm and data-group hashes (SHA-1 and SHA-256)', () => {
    for (const algorithm of ['SHA-1', 'SHA-256'] as const) {
      const hashes = new Map([
        [1, hash(algorithm, dg1)],
        [2, hash(algorithm, Uint8Array.of(1, 2, 3))],
      ]);
      const parsed = parseLdsSecurityObject(
        encodeLdsSecurityObject({ hashAlgorithm: algorithm, dataGroupHashes: hashes }),
      );
      expect(parsed).toEqual({ ok: true, value: { hashAlgorithm: algorithm, dataGroupHashes: hashes } });
    }
  });

  it('parses the simulator EF.SOD: tag 77, CMS SignedData, one DS certificate', () => {
    const parsed = parseSod(sod);
    expect(parsed.ok && parsed.value.securityObject.hashAlgorithm).toBe('SHA-256');
    expect(parsed.ok && parsed.value.certificates.length).toBe(1);
  });

  it('rejects garbage as malformed without throwing', () => {
    expect(parseSod(Uint8Array.of(0x77, 0x03, 0x30, 0x01, 0x00))).toMatchObject({
      ok: false,
      error: { code: 'sod-malformed' },
    });
    expect(parseSod(Uint8Array.of(0x60, 0x00))).toMatchObject({
      ok: false,
      error: { code: 'sod-malformed' },
    });
  });
});

describe('passive authentication', () => {
  it('verifies a genuine SOD against its CSCA', async () => {
    const result = await passiveAuthentication({
      sod,
      dataGroups: new Map([[1, dg1]]),
      trustStore: [pki.csca.der],
      now: NOW,
    });
    expect(result).toMatchObject({ status: 'verified', csca: '2.5.4.6=UT,2.5.4.3=Utopia CSCA' });
  });

  it('a flipped bit in the signature fails with signature-invalid', async () => {
    const forged = Uint8Array.from(sod);
    forged[forged.length - 1] = forged[forged.length - 1]! ^ 0x01;
    const result = await passiveAuthentication({
      sod: forged,
      dataGroups: new Map([[1, dg1]]),
      trustStore: [pki.csca.der],
      now: NOW,
    });
    expect(result).toMatchObject({ status: 'failed', reason: 'signature-invalid' });
  });

  it('a data group the SOD does not list fails', async () => {
    const result = await passiveAuthentication({
      sod,
      dataGroups: new Map([
        [1, dg1],
        [11, Uint8Array.of(0x6b, 0x00)],
      ]),
      trustStore: [pki.csca.der],
      now: NOW,
    });
    expect(result).toEqual({ status: 'failed', reason: 'dg-not-in-sod', dataGroup: 11 });
  });

  it('a certificate used before its validity fails', async () => {
    const result = await passiveAuthentication({
      sod,
      dataGroups: new Map([[1, dg1]]),
      trustStore: [pki.csca.der],
      now: new Date('2020-01-01T00:00:00Z'),
    });
    expect(result).toEqual({ status: 'failed', reason: 'certificate-not-yet-valid', certificate: 'csca' });
  });

  it('parseTrustStore names the first certificate that does not parse', () => {
    expect(parseTrustStore([pki.csca.der, Uint8Array.of(1, 2, 3)])).toEqual({
      ok: false,
      error: { code: 'bad-certificate', index: 1 },
    });
    expect(parseTrustStore([pki.csca.der]).ok).toBe(true);
  });
});
