import { describe, expect, it } from 'vitest';
import type { CompartmentSize } from '../../../electron/backend/contract/catalogue.js';
import type { Rejection } from '../../../electron/backend/contract/errors.js';
import { type KeyPurpose, publicKeyTableOf } from '../../../electron/backend/contract/keys.js';
import { generateIssuerKey } from '../../../electron/keys/issuer_key_file.js';
import { publicKeyEntry } from '../../../electron/keys/key_table.js';
import { issuePickupCode } from '../../../electron/lockers/pickup_code.js';
import { issueStaffBadge, verifyStaffBadge } from '../../../electron/staff/staff_badge.js';
import type { Suite } from '../contract_suite.js';
import { key, refusal, value } from '../result_helpers.js';

/** Smart Locker applications and pickups, staff sign-in, heartbeat, and a PIN kept out of refusals. Part of the one backend contract suite (contract_suite.ts). */

export function lockerStaffHeartbeatContract(suite: Suite): void {
  const lockerService = async () => (await suite.catalogue()).services.find((s) => s.lockerPickup)!;
  /** R-0003 (who has no applications in the sample state) applies. */
  const apply = (serviceId: string, pointId: string, size: CompartmentSize) =>
    suite.backend.applyForLocker({ idempotencyKey: key(), serviceId, residentRef: 'R-0003', pointId, size });

  describe('Smart Locker', () => {
    it('takes an application for a point with room, and counts the compartment as promised', async () => {
      const service = await lockerService();
      const [point] = value(await suite.backend.lockerPoints({ nearCentreId: 'china-plaza' })).points;
      const application = value(await apply(service.id, point!.pointId, 'small'));
      expect(application).toMatchObject({ status: 'submitted', pointId: point!.pointId, size: 'small' });
      expect(application.expectedReadyDate > '2026-03-02').toBe(true);
      const after = value(await suite.backend.lockerPoints({ nearCentreId: 'china-plaza' })).points[0]!;
      expect(after.free.small).toBe(point!.free.small - 1);
      const mine = value(await suite.backend.lockerApplications({ residentRef: 'R-0003' })).applications;
      expect(mine.map((a) => a.applicationId)).toContain(application.applicationId);
    });

    it('refuses a service without locker pickup and a full point', async () => {
      const c = await suite.catalogue();
      const counter = c.services.find((s) => !s.lockerPickup);
      const service = await lockerService();
      const { points } = value(await suite.backend.lockerPoints({}));
      const smallest = [...points].sort((a, b) => a.free.small - b.free.small).find((p) => p.free.small > 0)!;
      const applySmall = (serviceId: string) => apply(serviceId, smallest.pointId, 'small');
      if (counter) expect(refusal(await applySmall(counter.id))).toEqual({ code: 'no-locker-pickup' });
      for (let i = 0; i < smallest.free.small; i++) expect((await applySmall(service.id)).ok).toBe(true);
      expect(refusal(await applySmall(service.id))).toEqual({ code: 'point-full' });
    });

    it("counts the compartments occupied when the backend was seeded: Fai Chi Kei's large ones are full", async () => {
      const { points } = value(await suite.backend.lockerPoints({}));
      const faiChiKei = points.find((p) => p.pointId === 'locker-fai-chi-kei')!;
      const c = await suite.catalogue();
      const total = c.lockerPoints.find((p) => p.id === 'locker-fai-chi-kei')!.compartments;
      expect(total.large).toBeGreaterThan(0);
      expect(faiChiKei.free.large).toBe(0);
      expect(faiChiKei.free.small).toBeGreaterThan(0);
      expect(faiChiKei.free.small).toBeLessThan(total.small);
      const large = await apply((await lockerService()).id, 'locker-fai-chi-kei', 'large');
      expect(refusal(large)).toEqual({ code: 'point-full' });
    });

    it('finds a pickup by its digits or application and records it exactly once', async () => {
      const byDigits = value(await suite.backend.findPickup({ digits: '123456789018' }));
      expect(byDigits).toMatchObject({ applicationId: 'LA-SAMPLE-1', status: 'waiting', pickedUpAt: null });
      expect(value(await suite.backend.findPickup({ applicationId: 'LA-SAMPLE-1' }))).toEqual(byDigits);
      const record = {
        idempotencyKey: key(),
        applicationId: 'LA-SAMPLE-1',
        pointId: byDigits.pointId,
        compartment: byDigits.compartment,
        terminalId: 'MO-DEV-01',
      };
      const done = value(await suite.backend.recordPickup(record));
      expect(value(await suite.backend.recordPickup(record))).toEqual(done);
      expect(refusal(await suite.backend.recordPickup({ ...record, idempotencyKey: key() }))).toMatchObject({
        code: 'already-used',
      });
      expect(value(await suite.backend.findPickup({ digits: '123456789018' }))).toMatchObject({
        status: 'picked-up',
      });
      const applications = value(
        await suite.backend.lockerApplications({ residentRef: 'R-0001' }),
      ).applications;
      expect(applications.find((a) => a.applicationId === 'LA-SAMPLE-1')?.status).toBe('collected');
    });

    it('refuses a pickup at the wrong station or compartment, an expired one and unknown digits', async () => {
      const waiting = value(await suite.backend.findPickup({ digits: '123456789018' }));
      const points = (await suite.catalogue()).lockerPoints.map((p) => p.id);
      const otherPoint = points.find((p) => p !== waiting.pointId);
      const base = {
        applicationId: 'LA-SAMPLE-1',
        pointId: waiting.pointId,
        compartment: waiting.compartment,
      };
      if (otherPoint) {
        expect(
          refusal(
            await suite.backend.recordPickup({
              idempotencyKey: key(),
              ...base,
              pointId: otherPoint,
              terminalId: 'MO-DEV-01',
            }),
          ),
        ).toEqual({ code: 'wrong-station', pointId: waiting.pointId });
      }
      expect(
        refusal(
          await suite.backend.recordPickup({
            idempotencyKey: key(),
            ...base,
            compartment: 'Z99',
            terminalId: 'MO-DEV-01',
          }),
        ),
      ).toEqual({ code: 'wrong-compartment' });
      const expired = value(await suite.backend.findPickup({ digits: '112233445563' }));
      expect(expired.status).toBe('expired');
      expect(
        refusal(
          await suite.backend.recordPickup({
            idempotencyKey: key(),
            applicationId: expired.applicationId,
            pointId: expired.pointId,
            compartment: expired.compartment,
            terminalId: 'MO-DEV-01',
          }),
        ),
      ).toMatchObject({ code: 'expired' });
      expect(refusal(await suite.backend.findPickup({ digits: '000000000000' }))).toEqual({
        code: 'not-found',
        subject: 'pickup',
      });
    });
  });

  describe('placing items in lockers', () => {
    it('creates the pickup record when staff place an item, once, at the application’s own point', async () => {
      const service = await lockerService();
      const [near, far] = value(await suite.backend.lockerPoints({ nearCentreId: 'china-plaza' })).points;
      const application = value(await apply(service.id, near!.pointId, 'medium'));
      const place = {
        idempotencyKey: key(),
        applicationId: application.applicationId,
        pointId: near!.pointId,
        compartment: 'C07',
        staffId: 'S0001',
        terminalId: 'MO-DEV-01',
      };
      if (far) {
        expect(
          refusal(
            await suite.backend.placeInLocker({ ...place, idempotencyKey: key(), pointId: far.pointId }),
          ),
        ).toEqual({
          code: 'wrong-station',
          pointId: near!.pointId,
        });
      }
      const record = value(await suite.backend.placeInLocker(place));
      expect(record).toMatchObject({
        applicationId: application.applicationId,
        compartment: 'C07',
        status: 'waiting',
      });
      expect(Date.parse(record.expiresAt)).toBeGreaterThan(suite.clock.now());
      expect(value(await suite.backend.placeInLocker(place))).toEqual(record);
      expect(refusal(await suite.backend.placeInLocker({ ...place, idempotencyKey: key() }))).toMatchObject({
        code: 'already-used',
      });
      const mine = value(await suite.backend.lockerApplications({ residentRef: 'R-0003' })).applications;
      expect(mine.find((a) => a.applicationId === application.applicationId)?.status).toBe('ready');
      const picked = await suite.backend.recordPickup({
        idempotencyKey: key(),
        applicationId: application.applicationId,
        pointId: near!.pointId,
        compartment: 'C07',
        terminalId: 'MO-DEV-01',
      });
      expect(picked.ok).toBe(true);
    });
  });

  describe('pickup digits', () => {
    it("maps the digits of the issuer's signed code to the same record as the code's application", async () => {
      const service = await lockerService();
      const [point] = value(await suite.backend.lockerPoints({ nearCentreId: 'china-plaza' })).points;
      const application = value(await apply(service.id, point!.pointId, 'small'));
      const issuer = generateIssuerKey('locker-pickup', 'easy-pickup');
      const issued = issuePickupCode(
        {
          applicationId: application.applicationId,
          station: point!.pointId,
          compartment: 'D04',
          expiresAt: Math.floor(suite.clock.now() / 1000) + 86_400,
        },
        issuer,
      );
      const place = {
        idempotencyKey: key(),
        applicationId: application.applicationId,
        pointId: point!.pointId,
        compartment: 'D04',
        staffId: 'S0001',
        terminalId: 'MO-DEV-01',
        digits: issued.digits,
      };
      value(await suite.backend.placeInLocker(place));
      const byDigits = value(await suite.backend.findPickup({ digits: issued.digits }));
      expect(byDigits).toEqual(
        value(await suite.backend.findPickup({ applicationId: application.applicationId })),
      );
      expect(byDigits).toMatchObject({ applicationId: application.applicationId, compartment: 'D04' });
      const other = value(await apply(service.id, point!.pointId, 'small'));
      expect(
        refusal(
          await suite.backend.placeInLocker({
            ...place,
            idempotencyKey: key(),
            applicationId: other.applicationId,
          }),
        ),
      ).toMatchObject({ code: 'already-used' });
    });

    it('refuses digits whose check digit is wrong before looking them up', async () => {
      const result = await suite.backend.findPickup({ digits: '123456789019' });
      expect(result.ok ? 'found' : result.error.kind).not.toBe('found');
    });
  });

  describe('public keys', () => {
    const keyA = Buffer.alloc(32, 7).toString('base64');
    const keyB = Buffer.alloc(32, 9).toString('base64');
    const register = (keyId: string, purpose: KeyPurpose, publicKey: string) =>
      suite.backend.registerPublicKey({ idempotencyKey: key(), keyId, purpose, publicKey });

    it('keeps every key an id has had, each with its period; verifiers of today get the newest', async () => {
      expect(value(await register('MO-DEV-01', 'document-signing', keyA))).toMatchObject({
        publicKey: keyA,
        validTo: null,
        revokedAt: null,
      });
      value(await register('locker-issuer-1', 'locker-pickup', keyA));
      // Rotated: the terminal took up key B an hour later than the backend's clock says now.
      const rotatedAt = '2026-03-02T11:07:00+08:00';
      const rotated = value(
        await suite.backend.registerPublicKey({
          idempotencyKey: key(),
          keyId: 'MO-DEV-01',
          purpose: 'document-signing',
          publicKey: keyB,
          validFrom: rotatedAt,
        }),
      );
      expect(Date.parse(rotated.validFrom)).toBe(Date.parse(rotatedAt));
      // Another key claiming the very same instant is refused: which one signed then could not be told.
      const clash = await suite.backend.registerPublicKey({
        idempotencyKey: key(),
        keyId: 'MO-DEV-01',
        purpose: 'document-signing',
        publicKey: Buffer.alloc(32, 13).toString('base64'),
        validFrom: rotatedAt,
      });
      expect(refusal(clash)).toMatchObject({ code: 'already-used' });
      const { keys } = value(await suite.backend.keyTable({}));
      expect(keys.map((k) => [k.keyId, k.purpose, k.publicKey])).toEqual([
        ['MO-DEV-01', 'document-signing', keyA],
        ['MO-DEV-01', 'document-signing', keyB],
        ['locker-issuer-1', 'locker-pickup', keyA],
      ]);
      // The retired key's period ends where the new one's begins.
      expect(keys[0]?.validTo).toBe(keys[1]?.validFrom);
      expect(keys[1]?.validTo).toBeNull();
      expect(publicKeyTableOf({ keys }, 'document-signing')).toEqual({ 'MO-DEV-01': keyB });
      // The same key announced again (a retry, a restart) changes nothing.
      value(await register('MO-DEV-01', 'document-signing', keyB));
      expect(value(await suite.backend.keyTable({})).keys).toHaveLength(3);
    });

    it('takes the time the terminal began signing with a key, and revokes a compromised key for good', async () => {
      const keyC = Buffer.alloc(32, 11).toString('base64');
      const from = '2026-03-01T09:00:00+08:00';
      value(await register('MO-DEV-02', 'document-signing', keyA));
      const late = value(
        await suite.backend.registerPublicKey({
          idempotencyKey: key(),
          keyId: 'MO-DEV-02',
          purpose: 'document-signing',
          publicKey: keyC,
          validFrom: from,
        }),
      );
      expect(Date.parse(late.validFrom)).toBe(Date.parse(from));
      const revoke = () =>
        suite.backend.revokePublicKey({
          idempotencyKey: key(),
          keyId: 'MO-DEV-02',
          purpose: 'document-signing',
          publicKey: keyC,
          staffId: 'S0002',
          reason: 'compromised',
        });
      const revoked = value(await revoke());
      expect(revoked).toMatchObject({ keyId: 'MO-DEV-02', publicKey: keyC });
      expect(refusal(await revoke())).toMatchObject({ code: 'already-used' });
      const entry = value(await suite.backend.keyTable({})).keys.find((k) => k.publicKey === keyC);
      expect(entry?.revokedAt).toBe(revoked.revokedAt);
      expect(refusal(await register('MO-DEV-02', 'document-signing', keyC))).toMatchObject({
        code: 'already-used',
      });
      expect(
        refusal(
          await suite.backend.revokePublicKey({
            idempotencyKey: key(),
            keyId: 'MO-NOBODY',
            purpose: 'document-signing',
            publicKey: keyC,
            staffId: 'S0002',
            reason: 'terminal-lost',
          }),
        ),
      ).toEqual({ code: 'not-found', subject: 'key' });
    });

    it("gives verifiers the issuer's key: a badge it signed passes, one signed by another key does not", async () => {
      const issuer = generateIssuerKey('staff-badge', 'staff-office');
      const forger = generateIssuerKey('staff-badge', 'staff-office');
      value(await register(issuer.issuer, 'staff-badge', publicKeyEntry(issuer.privateKey)));
      value(await register('MO-DEV-01', 'document-signing', publicKeyEntry(forger.privateKey)));
      const badges = publicKeyTableOf(value(await suite.backend.keyTable({})), 'staff-badge');
      expect(Object.keys(badges)).toEqual(['staff-office']);
      const now = Date.parse('2026-03-02T10:00:00+08:00') / 1000;
      const badge = {
        staffId: 'S0001',
        name: 'Técnico',
        roles: ['technician' as const],
        expiresAt: now + 3600,
      };
      expect(verifyStaffBadge(issueStaffBadge(badge, issuer), badges, now)).toMatchObject({ ok: true });
      expect(verifyStaffBadge(issueStaffBadge(badge, forger), badges, now)).toMatchObject({
        ok: false,
        error: { reason: 'forged' },
      });
    });

    it('refuses something that is not a 32-byte Ed25519 key', async () => {
      for (const publicKey of [Buffer.alloc(31).toString('base64'), 'not-a-key', `${keyA.slice(0, 42)}B=`]) {
        const result = await suite.backend.registerPublicKey({
          idempotencyKey: key(),
          keyId: 'MO-DEV-01',
          purpose: 'document-signing',
          publicKey,
        });
        expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
      }
    });
  });

  describe('staff', () => {
    const check = (staffId: string, pinValue: string) =>
      suite.backend.checkStaffPin({ idempotencyKey: key(), staffId, terminalId: 'MO-DEV-01', pin: pinValue });

    it('signs in the two seeded staff members with their roles', async () => {
      expect(value(await check('S0001', '135790'))).toEqual({ staffId: 'S0001', roles: ['technician'] });
      expect(value(await check('S0002', '246802'))).toEqual({ staffId: 'S0002', roles: ['supervisor'] });
      expect(refusal(await check('S9999', '135790'))).toEqual({ code: 'not-found', subject: 'staff' });
    });

    it('locks a staff member out after repeated wrong PINs, even with the right one', async () => {
      let last: Rejection | undefined;
      for (let i = 0; i < 10 && last?.code !== 'locked'; i++) last = refusal(await check('S0001', '000000'));
      expect(last?.code).toBe('locked');
      expect(refusal(await check('S0001', '135790'))).toMatchObject({ code: 'locked' });
      expect(value(await check('S0002', '246802')).staffId).toBe('S0002');
    });
  });

  describe('heartbeat', () => {
    const report = (sentAt: string, mode: 'in-service' | 'maintenance') => ({
      terminalId: 'MO-DEV-01',
      site: 'macau' as const,
      centreId: 'china-plaza',
      mode: { kind: mode },
      devices: [{ id: 'ticket-printer', kind: 'ticket-printer', state: 'ready' }],
      paper: [{ deviceId: 'ticket-printer', printedSinceRefill: 12 }],
      jobsHeld: 0,
      version: '0.1.0',
      uptimeSeconds: 3600,
      sentAt,
    });

    it('keeps the newest report per terminal, whatever order they arrive in', async () => {
      const newer = report('2026-03-02T10:06:00+08:00', 'maintenance');
      expect(
        value(await suite.backend.reportHeartbeat({ idempotencyKey: key(), report: newer })).latest,
      ).toBe(true);
      const older = report('2026-03-02T10:05:00+08:00', 'in-service');
      expect(
        value(await suite.backend.reportHeartbeat({ idempotencyKey: key(), report: older })).latest,
      ).toBe(false);
      const { terminals } = value(await suite.backend.terminals({}));
      expect(terminals).toHaveLength(1);
      expect(terminals[0]).toMatchObject({ terminalId: 'MO-DEV-01', report: newer });
    });
  });

  it('keeps a PIN out of the answer to a request outside the contract', async () => {
    const result = await suite.backend.checkCollectionPin({
      idempotencyKey: key(),
      residentRef: 'R-0001',
      terminalId: 'MO-DEV-01',
      pin: '12345X',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(JSON.stringify(result)).not.toContain('12345X');
  });
}
