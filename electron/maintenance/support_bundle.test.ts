import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { removableDrives } from './removable_drives.js';
import { buildSupportBundle, configurationWithoutSecrets, writeSupportBundle } from './support_bundle.js';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', time: 1, event: 'session-started', disposition: 'success', ...fields });

const parts = {
  terminalId: 'MO-TEST-01',
  staffId: 'S0001',
  version: '0.1.0',
  createdAt: new Date('2026-03-01T02:03:04Z'),
  logs: [
    { file: '/x/kiosk.log.1', text: `${line({ sessionId: 'a' })}\n` },
    // A line from an older version that slipped a name through, a torn line, and a good one.
    {
      file: '/x/kiosk.log',
      text: `${line({ name: 'CHAN TAI MAN' })}\n{"time":\n${line({ sessionId: 'b' })}\n`,
    },
  ],
  configuration: {
    terminal: { id: 'MO-TEST-01' },
    backend: { kind: 'http', tls: { keyPassphrase: 'hunter2' } },
  },
  devices: [{ deviceId: 'scanner', status: { state: 'ready' } }],
  journal: { printJobs: [], transactions: [], alerts: [] },
  terminal: { uptimeSeconds: 12 },
  auditVerification: { ok: true, value: { rows: 3, headHash: 'ab' } },
};

describe('the support bundle', () => {
  it('holds the logs (redacted again), the catalogue beside them, configuration without secrets, and a manifest', () => {
    const { zip, skippedLogLines } = buildSupportBundle(parts);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'audit-verify.json',
      'configuration.json',
      'devices.json',
      'journal.json',
      'logs/kiosk.log',
      'logs/kiosk.log.1',
      'logs/log_events.json',
      'manifest.json',
      'terminal.json',
    ]);
    const text = (name: string) => strFromU8(files[name]!);
    expect(skippedLogLines).toBe(1);
    expect(text('logs/kiosk.log')).not.toContain('CHAN TAI MAN');
    expect(text('logs/kiosk.log').trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(text('logs/log_events.json'))['session-started']).toMatchObject({
      disposition: 'success',
    });
    expect(text('configuration.json')).not.toContain('hunter2');
    expect(JSON.parse(text('audit-verify.json'))).toEqual(parts.auditVerification);
    const manifest = JSON.parse(text('manifest.json'));
    expect(manifest).toMatchObject({ terminalId: 'MO-TEST-01', writtenBy: 'S0001', skippedLogLines: 1 });
    expect(manifest.files).toHaveLength(8);
  });

  it('writes it under its final name only when whole, and says why when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-bundle-'));
    const written = writeSupportBundle(join(dir, 'support'), parts);
    expect(written).toMatchObject({
      ok: true,
      value: { file: join(dir, 'support', 'balcao-support-MO-TEST-01-20260301-020304.zip') },
    });
    expect(readdirSync(join(dir, 'support'))).toEqual(['balcao-support-MO-TEST-01-20260301-020304.zip']);
    writeFileSync(join(dir, 'blocked'), 'a file, not a folder');
    expect(writeSupportBundle(join(dir, 'blocked'), parts)).toMatchObject({
      ok: false,
      error: { code: 'cannot-write' },
    });
    expect(configurationWithoutSecrets({ a: [{ token: 'x', b: 1 }] })).toEqual({
      a: [{ token: '[removed]', b: 1 }],
    });
  });

  it('offers the drives mounted below the removable-media roots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-mounts-'));
    const mounts = join(dir, 'mounts');
    writeFileSync(
      mounts,
      [
        '/dev/sda1 / ext4 rw 0 0',
        '/dev/sdb1 /media/kiosk/STAFF\\040USB vfat rw 0 0',
        '/dev/sdc1 /run/media/kiosk/LOGS vfat rw 0 0',
        'tmpfs /run tmpfs rw 0 0',
      ].join('\n'),
    );
    expect(removableDrives(['/media', '/run/media'], mounts)).toEqual([
      { path: '/media/kiosk/STAFF USB', label: 'STAFF USB' },
      { path: '/run/media/kiosk/LOGS', label: 'LOGS' },
    ]);
    expect(removableDrives(['/media'], join(dir, 'absent'))).toEqual([]);
    expect(readFileSync(mounts, 'utf8')).toContain('STAFF');
  });
});
