import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createKioskLogger } from './kiosk_logger.js';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('kiosk logger', () => {
  it('writes one JSON line per event, with its terminal, level, disposition and meaning from the catalogue', () => {
    const out = sink();
    const logger = createKioskLogger({ terminalId: 'MO-TEST-01', destination: out.stream });
    logger.log('device-paper-out', { deviceId: 'ticket-printer' });
    logger.log('print-job-confirmed', { jobId: 3 });
    expect(out.entries()).toMatchObject([
      {
        terminal: 'MO-TEST-01',
        level: 'warn',
        event: 'device-paper-out',
        disposition: 'failure',
        deviceId: 'ticket-printer',
        msg: 'A printer ran out of paper.',
      },
      { level: 'info', event: 'print-job-confirmed', disposition: 'success', jobId: 3 },
    ]);
  });

  it('redacts personal fields that slip into a call, at the top level and nested, errors included', () => {
    const out = sink();
    const logger = createKioskLogger({ terminalId: 'MO-TEST-01', destination: out.stream });
    const error = Object.assign(new Error('read failed for 1234567(8)'), { holderName: 'CHAN TAI MAN' });
    logger.log('rpc-internal-error', {
      method: 'session.start',
      name: 'CHAN TAI MAN',
      job: {
        id: 7,
        nameOnDocument: 'CHAN TAI MAN',
        documents: [{ documentNumber: '1234567(8)', dateOfBirth: '1990-03-01' }],
      },
      err: error,
    });
    const [line] = out.lines;
    expect(line).not.toContain('CHAN TAI MAN');
    expect(line).not.toContain('1234567');
    expect(line).not.toContain('1990-03-01');
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      method: 'session.start',
      name: '[redacted]',
      job: { id: 7, nameOnDocument: '[redacted]' },
      err: { type: 'Error', message: 'read failed for [redacted: id number]' },
    });
  });

  it('a field cannot pass a line off as another event', () => {
    const out = sink();
    createKioskLogger({ destination: out.stream }).log('session-started', {
      event: 'kiosk-started',
      disposition: 'failure',
    });
    expect(out.entries()[0]).toMatchObject({ event: 'session-started', disposition: 'success' });
  });

  it('leaves out lines below its level', () => {
    const out = sink();
    const logger = createKioskLogger({ level: 'warn', destination: out.stream });
    logger.log('session-started', {});
    logger.log('device-disconnected', { deviceId: 'scanner' });
    expect(out.entries().map((e) => e.event)).toEqual(['device-disconnected']);
  });
});
