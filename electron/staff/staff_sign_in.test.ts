import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../lib/result.js';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { AuditLog } from '../journal/audit_log.js';
import { openJournal } from '../journal/journal_database.js';
import { generateIssuerKey } from '../keys/issuer_key_file.js';
import { publicKeyEntry } from '../keys/key_table.js';
import { issueStaffBadge, type StaffBadge } from './staff_badge.js';
import { StaffLockoutStore } from './staff_lockout_store.js';
import { type CheckStaffPin, StaffSignIn } from './staff_sign_in.js';

const office = generateIssuerKey('staff-badge', 'staff-office');
const keys = { 'staff-office': publicKeyEntry(office.privateKey) };
const policy = { attempts: 3, firstSeconds: 30, maxSeconds: 3600, forgetAfterHours: 24 };
const t0 = 1_780_000_000_000;
const badgeOf = (staffId: string, expiresAt = t0 / 1000 + 86_400) =>
  issueStaffBadge({ staffId, name: 'Wong Ka Man', roles: ['technician'], expiresAt }, office);

function rig() {
  const db = openJournal(':memory:');
  if (!db.ok) throw new Error('journal');
  let now = t0;
  const audit = new AuditLog(db.value, { now: () => now });
  const logger = recordingLogger();
  const sent: string[] = [];
  // The backend of the sample state: S0001's PIN is 135790.
  const checkPin: CheckStaffPin = async (staffId, pin) => {
    sent.push(staffId);
    if (staffId !== 'S0001') return err({ code: 'unknown-staff' });
    return pin === '135790' ? ok({ roles: ['technician'] }) : err({ code: 'wrong-pin' });
  };
  const lockouts = new StaffLockoutStore(db.value);
  const make = () => new StaffSignIn({ keys, policy, lockouts, checkPin, audit, logger, now: () => now });
  return {
    signIn: make(),
    /** A second kiosk process on the same journal (a restart). */
    restarted: make,
    audit,
    logger,
    sent,
    advance: (ms: number) => {
      now += ms;
    },
    kinds: () => audit.recent(100).map((row) => JSON.parse(row.content).event as Record<string, unknown>),
  };
}

let r: ReturnType<typeof rig>;
beforeEach(() => {
  r = rig();
});
const badge = (text: string): StaffBadge => {
  const verified = r.signIn.verifyBadge(text);
  if (!verified.ok) throw new Error(verified.error);
  return verified.value;
};

describe('staff sign-in', () => {
  it('refuses a tampered, an expired, an unknown-key and a malformed badge, each audited with its reason', () => {
    const good = badgeOf('S0001');
    const tampered = `${good.slice(0, 20)}${good[20] === 'A' ? 'B' : 'A'}${good.slice(21)}`;
    const rogue = issueStaffBadge(
      { staffId: 'S0001', name: 'X', roles: ['supervisor'], expiresAt: t0 / 1000 + 60 },
      generateIssuerKey('staff-badge', 'rogue-office'),
    );
    const impostor = issueStaffBadge(
      { staffId: 'S0001', name: 'X', roles: ['supervisor'], expiresAt: t0 / 1000 + 60 },
      generateIssuerKey('staff-badge', 'staff-office'),
    );
    expect(r.signIn.verifyBadge(tampered)).toMatchObject({ ok: false });
    expect(r.signIn.verifyBadge(badgeOf('S0001', t0 / 1000 - 1))).toEqual({ ok: false, error: 'expired' });
    expect(r.signIn.verifyBadge(rogue)).toEqual({ ok: false, error: 'unknown-key' });
    expect(r.signIn.verifyBadge(impostor)).toEqual({ ok: false, error: 'tampered' });
    expect(r.signIn.verifyBadge('BV1:NOTABADGE')).toEqual({ ok: false, error: 'malformed' });
    expect(r.signIn.verifyBadge(good)).toMatchObject({ ok: true, value: { staffId: 'S0001' } });
    const reasons = r.kinds().map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['expired-badge', 'unknown-badge', 'bad-signature', 'malformed-badge']),
    );
    expect(r.logger.of('staff-badge-refused')).toHaveLength(5);
    expect(r.sent).toEqual([]);
  });

  it('wrong PINs count down and lock the badge; while locked no PIN reaches the backend; the lock doubles', async () => {
    const s = badge(badgeOf('S0001'));
    expect(await r.signIn.signIn(s, '000000')).toEqual({
      ok: false,
      error: { code: 'wrong-pin', attemptsLeft: 2 },
    });
    expect(await r.signIn.signIn(s, '000001')).toEqual({
      ok: false,
      error: { code: 'wrong-pin', attemptsLeft: 1 },
    });
    expect(await r.signIn.signIn(s, '000002')).toEqual({
      ok: false,
      error: { code: 'locked', until: t0 + 30_000 },
    });
    expect(r.sent).toHaveLength(3);
    // The right PIN while locked is refused without asking the backend — and after a restart too.
    expect(await r.restarted().signIn(s, '135790')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(r.sent).toHaveLength(3);
    r.advance(30_000);
    for (const pin of ['000003', '000004']) await r.signIn.signIn(s, pin);
    expect(await r.signIn.signIn(s, '000005')).toEqual({
      ok: false,
      error: { code: 'locked', until: t0 + 90_000 },
    });
    expect(r.kinds().filter((e) => e.kind === 'staff-locked-out')).toEqual([
      expect.objectContaining({ staffId: 'S0001', failedAttempts: 3, lockedSeconds: 60 }),
      expect.objectContaining({ staffId: 'S0001', failedAttempts: 3, lockedSeconds: 30 }),
    ]);
    r.advance(60_000);
    expect(await r.signIn.signIn(s, '135790')).toMatchObject({
      ok: true,
      value: { staffId: 'S0001', name: 'Wong Ka Man', roles: ['technician'] },
    });
    // Signed in: the count starts again.
    expect(r.signIn.lockout('S0001')).toEqual({ locked: false, attemptsLeft: 3 });
    expect(r.kinds()[0]).toEqual({ kind: 'staff-signed-in', method: 'badge-and-pin' });
    expect(r.audit.recent(1)[0]!.actor).toBe('staff:S0001');
    // Never a PIN (nor the staff member's name) in the audit log or the log.
    const pins = /"(135790|00000\d)"|Wong/;
    expect(r.audit.recent(100).map((row) => row.content)).not.toContainEqual(expect.stringMatching(pins));
    expect(JSON.stringify(r.logger.lines)).not.toMatch(pins);
  });

  it('a staff member the backend does not know, and a backend that does not answer', async () => {
    expect(await r.signIn.signIn(badge(badgeOf('S9999')), '135790')).toEqual({
      ok: false,
      error: { code: 'unknown-staff' },
    });
    const offline = new StaffSignIn({
      keys,
      policy,
      lockouts: new StaffLockoutStore(openJournalOrThrow()),
      checkPin: async () => err({ code: 'unavailable', detail: 'timeout' }),
      audit: r.audit,
      logger: r.logger,
      now: () => t0,
    });
    expect(await offline.signIn(badge(badgeOf('S0001')), '135790')).toEqual({
      ok: false,
      error: { code: 'unavailable' },
    });
    // No answer is not a wrong PIN: nothing counted against the badge.
    expect(offline.lockout('S0001')).toEqual({ locked: false, attemptsLeft: 3 });
    expect(r.logger.of('staff-sign-in-unavailable')).toEqual([{ staffId: 'S0001', error: 'timeout' }]);
  });
});

function openJournalOrThrow() {
  const db = openJournal(':memory:');
  if (!db.ok) throw new Error('journal');
  return db.value;
}
