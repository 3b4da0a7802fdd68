import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  publicKeyBase64,
  signIdentityPayload,
  type TerminalSigningKey,
} from '../printed/verification/document_signing.js';
import type { IdentityPayload } from '../printed/verification/identity_payload.js';
import { verifyDocument, verifyDocumentCommand } from '../printed/verification/verify_document.js';
import { type KeyPeriod, keyPeriodAt, readKeyHistory, type SigningKeyHistory } from './key_history.js';

/**
 * A terminal's keys over time, as `balcao verify-document` and the check-proof screen use them (one function,
 * verifyDocument): a rotation built on purpose — key A until noon, key B from noon — and the papers each key may
 * and may not have signed.
 */

const terminalId = 'MO-CP-07';
const noon = Date.parse('2026-06-01T12:00:00+08:00');
const hour = 3_600_000;
const a = generateSigningKey(terminalId);
const b = generateSigningKey(terminalId);

function period(key: TerminalSigningKey, validFrom: number | null, validTo: number | null): KeyPeriod {
  return { publicKey: publicKeyBase64(key.privateKey), validFrom, validTo, revokedAt: null };
}
const rotation: SigningKeyHistory = {
  [terminalId]: [period(a, noon - 48 * hour, noon), period(b, noon, null)],
};

function paper(key: TerminalSigningKey, issuedAtMs: number): string {
  const payload: IdentityPayload = {
    terminalId,
    serial: `${terminalId}-${issuedAtMs}`,
    issuedAt: Math.floor(issuedAtMs / 1000),
    documentType: 'bir',
    documentNumberMasked: '1****67(8)',
    nameOnDocument: 'CHAN, TAI MAN',
    nameChinese: '陳大文',
    dateOfBirth: '1985-03-01',
    dateOfIssue: '',
    dateOfExpiry: '2034-01-15',
  };
  return signIdentityPayload(payload, key).qrText;
}

describe('checking a proof against its terminal’s key history', () => {
  it('the retired key still verifies what it signed in its time; the new key what it signed after', () => {
    expect(verifyDocument(paper(a, noon - hour), rotation).ok).toBe(true);
    expect(verifyDocument(paper(b, noon + hour), rotation).ok).toBe(true);
    // The plain table of today (B only) would call the older paper forged: the reason for the history.
    expect(
      verifyDocument(paper(a, noon - hour), { [terminalId]: publicKeyBase64(b.privateKey) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-signature' },
    });
  });

  it('the retired key signing after its retirement, or the new key a paper dated before it, is refused with the reason', () => {
    expect(verifyDocument(paper(a, noon + hour), rotation)).toEqual({
      ok: false,
      error: {
        code: 'outside-key-validity',
        terminalId,
        issuedAt: new Date(noon + hour).toISOString(),
        keyValidFrom: new Date(noon - 48 * hour).toISOString(),
        keyValidTo: new Date(noon).toISOString(),
      },
    });
    expect(verifyDocument(paper(b, noon - hour), rotation)).toMatchObject({
      ok: false,
      error: { code: 'outside-key-validity', keyValidFrom: new Date(noon).toISOString(), keyValidTo: null },
    });
    // Before the first key was taken up at all.
    expect(verifyDocument(paper(a, noon - 72 * hour), rotation)).toMatchObject({
      error: { code: 'outside-key-validity' },
    });
  });

  it('a revoked key refuses everything it signed, within its period or not', () => {
    const revoked: SigningKeyHistory = {
      [terminalId]: [
        { ...period(a, noon - 48 * hour, noon), revokedAt: noon + 24 * hour },
        period(b, noon, null),
      ],
    };
    for (const at of [noon - hour, noon + hour, noon + 48 * hour])
      expect(verifyDocument(paper(a, at), revoked)).toEqual({
        ok: false,
        error: { code: 'key-revoked', terminalId, revokedAt: new Date(noon + 24 * hour).toISOString() },
      });
    expect(verifyDocument(paper(b, noon + hour), revoked).ok).toBe(true);
  });

  it('a key in use twice (a return to an earlier key) verifies in both periods and not between', () => {
    const back: SigningKeyHistory = {
      [terminalId]: [
        period(a, noon - 48 * hour, noon),
        period(b, noon, noon + 24 * hour),
        period(a, noon + 24 * hour, null),
      ],
    };
    expect(verifyDocument(paper(a, noon - hour), back).ok).toBe(true);
    expect(verifyDocument(paper(a, noon + 30 * hour), back).ok).toBe(true);
    expect(verifyDocument(paper(a, noon + hour), back)).toMatchObject({
      error: { code: 'outside-key-validity' },
    });
  });

  it('the period in use at any instant is the one whose bounds hold it; never one from Object.prototype', () => {
    fc.assert(
      fc.property(fc.integer({ min: -96, max: 96 }), (h) => {
        const at = noon + h * hour;
        const found = keyPeriodAt(rotation, terminalId, at);
        if (h < -48) expect(found).toBeUndefined();
        else expect(found?.publicKey).toBe(publicKeyBase64((h < 0 ? a : b).privateKey));
      }),
    );
    expect(keyPeriodAt(rotation, 'constructor', noon)).toBeUndefined();
    expect(verifyDocument(paper(a, noon - hour), {})).toMatchObject({ error: { code: 'unknown-key' } });
  });

  it('`balcao verify-document` reads the history from a file: exit 0 genuine, 1 refused, with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-key-history-'));
    const file = join(dir, 'keys.json');
    writeFileSync(
      file,
      JSON.stringify({
        [terminalId]: [
          {
            publicKey: publicKeyBase64(a.privateKey),
            validFrom: '2026-05-30T12:00:00+08:00',
            validTo: '2026-06-01T12:00:00+08:00',
          },
          { publicKey: publicKeyBase64(b.privateKey), validFrom: '2026-06-01T12:00:00+08:00' },
        ],
        'MO-CP-08': publicKeyBase64(generateSigningKey('MO-CP-08').privateKey),
      }),
    );
    const history = readKeyHistory(file);
    if (!history.ok) throw new Error(history.error.detail);
    expect(verifyDocumentCommand(paper(a, noon - hour), history.value).exitCode).toBe(0);
    const forged = verifyDocumentCommand(paper(a, noon + hour), history.value);
    expect(forged.exitCode).toBe(1);
    expect(JSON.parse(forged.json)).toMatchObject({ valid: false, error: { code: 'outside-key-validity' } });
    for (const [i, text] of [
      '{"MO-CP-07": [{"publicKey": "x", "validFrom": "yesterday"}]}',
      '{"MO-CP-07": []}',
      '[]',
    ].entries()) {
      writeFileSync(join(dir, `bad-${i}.json`), text);
      expect(readKeyHistory(join(dir, `bad-${i}.json`))).toMatchObject({
        ok: false,
        error: { code: 'cannot-read' },
      });
    }
  });
});
