import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLpRequestId, parseLpstatJobs, parseLpstatPrinter } from './cups_output.js';

describe('CUPS command output', () => {
  it('lp: request id, queue names with dashes included', () => {
    expect(parseLpRequestId('request id is Kiosk_A4-17 (0 file(s))\n')).toEqual({
      ok: true,
      value: 'Kiosk_A4-17',
    });
    expect(parseLpRequestId('request id is HP-LaserJet-M404-123 (1 file(s))\n')).toEqual({
      ok: true,
      value: 'HP-LaserJet-M404-123',
    });
    expect(parseLpRequestId('lp: Error - no default destination available.\n')).toMatchObject({
      ok: false,
      error: { code: 'no-request-id' },
    });
  });

  it('lpstat -l -o: jobs with their status and alerts', () => {
    const out =
      'Kiosk_A4-17             kiosk                12288   Fri Nov 27 08:00:00 2026\n' +
      '\tStatus: Media empty\n' +
      '\tAlerts: job-printing\n' +
      '\tqueued for Kiosk_A4\n' +
      'Kiosk_A4-18             kiosk                 1024   Fri Nov 27 08:01:00 2026\n' +
      '\tAlerts: job-incoming\n' +
      '\tqueued for Kiosk_A4\n';
    expect(parseLpstatJobs(out)).toEqual([
      {
        jobId: 'Kiosk_A4-17',
        user: 'kiosk',
        bytes: 12288,
        date: 'Fri Nov 27 08:00:00 2026',
        status: 'Media empty',
        alerts: ['job-printing'],
      },
      {
        jobId: 'Kiosk_A4-18',
        user: 'kiosk',
        bytes: 1024,
        date: 'Fri Nov 27 08:01:00 2026',
        status: undefined,
        alerts: ['job-incoming'],
      },
    ]);
  });

  it('lpstat -l -p: idle, printing, stopped with a message and alerts', () => {
    expect(
      parseLpstatPrinter(
        'printer Kiosk_A4 is idle.  enabled since Fri Nov 27 08:00:00 2026\n\tForm mounted:\n\tDescription: A4\n\tAlerts: none\n',
      ),
    ).toEqual({
      ok: true,
      value: {
        queue: 'Kiosk_A4',
        state: 'idle',
        printingJob: undefined,
        message: undefined,
        alerts: ['none'],
      },
    });
    expect(
      parseLpstatPrinter(
        'printer Kiosk_A4 now printing Kiosk_A4-17.  enabled since Fri Nov 27 08:00:00 2026\n\tMedia empty\n\tForm mounted:\n\tAlerts: media-empty-error media-needed\n',
      ),
    ).toEqual({
      ok: true,
      value: {
        queue: 'Kiosk_A4',
        state: 'printing',
        printingJob: 'Kiosk_A4-17',
        message: 'Media empty',
        alerts: ['media-empty-error', 'media-needed'],
      },
    });
    expect(
      parseLpstatPrinter('printer Kiosk_A4 disabled since Fri Nov 27 08:00:00 2026 -\n\treason unknown\n'),
    ).toMatchObject({
      ok: true,
      value: { state: 'disabled', message: 'reason unknown' },
    });
    expect(parseLpstatPrinter('lpstat: Invalid destination name in list "X".\n')).toMatchObject({
      ok: false,
    });
  });

  it('never throws on arbitrary output', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        parseLpRequestId(text);
        parseLpstatJobs(text);
        parseLpstatPrinter(text);
      }),
    );
  });
});
