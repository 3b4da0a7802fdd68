/**
 * A hostile chip's EF.SOD is bad input: whatever ASN.1 the parser rejects comes back as `sod-malformed` from
 * parseSod and passiveAuthentication alike, never as a thrown error. Named cases first, then a property over
 * structure-aware mutations of a genuine SOD (the longer run is `npm run fuzz:sod`).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ParsedSod, parseSod } from './ef_sod.js';
import { passiveAuthentication } from './passive_authentication.js';
import {
  applyDerMutations,
  type DerMutation,
  derMutationsArbitrary,
  derNodeIndex,
} from './simulator/der_mutations.js';
import { buildDg1, buildSecurityObject } from './simulator/lds_builder.js';
import { createTestPki, signSod, type TestPki } from './simulator/test_pki.js';

const NOW = new Date('2026-11-27T08:00:00Z');
const dg1 = buildDg1([
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C<3UTO6908061F9406236ZE184226B<<<<<14',
]);

/** Paths into EF.SOD: 77 → ContentInfo → [0] → SignedData → … */
const SIGNED_DATA = [0, 1, 0];
const VERSION = [...SIGNED_DATA, 0];
const E_CONTENT = [...SIGNED_DATA, 2, 1, 0];
const LDS_SECURITY_OBJECT = [...E_CONTENT, 0];
/** certificates [0] → the DS certificate → tbsCertificate → validity (after version, serial, algorithm, issuer). */
const DS_NOT_BEFORE = [...SIGNED_DATA, 3, 0, 0, 4, 0];
/** … tbsCertificate → extensions [3] → the first (basicConstraints) → extnValue → the DER it wraps. */
const DS_BASIC_CONSTRAINTS_VALUE = [...SIGNED_DATA, 3, 0, 0, 7, 0, 0, 2, 0];

let pki: TestPki;
let sod: Uint8Array;
let genuine: ParsedSod;
beforeAll(async () => {
  pki = await createTestPki(NOW);
  sod = await signSod(buildSecurityObject(new Map([[1, dg1]])), pki.documentSigner);
  const parsed = parseSod(sod);
  if (!parsed.ok) throw new Error(parsed.error.detail);
  genuine = parsed.value;
});

function authenticate(bytes: Uint8Array) {
  return passiveAuthentication({
    sod: bytes,
    dataGroups: new Map([[1, dg1]]),
    trustStore: [pki.csca.der],
    now: NOW,
  });
}

async function expectMalformed(mutations: (sod: Uint8Array) => DerMutation[], detail: RegExp) {
  const bytes = applyDerMutations(sod, mutations(sod));
  expect(parseSod(bytes)).toMatchObject({ ok: false, error: { code: 'sod-malformed', detail } });
  expect(await authenticate(bytes)).toMatchObject({ status: 'failed', reason: 'sod-malformed', detail });
}

describe('malformed EF.SOD is a value, never an exception', () => {
  it('the genuine SOD survives the DER round trip the mutations use', async () => {
    expect(applyDerMutations(sod, [])).toEqual(sod);
    expect(await authenticate(sod)).toMatchObject({ status: 'verified' });
  });

  it('eContent that is not an OCTET STRING', async () => {
    for (const tag of [0x30, 0x02, 0x0c, 0x24]) {
      await expectMalformed((s) => [{ kind: 'retag', node: derNodeIndex(s, E_CONTENT), tag }], /eContent/);
    }
    // A constructed OCTET STRING whose segment is a SEQUENCE, not an OCTET STRING.
    await expectMalformed(
      (s) => [
        { kind: 'retag', node: derNodeIndex(s, E_CONTENT), tag: 0x24 },
        { kind: 'retag', node: derNodeIndex(s, LDS_SECURITY_OBJECT), tag: 0x30 },
      ],
      /eContent/,
    );
  });

  it('a wrong tag inside SignedData', async () => {
    for (const [path, tag] of [
      [VERSION, 0x04],
      [[...SIGNED_DATA, 1], 0x30],
      [[...SIGNED_DATA, 3], 0xa1],
      [[...SIGNED_DATA, 4], 0x30],
    ] as const) {
      await expectMalformed((s) => [{ kind: 'retag', node: derNodeIndex(s, path), tag }], /./);
    }
  });

  it('time strings that are not times, as UTCTime and as GeneralizedTime', async () => {
    for (const text of ['AAAAAAAAAAAAZ', '', '2612011200']) {
      await expectMalformed(() => [{ kind: 'bad-time', node: 0, text }], /./);
      await expectMalformed(
        (s) => [
          { kind: 'retag', node: derNodeIndex(s, DS_NOT_BEFORE), tag: 0x18 },
          { kind: 'bad-time', node: 0, text },
        ],
        /./,
      );
    }
  });

  it('an extension value asn1js throws on (found by fuzz:sod) fails the DS profile, without throwing', async () => {
    // The DS certificate's signature breaks too, but the profile is checked first: that is where it threw.
    const bytes = applyDerMutations(sod, [
      { kind: 'retag', node: derNodeIndex(sod, DS_BASIC_CONSTRAINTS_VALUE), tag: 0x18 },
      { kind: 'bad-time', node: 2, text: 'AAAAAAAAAAAAZ' },
    ]);
    expect(parseSod(bytes).ok).toBe(true);
    expect(await authenticate(bytes)).toEqual({
      status: 'failed',
      reason: 'sod-malformed',
      detail: 'Document Signer basicConstraints',
    });
  });

  it('truncated lengths and truncated files', async () => {
    const lengthOfEContent = (s: Uint8Array) => derNodeIndex(s, E_CONTENT);
    await expectMalformed((s) => [{ kind: 'length-byte', header: lengthOfEContent(s), value: 0x84 }], /./);
    await expectMalformed((s) => [{ kind: 'length-byte', header: lengthOfEContent(s), value: 0x7f }], /./);
    for (const at of [1, 2, 10, 100, sod.length - 1]) {
      await expectMalformed(() => [{ kind: 'truncate', at }], /./);
    }
  });
});

describe('property: every mutation of a genuine SOD gets a typed result', () => {
  it('parseSod and passiveAuthentication return a status; "verified" only ever vouches for the signed hashes', async () => {
    await fc.assert(
      fc.asyncProperty(derMutationsArbitrary, async (mutations) => {
        const bytes = applyDerMutations(sod, mutations);
        const parsed = parseSod(bytes);
        if (!parsed.ok) expect(parsed.error.code).toBe('sod-malformed');
        const result = await authenticate(bytes);
        expect(['verified', 'unverified', 'failed']).toContain(result.status);
        if (result.status === 'verified') {
          expect(parsed.ok && parsed.value.securityObject).toEqual(genuine.securityObject);
        }
      }),
      { numRuns: 300 },
    );
  });
});
