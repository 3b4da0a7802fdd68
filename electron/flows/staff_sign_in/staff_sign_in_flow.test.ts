import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { staffBadgeOffice, tampered, unknownKeyBadge } from '../../../test/support/staff_badges.js';

/**
 * Staff sign-in through the router, on a real kiosk app with simulated devices, the seeded embedded backend (staff
 * S0001, PIN 135790) and a fake clock: the hidden gesture and a badge at the scanner, every refusal, the lock-out and
 * its doubling, the way into maintenance, and what the audit log and the log keep (never a PIN).
 */
const office = staffBadgeOffice();
let kiosk: KioskAppFixture;

beforeEach(async () => {
  kiosk = await startKioskAppFixture({ staff: { badgeKeys: office.badgeKeys } }, { backend: 'embedded' });
});
afterEach(() => kiosk.close());

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? view.flow : null;
};
const scan = (text: string) => kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text });
/** Waits for the scanner's reports to reach the driver and the flow (real simulated HID, real timers). */
async function settle(until: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
const audited = () =>
  kiosk.app.journal.audit.recent(200).map((row) => ({ actor: row.actor, ...JSON.parse(row.content).event }));

describe('staff sign-in', () => {
  it('the hidden gesture opens sign-in; a valid badge asks for the PIN; the right PIN enters maintenance', async () => {
    expect(await kiosk.call('staff-sign-in.open')).toEqual({ ok: true });
    expect(flow()).toEqual({ service: 'staff-sign-in', step: 'badge', refused: null });
    expect(kiosk.logger.of('staff-sign-in-opened')).toHaveLength(1);

    await scan(office.badge('S0001'));
    await settle(() => flow()?.step === 'pin');
    expect(flow()).toEqual({
      service: 'staff-sign-in',
      step: 'pin',
      staffName: 'CHAN Siu Ming 陳小明',
      staffId: 'S0001',
      attemptsLeft: 3,
      problem: null,
    });
    expect(await kiosk.call('staff-sign-in.enterPin', { pin: '135790' })).toEqual({ ok: true });
    expect(flow()).toMatchObject({ service: 'maintenance', step: 'menu', staff: { staffId: 'S0001' } });
    expect(kiosk.app.kioskStatus.maintenance).toBe(true);
    expect(audited().slice(0, 2)).toEqual([
      { actor: 'staff:S0001', kind: 'maintenance-entered', deferredSeconds: 0 },
      { actor: 'staff:S0001', kind: 'staff-signed-in', method: 'badge-and-pin' },
    ]);
  });

  it('refuses a tampered, an expired and an unknown-key badge, saying which, each audited', async () => {
    await kiosk.call('staff-sign-in.open');
    const cases: [string, string][] = [
      [tampered(office.badge('S0001')), 'tampered'],
      [office.badge('S0001', { expiresAt: Math.floor(kiosk.clock.now() / 1000) - 1 }), 'expired'],
      [unknownKeyBadge('S0001'), 'unknown-key'],
      ['BK-2026-000123', 'malformed'],
    ];
    for (const [text, reason] of cases) {
      await scan(text);
      await settle(
        () => flow()?.step === 'badge' && (flow() as { refused: string | null }).refused === reason,
      );
    }
    expect(
      audited()
        .filter((e) => e.kind === 'staff-sign-in-refused')
        .map((e) => e.reason),
    ).toEqual([
      'malformed-badge',
      'unknown-badge',
      'expired-badge',
      expect.stringMatching(/bad-signature|malformed-badge/),
    ]);
    expect(kiosk.app.kioskStatus.maintenance).toBe(false);
  });

  it('wrong PINs lock the badge out, the delay doubling; a locked badge cannot try; the backend’s lock wins', async () => {
    // Two tries a round, so the kiosk's doubling shows before the backend's own limit (5 wrong PINs) is reached.
    await kiosk.close();
    kiosk = await startKioskAppFixture(
      { staff: { badgeKeys: office.badgeKeys, lockout: { attempts: 2 } } },
      { backend: 'embedded' },
    );
    await kiosk.call('staff-sign-in.open');
    await scan(office.badge('S0001'));
    await settle(() => flow()?.step === 'pin');
    await kiosk.call('staff-sign-in.enterPin', { pin: '000000' });
    expect(flow()).toMatchObject({ step: 'pin', attemptsLeft: 1, problem: 'wrong-pin' });
    await kiosk.call('staff-sign-in.enterPin', { pin: '000000' });
    expect(flow()).toMatchObject({
      step: 'locked',
      until: new Date(kiosk.clock.now() + 30_000).toISOString(),
    });
    // While locked there is no PIN pad: a PIN sent anyway is a stale tap.
    expect(await kiosk.call('staff-sign-in.enterPin', { pin: '135790' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    kiosk.clock.advance(30_000);
    expect(flow()).toMatchObject({ step: 'pin', attemptsLeft: 2, problem: null });
    for (let i = 0; i < 2; i++) await kiosk.call('staff-sign-in.enterPin', { pin: '111111' });
    expect(flow()).toMatchObject({
      step: 'locked',
      until: new Date(kiosk.clock.now() + 60_000).toISOString(),
    });
    // Showing the badge again does not clear the lock.
    await kiosk.call('staff-sign-in.back');
    await scan(office.badge('S0001'));
    await settle(() => flow()?.step === 'locked');
    kiosk.clock.advance(60_000);
    // The fifth wrong PIN in all: the backend locks the staff account itself (15 minutes), and that lock shows.
    await kiosk.call('staff-sign-in.enterPin', { pin: '222222' });
    expect(flow()).toMatchObject({
      step: 'locked',
      until: new Date(kiosk.clock.now() + 15 * 60_000).toISOString(),
    });
    expect(audited().filter((e) => e.kind === 'staff-locked-out')).toEqual([
      { actor: 'system', kind: 'staff-locked-out', staffId: 'S0001', failedAttempts: 2, lockedSeconds: 60 },
      { actor: 'system', kind: 'staff-locked-out', staffId: 'S0001', failedAttempts: 2, lockedSeconds: 30 },
    ]);
    expect(
      audited()
        .filter((e) => e.kind === 'staff-sign-in-refused')
        .map((e) => e.reason),
    ).toEqual(['locked-out', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin']);
    expect(kiosk.logger.of('staff-locked-out')).toHaveLength(2);
    const everything = JSON.stringify([kiosk.logger.lines, kiosk.app.journal.audit.recent(200)]);
    expect(everything).not.toMatch(/"(000000|111111|222222|135790)"/);
  });

  it('a badge at the attract screen opens sign-in at the PIN; hostile params never reach the flow', async () => {
    await scan(office.badge('S0002', { name: 'LEONG Mei Ling', roles: ['supervisor'] }));
    await settle(() => flow()?.step === 'pin');
    expect(flow()).toMatchObject({ staffId: 'S0002', staffName: 'LEONG Mei Ling' });
    for (const pin of ['12345', '1234567', 'abcdef', 135790, null])
      expect(await kiosk.call('staff-sign-in.enterPin', { pin })).toMatchObject({
        ok: false,
        error: { code: 'invalid-params' },
      });
    expect(await kiosk.call('staff-sign-in.enterPin', { pin: '246802', staffId: 'S0001' })).toMatchObject({
      error: { code: 'invalid-params' },
    });
    expect(await kiosk.call('maintenance.openTool', { tool: 'devices' })).toMatchObject({
      error: { code: 'forbidden' },
    });
    await kiosk.call('staff-sign-in.enterPin', { pin: '246802' });
    expect(flow()).toMatchObject({
      service: 'maintenance',
      staff: { staffId: 'S0002', name: 'LEONG Mei Ling' },
    });
  });

  it('a backend that does not answer: the PIN cannot be checked, nothing counts against the badge', async () => {
    await kiosk.close();
    kiosk = await startKioskAppFixture({ staff: { badgeKeys: office.badgeKeys } });
    await kiosk.call('staff-sign-in.open');
    await scan(office.badge('S0001'));
    await settle(() => flow()?.step === 'pin');
    await kiosk.call('staff-sign-in.enterPin', { pin: '135790' });
    expect(flow()).toMatchObject({ step: 'pin', attemptsLeft: 3, problem: 'unavailable' });
    expect(kiosk.logger.of('staff-sign-in-unavailable')).toEqual([
      { staffId: 'S0001', error: 'unreachable' },
    ]);
  });

  it('a staff session times out: signed out (audited), the kiosk stays in maintenance, out of service', async () => {
    await kiosk.call('staff-sign-in.open');
    await scan(office.badge('S0001'));
    await settle(() => flow()?.step === 'pin');
    await kiosk.call('staff-sign-in.enterPin', { pin: '135790' });
    kiosk.clock.advance(kiosk.config.staff.sessionIdleSeconds * 1000);
    expect(kiosk.app.session.view()).toEqual({ phase: 'attract' });
    expect(kiosk.app.kioskStatus.status).toEqual({
      mode: 'out-of-service',
      reasons: [{ kind: 'maintenance' }],
    });
    expect(audited()[0]).toEqual({ actor: 'staff:S0001', kind: 'staff-signed-out', reason: 'idle' });
    // The way back in is the same: the gesture (or a badge) on the out-of-service screen.
    expect(await kiosk.call('staff-sign-in.open')).toEqual({ ok: true });
  });

  it('the gesture is refused while a resident is using the kiosk', async () => {
    await kiosk.call('session.start', { language: 'pt' });
    expect(await kiosk.call('staff-sign-in.open')).toEqual({ ok: false, error: 'unavailable' });
    expect(flow()).toMatchObject({ service: 'home' });
  });
});
