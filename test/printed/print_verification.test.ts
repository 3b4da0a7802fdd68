import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/printed/document_renderer.js';
import { sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { decodeBase45, encodeBase45 } from '../../electron/printed/verification/base45.js';
import {
  generateSigningKey,
  normaliseVerificationCode,
  publicKeyBase64,
  QR_PREFIX,
  signIdentityPayload,
} from '../../electron/printed/verification/document_signing.js';
import {
  decodePayload,
  encodePayload,
  type IdentityPayload,
} from '../../electron/printed/verification/identity_payload.js';
import {
  verifyDocument,
  verifyDocumentCommand,
} from '../../electron/printed/verification/verify_document.js';
import { testSigningKey, testTerminalPublicKey } from '../fixtures/printed/test_terminal_key.js';

const keys = { 'MO-CP-07': testTerminalPublicKey };
const payload: IdentityPayload = {
  terminalId: 'MO-CP-07',
  serial: 'MO-CP-07-000123',
  issuedAt: 1_750_399_500,
  documentType: 'bir',
  documentNumberMasked: '1****67(8)',
  nameOnDocument: 'CHAN, TAI MAN',
  nameChinese: '陳大文',
  dateOfBirth: '1985-03-01',
  dateOfIssue: '2024-01-15',
  dateOfExpiry: '2034-01-15',
};

describe('proof-of-identity signing and verification', () => {
  it('RFC 9285 base45 vectors', () => {
    expect(encodeBase45(new TextEncoder().encode('AB'))).toBe('BB8');
    expect(encodeBase45(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(new TextEncoder().encode('base-45'))).toBe('UJCLQE7W581');
    const decoded = decodeBase45('QED8WEX0');
    expect(decoded.ok && new TextDecoder().decode(decoded.value)).toBe('ietf!');
    expect(decodeBase45('GGW').ok).toBe(false); // 65535 < value: out of range
  });

  it('base45 round-trips any bytes and decodes any string to a value, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBase45(encodeBase45(bytes));
        expect(decoded.ok && [...decoded.value]).toEqual([...bytes]);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => typeof decodeBase45(text).ok === 'boolean'));
  });

  it('payload encoding round-trips, and arbitrary bytes decode to a typed error', () => {
    const decoded = decodePayload(encodePayload(payload));
    expect(decoded).toEqual({ ok: true, value: payload });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => typeof decodePayload(bytes).ok === 'boolean'),
    );
    expect(decodePayload(Uint8Array.of(9, 0, 0, 0, 0, 0))).toEqual({
      ok: false,
      error: { code: 'unsupported-version', version: 9 },
    });
  });

  it('verifies a genuine certificate from its QR text', () => {
    const signed = signIdentityPayload(payload, testSigningKey);
    expect(signed.qrText.startsWith(QR_PREFIX)).toBe(true);
    expect(signed.verificationCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    // Ed25519 is deterministic: same key and payload, same QR and code.
    expect(signIdentityPayload(payload, testSigningKey)).toEqual(signed);
    expect(verifyDocument(signed.qrText, keys)).toEqual({
      ok: true,
      value: { terminalId: 'MO-CP-07', verificationCode: signed.verificationCode, payload },
    });
  });

  it('detects tampering: a re-encoded payload with another name keeps the old signature and fails', () => {
    const signed = signIdentityPayload(payload, testSigningKey);
    const bytes = decodeBase45(signed.qrText.slice(QR_PREFIX.length));
    if (!bytes.ok) throw new Error('decode');
    const body = encodePayload({ ...payload, nameOnDocument: 'CHAN, TAI WAN' });
    const forged = new Uint8Array([...body, ...bytes.value.subarray(bytes.value.length - 64)]);
    expect(verifyDocument(QR_PREFIX + encodeBase45(forged), keys)).toEqual({
      ok: false,
      error: { code: 'bad-signature', terminalId: 'MO-CP-07' },
    });
  });

  it('unknown terminal, another terminal key, malformed input and bad key config are typed', () => {
    const signed = signIdentityPayload(payload, testSigningKey);
    expect(verifyDocument(signed.qrText, {})).toEqual({
      ok: false,
      error: { code: 'unknown-key', terminalId: 'MO-CP-07' },
    });
    const other = generateSigningKey('MO-CP-07');
    expect(verifyDocument(signed.qrText, { 'MO-CP-07': publicKeyBase64(other.privateKey) })).toEqual({
      ok: false,
      error: { code: 'bad-signature', terminalId: 'MO-CP-07' },
    });
    expect(verifyDocument(signed.qrText, { 'MO-CP-07': 'bm90IGEga2V5' })).toEqual({
      ok: false,
      error: { code: 'invalid-public-key', terminalId: 'MO-CP-07' },
    });
    expect(verifyDocument('BV1:AB', keys).ok).toBe(false);
    expect(verifyDocument('hello', keys)).toEqual({
      ok: false,
      error: { code: 'malformed', detail: 'neither QR text nor a verification code' },
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = verifyDocument(QR_PREFIX + text, keys);
        return result.ok === false;
      }),
    );
  });

  it('a verification code is checked through the lookup of issued certificates', () => {
    const signed = signIdentityPayload(payload, testSigningKey);
    const typed = signed.verificationCode.toLowerCase().replace(/-/g, ' ');
    expect(normaliseVerificationCode(typed)).toBe(signed.verificationCode);
    const lookupCode = (code: string) => (code === signed.verificationCode ? signed.qrText : undefined);
    expect(verifyDocument(typed, keys, { lookupCode }).ok).toBe(true);
    expect(verifyDocument('0000-0000-0000', keys, { lookupCode })).toEqual({
      ok: false,
      error: { code: 'code-not-found', verificationCode: '0000-0000-0000' },
    });
  });

  it('the printed certificate carries a QR and code that verify', async () => {
    const rendered = await renderDocument('identity-proof', sampleInput('identity-proof', 'pt'), {
      signingKey: testSigningKey,
    });
    if (!rendered.ok || !rendered.value.verification) throw new Error('render');
    const verified = verifyDocument(rendered.value.verification.qrText, keys);
    expect(verified.ok && verified.value.payload).toMatchObject({
      nameChinese: '陳大文',
      documentNumberMasked: '1****67(8)',
    });
    const missingKey = await renderDocument('identity-proof', sampleInput('identity-proof', 'pt'));
    expect(missingKey).toEqual({ ok: false, error: { code: 'signing-key-missing' } });
  });

  it('verifyDocumentCommand prints JSON and exits 0 / 1 / 2', () => {
    const signed = signIdentityPayload(payload, testSigningKey);
    const good = verifyDocumentCommand(signed.qrText, keys);
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.json)).toMatchObject({
      valid: true,
      terminalId: 'MO-CP-07',
      issuedAt: '2025-06-20T06:05:00.000Z',
    });
    expect(verifyDocumentCommand(signed.qrText, {}).exitCode).toBe(1);
    const bad = verifyDocumentCommand('???', keys);
    expect(bad.exitCode).toBe(2);
    expect(JSON.parse(bad.json)).toMatchObject({ valid: false, error: { code: 'malformed' } });
  });
});
