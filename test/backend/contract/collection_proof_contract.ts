import { describe, expect, it } from 'vitest';
import type { Suite } from '../contract_suite.js';
import { key, refusal, value } from '../result_helpers.js';

/** Collecting a document with a PIN, and proofs of identity. Part of the one backend contract suite (contract_suite.ts). */

const minute = 60_000;

export function collectionAndProofContract(suite: Suite): void {
  describe('collection', () => {
    const pin = (residentRef: string, value: string) => ({
      idempotencyKey: key(),
      residentRef,
      terminalId: 'MO-DEV-01',
      pin: value,
    });

    it('lists what waits for a resident at this terminal only', async () => {
      const atDev = value(
        await suite.backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
      );
      expect(atDev.documents.map((d) => d.kind)).toEqual(['bir-card']);
      expect(atDev.documents[0]).toMatchObject({ format: 'card', department: 'DSI' });
      const atHengqin = value(
        await suite.backend.documentsReady({ residentRef: 'R-0001', terminalId: 'HQ-GSC-01' }),
      );
      expect(atHengqin.documents.map((d) => d.kind).sort()).toEqual(['bir-card', 'passport']);
      const other = value(
        await suite.backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }),
      );
      expect(other.documents.map((d) => d.kind)).toEqual(['passport']);
    });

    it('counts wrong PINs down to a lock-out, and a replayed attempt counts once', async () => {
      const wrong = pin('R-0001', '000000');
      expect(refusal(await suite.backend.checkCollectionPin(wrong))).toEqual({
        code: 'wrong-pin',
        attemptsLeft: 2,
      });
      expect(refusal(await suite.backend.checkCollectionPin(wrong))).toEqual({
        code: 'wrong-pin',
        attemptsLeft: 2,
      });
      expect(refusal(await suite.backend.checkCollectionPin(pin('R-0001', '999999')))).toEqual({
        code: 'wrong-pin',
        attemptsLeft: 1,
      });
      const locked = refusal(await suite.backend.checkCollectionPin(pin('R-0001', '111111')));
      if (locked.code !== 'locked') throw new Error(locked.code);
      expect(Date.parse(locked.lockedUntil)).toBeGreaterThan(suite.clock.now());
      expect(refusal(await suite.backend.checkCollectionPin(pin('R-0001', '123456')))).toMatchObject({
        code: 'locked',
      });
      suite.clock.set(Date.parse(locked.lockedUntil) + 1000);
      expect(
        value(await suite.backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation,
      ).toBeTruthy();
    });

    it('releases a document once: PIN, reserve, confirm', async () => {
      const [document] = value(
        await suite.backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
      ).documents;
      const { authorisation } = value(await suite.backend.checkCollectionPin(pin('R-0001', '123456')));
      const hold = { collectionId: document!.collectionId, terminalId: 'MO-DEV-01', authorisation };
      const reserved = value(await suite.backend.reserveCollection({ idempotencyKey: key(), ...hold }));
      expect(Date.parse(reserved.reservedUntil)).toBeGreaterThan(suite.clock.now());
      expect(
        value(await suite.backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }))
          .documents,
      ).toEqual([]);
      const confirm = {
        idempotencyKey: key(),
        collectionId: document!.collectionId,
        terminalId: 'MO-DEV-01',
      };
      const done = value(await suite.backend.confirmCollection(confirm));
      expect(value(await suite.backend.confirmCollection(confirm))).toEqual(done);
      expect(
        refusal(await suite.backend.confirmCollection({ ...confirm, idempotencyKey: key() })),
      ).toMatchObject({
        code: 'already-used',
      });
      expect(
        refusal(await suite.backend.reserveCollection({ idempotencyKey: key(), ...hold })),
      ).toMatchObject({
        code: 'already-used',
      });
    });

    it('refuses a reservation without the resident’s own fresh PIN, at another terminal, or while held', async () => {
      const [document] = value(
        await suite.backend.documentsReady({ residentRef: 'R-0001', terminalId: 'MO-DEV-01' }),
      ).documents;
      const reserve = (authorisation: string, terminalId = 'MO-DEV-01') =>
        suite.backend.reserveCollection({
          idempotencyKey: key(),
          collectionId: document!.collectionId,
          terminalId,
          authorisation,
        });
      expect(refusal(await reserve('A'.repeat(43)))).toEqual({ code: 'not-authorised' });
      const someoneElse = value(
        await suite.backend.checkCollectionPin(pin('R-0002', '246810')),
      ).authorisation;
      expect(refusal(await reserve(someoneElse))).toEqual({ code: 'not-authorised' });
      const own = value(await suite.backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation;
      expect(refusal(await reserve(own, 'HQ-GSC-01'))).toEqual({ code: 'wrong-terminal' });
      expect((await reserve(own)).ok).toBe(true);
      expect(refusal(await reserve(own))).toEqual({ code: 'reserved' });
      suite.clock.advance(11 * minute);
      const fresh = value(await suite.backend.checkCollectionPin(pin('R-0001', '123456'))).authorisation;
      expect((await reserve(fresh)).ok).toBe(true);
      suite.clock.advance(16 * minute);
      expect(refusal(await reserve(fresh))).toEqual({ code: 'not-authorised' });
    });

    it('puts a document that was not taken back to ready', async () => {
      const [document] = value(
        await suite.backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }),
      ).documents;
      const collectionId = document!.collectionId;
      const notTaken = { collectionId, terminalId: 'MO-DEV-01', reason: 'not-taken' as const };
      expect(refusal(await suite.backend.reportNotCollected({ idempotencyKey: key(), ...notTaken }))).toEqual(
        {
          code: 'not-reserved',
        },
      );
      const { authorisation } = value(await suite.backend.checkCollectionPin(pin('R-0002', '246810')));
      value(
        await suite.backend.reserveCollection({
          idempotencyKey: key(),
          collectionId,
          terminalId: 'MO-DEV-01',
          authorisation,
        }),
      );
      expect(value(await suite.backend.reportNotCollected({ idempotencyKey: key(), ...notTaken }))).toEqual({
        collectionId,
        status: 'ready',
      });
      const again = value(
        await suite.backend.documentsReady({ residentRef: 'R-0002', terminalId: 'MO-DEV-01' }),
      );
      expect(again.documents.map((d) => d.collectionId)).toEqual([collectionId]);
      expect(
        refusal(
          await suite.backend.confirmCollection({
            idempotencyKey: key(),
            collectionId,
            terminalId: 'MO-DEV-01',
          }),
        ),
      ).toEqual({ code: 'not-reserved' });
    });
  });

  describe('proofs of identity', () => {
    const facts = {
      documentType: 'bir' as const,
      documentNumberMasked: '1****567(8)',
      nameMasked: 'CHAN T** M**',
    };

    it('registers a proof, verifies it as genuine, revokes it once', async () => {
      const code = '7K3M-Q9XD-2FHR';
      const issuedAt = '2026-03-02T10:05:00+08:00';
      const request = {
        idempotencyKey: key(),
        verificationCode: code,
        terminalId: 'MO-DEV-01',
        issuedAt,
        facts,
      };
      value(await suite.backend.registerProof(request));
      expect(value(await suite.backend.registerProof(request)).verificationCode).toBe(code);
      expect(refusal(await suite.backend.registerProof({ ...request, idempotencyKey: key() }))).toEqual({
        code: 'already-registered',
      });
      const genuine = value(await suite.backend.verifyProof({ verificationCode: code }));
      expect(genuine).toMatchObject({ status: 'genuine', terminalId: 'MO-DEV-01', facts });
      if (genuine.status === 'genuine') expect(Date.parse(genuine.issuedAt)).toBe(Date.parse(issuedAt));
      const revoke = { verificationCode: code, staffId: 'S0002', reason: 'issued-in-error' as const };
      value(await suite.backend.revokeProof({ idempotencyKey: key(), ...revoke }));
      expect(value(await suite.backend.verifyProof({ verificationCode: code }))).toMatchObject({
        status: 'revoked',
        reason: 'issued-in-error',
      });
      expect(refusal(await suite.backend.revokeProof({ idempotencyKey: key(), ...revoke }))).toMatchObject({
        code: 'already-used',
      });
    });

    it('answers unknown for a code it never registered', async () => {
      expect(value(await suite.backend.verifyProof({ verificationCode: 'ABCD-EFGH-JKMN' }))).toEqual({
        status: 'unknown',
        verificationCode: 'ABCD-EFGH-JKMN',
      });
      expect(
        refusal(
          await suite.backend.revokeProof({
            idempotencyKey: key(),
            verificationCode: 'ABCD-EFGH-JKMN',
            staffId: 'S0002',
            reason: 'fraud-suspected',
          }),
        ),
      ).toEqual({ code: 'not-found', subject: 'proof' });
    });
  });
}
