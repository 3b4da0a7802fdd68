import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKioskLogger } from './kiosk_logger.js';
import { RecentLogFile } from './recent_log_file.js';
import { readRecentLog } from './recent_log_reader.js';

const config = (dir: string, maxBytes = 64 * 1024, files = 3) => ({
  path: join(dir, 'logs', 'kiosk.log'),
  maxBytes,
  files,
});

describe('the recent log file', () => {
  it('keeps the logger’s lines, redacted, and reads them back filtered by event, device and time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-recent-log-'));
    const file = new RecentLogFile(config(dir));
    const logger = createKioskLogger({ terminalId: 'MO-TEST-01', destination: file });
    logger.log('device-disconnected', { deviceId: 'scanner', kind: 'barcode-scanner' });
    logger.log('device-paper-out', { deviceId: 'ticket-printer' });
    logger.log('print-job-queued', { jobId: 4, printerId: 'ticket-printer', template: 'queue-ticket' });
    // A resident's name in a field is redacted before it reaches the file.
    logger.log('session-started', { sessionId: 's-1', name: 'CHAN TAI MAN' });
    file.close();

    const text = readFileSync(config(dir).path, 'utf8');
    expect(text).not.toContain('CHAN TAI MAN');
    expect(statSync(config(dir).path).mode & 0o777).toBe(0o640);

    const all = readRecentLog(config(dir));
    expect(all.lines.map((l) => l.event)).toEqual([
      'session-started',
      'print-job-queued',
      'device-paper-out',
      'device-disconnected',
    ]);
    expect(all.unreadable).toBe(0);
    expect(readRecentLog(config(dir), { deviceId: 'ticket-printer' }).lines.map((l) => l.event)).toEqual([
      'print-job-queued',
      'device-paper-out',
    ]);
    expect(readRecentLog(config(dir), { event: 'device-disconnected' }).lines).toEqual([
      expect.objectContaining({
        event: 'device-disconnected',
        disposition: 'failure',
        deviceId: 'scanner',
        fields: { deviceId: 'scanner', kind: 'barcode-scanner' },
      }),
    ]);
    const newest = all.lines[0]!.time;
    expect(readRecentLog(config(dir), { since: newest + 1 }).lines).toEqual([]);
    expect(readRecentLog(config(dir), { limit: 1 })).toMatchObject({
      matched: 4,
      lines: [{ event: 'session-started' }],
    });
  });

  it('rolls over at its size and keeps a bounded number of files, newest lines last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-recent-log-'));
    const small = config(dir, 64 * 1024, 3);
    const file = new RecentLogFile(small);
    const logger = createKioskLogger({ destination: file });
    for (let i = 0; i < 3000; i++) logger.log('print-job-confirmed', { jobId: i + 1, printerId: 'p' });
    file.close();
    expect(existsSync(`${small.path}.1`)).toBe(true);
    expect(existsSync(`${small.path}.2`)).toBe(true);
    expect(existsSync(`${small.path}.3`)).toBe(false);
    for (const name of [small.path, `${small.path}.1`, `${small.path}.2`])
      expect(statSync(name).size).toBeLessThanOrEqual(small.maxBytes);
    const read = readRecentLog(small);
    const ids = read.lines.map((l) => l.fields.jobId as number);
    expect(ids[0]).toBe(3000);
    // Newest first, no gaps among what was kept.
    expect(ids).toEqual(ids.map((_, i) => 3000 - i));
    expect(ids.length).toBeLessThan(3000);
  });

  it('skips a torn or foreign line, and a missing folder or file is no error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-recent-log-'));
    const c = config(dir);
    expect(readRecentLog(c)).toEqual({ lines: [], matched: 0, unreadable: 0 });
    const file = new RecentLogFile(c);
    createKioskLogger({ destination: file }).log('kiosk-started', { host: 'browser' });
    file.close();
    writeFileSync(
      c.path,
      `${readFileSync(c.path, 'utf8')}{"time":1,"event":"made-up","disposition":"info","level":"info"}\n{"time":`,
    );
    expect(readRecentLog(c)).toMatchObject({ matched: 1, unreadable: 2 });
  });

  it('a folder it cannot write to leaves a fault to log, and lines are dropped without throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balcao-recent-log-'));
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be');
    const file = new RecentLogFile(config(dir));
    expect(() => createKioskLogger({ destination: file }).log('kiosk-started')).not.toThrow();
    expect(file.takeFault()).toMatch(/EEXIST|ENOTDIR/);
    expect(file.takeFault()).toBeNull();
  });
});
