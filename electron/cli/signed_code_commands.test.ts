import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balcao } from '../../test/support/run_balcao.js';
import { verifyStaffBadge } from '../staff/staff_badge.js';

const dir = mkdtempSync(join(tmpdir(), 'balcao-codes-'));
const path = (name: string) => join(dir, name);
const issueCode = (keyFile: string, expires: string) =>
  balcao(
    'locker',
    'issue-code',
    'LA-2026-000777',
    '--station',
    'MO-CP-L1',
    '--compartment',
    'B2',
    '--expires',
    expires,
    '--key',
    path(keyFile),
  );

describe('balcao locker', () => {
  it('new-key → issue-code → verify-code, and each refusal with its reason and exit 1', async () => {
    const made = await balcao('locker', 'new-key', '--out', path('ep.key'), '--table', path('ep.table.json'));
    expect(made.status).toBe(0);
    expect(statSync(path('ep.key')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path('ep.table.json'), 'utf8'))).toHaveProperty('easy-pickup');
    // A second key never overwrites the first.
    expect(
      (await balcao('locker', 'new-key', '--out', path('ep.key'), '--table', path('other.json'))).status,
    ).toBe(73);

    const issued = await issueCode('ep.key', '2099-01-01T00:00:00+08:00');
    expect(issued.status).toBe(0);
    const { code, digits } = JSON.parse(issued.out) as { code: string; digits: string };
    expect(code.startsWith('BL1:')).toBe(true);
    expect(digits).toMatch(/^\d{12}$/);

    const verify = (text: string, station = 'MO-CP-L1', ...more: string[]) =>
      balcao('locker', 'verify-code', text, '--station', station, '--keys', path('ep.table.json'), ...more);
    const good = await verify(code);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ valid: true, reason: null, compartment: 'B2', digits });
    const reasonOf = async (p: Promise<{ status: number; out: string }>) => {
      const r = await p;
      expect(r.status).toBe(1);
      return (JSON.parse(r.out) as { reason: string }).reason;
    };
    expect(await reasonOf(verify(code, 'MO-TL-L1'))).toBe('wrong-station');
    expect(await reasonOf(verify(code, 'MO-CP-L1', '--now', '2099-01-02T00:00:00Z'))).toBe('expired');
    expect(await reasonOf(verify(`${code.slice(0, -2)}00`))).toMatch(/forged|malformed/);
    expect(await reasonOf(verify('not a code'))).toBe('malformed');
    expect(await reasonOf(verify(digits))).toBe('unknown');

    await balcao('locker', 'new-key', '--out', path('rogue.key'), '--table', path('rogue.json'));
    const rogue = await issueCode('rogue.key', '2099-01-01');
    expect(await reasonOf(verify((JSON.parse(rogue.out) as { code: string }).code))).toBe('forged');
  });

  it('refuses a key table of the wrong shape and a bad expiry with their own statuses', async () => {
    expect(
      (await balcao('locker', 'verify-code', 'x', '--station', 'S', '--keys', path('absent.json'))).status,
    ).toBe(66);
    const bad = await balcao(
      'locker',
      'issue-code',
      'A',
      '--station',
      'S',
      '--compartment',
      'A1',
      '--expires',
      'soon',
      '--key',
      path('ep.key'),
    );
    expect(bad.status).toBe(64);
    expect(bad.err).toContain('--expires');
    expect((await balcao('locker', 'frob')).status).toBe(64);
  });
});

describe('balcao staff', () => {
  it('new-badge-key → new-badge writes a QR image and prints a badge the kiosk verifies', async () => {
    expect(
      (await balcao('staff', 'new-badge-key', '--out', path('staff.key'), '--table', path('staff.json')))
        .status,
    ).toBe(0);
    const made = await balcao(
      'staff',
      'new-badge',
      'S0001',
      '--name',
      'Wong Ka Man',
      '--roles',
      'technician,supervisor',
      '--expires',
      '2099-12-31',
      '--key',
      path('staff.key'),
      '--out',
      path('badge.png'),
    );
    expect(made.status).toBe(0);
    expect(readFileSync(path('badge.png')).subarray(1, 4).toString()).toBe('PNG');
    const keys = JSON.parse(readFileSync(path('staff.json'), 'utf8')) as Record<string, string>;
    const badge = verifyStaffBadge(made.out, keys, Math.floor(Date.now() / 1000));
    expect(badge).toMatchObject({
      ok: true,
      value: { staffId: 'S0001', roles: ['technician', 'supervisor'] },
    });
  });

  it('refuses an unknown role, and a locker key used to sign a badge', async () => {
    const role = await balcao(
      'staff',
      'new-badge',
      'S1',
      '--name',
      'N',
      '--roles',
      'admin',
      '--expires',
      '2099-01-01',
      '--key',
      path('staff.key'),
      '--out',
      path('x.png'),
    );
    expect(role.status).toBe(64);
    expect(role.err).toContain('admin');
    const wrongKind = await balcao(
      'staff',
      'new-badge',
      'S1',
      '--name',
      'N',
      '--roles',
      'technician',
      '--expires',
      '2099-01-01',
      '--key',
      path('ep.key'),
      '--out',
      path('y.png'),
    );
    expect(wrongKind.status).toBe(66);
    expect(existsSync(path('y.png'))).toBe(false);
  });
});
