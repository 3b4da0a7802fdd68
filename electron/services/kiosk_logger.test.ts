import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createKioskLogger } from './kiosk_logger.js';

describe('kiosk logger', () => {
  it('writes JSON lines with the terminal id and redacts personal fields that slip into a log call', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createKioskLogger('MO-TEST-01', 'info', sink);
    logger.warn({ job: { id: 7, nameOnDocument: 'CHAN TAI MAN', documentNumber: '1234567(8)' } }, 'oops');
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({ terminal: 'MO-TEST-01', msg: 'oops', job: { id: 7 } });
    expect(lines[0]).not.toContain('CHAN TAI MAN');
    expect(lines[0]).not.toContain('1234567');
  });
});
