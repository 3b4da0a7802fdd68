import { describe, expect, it } from 'vitest';
import type { PrinterState } from '../../device_status.js';
import { FakeCups } from '../simulator/fake_cups.js';
import { CupsDocumentPrinter } from './cups_document_printer.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF\n');

function rig() {
  const cups = new FakeCups('Kiosk_A4');
  const printer = new CupsDocumentPrinter({
    queue: 'Kiosk_A4',
    runner: cups,
    pollIntervalMs: 1,
    jobTimeoutMs: 2000,
  });
  const states: PrinterState[] = [];
  printer.onStatus((s) => states.push(s));
  return { cups, printer, states };
}

describe('CupsDocumentPrinter with a fake CUPS', () => {
  it('submits with lp on stdin, follows the job with lpstat and confirms completion', async () => {
    const { cups, printer, states } = rig();
    expect(await printer.printPdf(pdf, 'certificado')).toEqual({ ok: true });
    expect(cups.calls[1]).toEqual(['lp', '-d', 'Kiosk_A4', '-t', 'certificado', '-']);
    expect(cups.jobs[0]?.bytes).toEqual(pdf);
    expect(cups.jobs[0]?.state).toBe('completed');
    expect(cups.calls.some((c) => c.join(' ') === 'lpstat -l -W completed -o Kiosk_A4')).toBe(true);
    expect(states).toEqual([{ state: 'busy' }, { state: 'ready' }]);
  });

  it('refuses before submitting when the printer reports no paper', async () => {
    const { cups, printer } = rig();
    cups.printerReasons = ['media-empty-error', 'media-needed'];
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: false, failure: { reason: 'no-paper' } });
    expect(cups.jobs).toEqual([]);
    expect(printer.status()).toEqual({ state: 'no-paper' });
  });

  it('cancels the job when the cover opens while it prints', async () => {
    const { cups, printer } = rig();
    cups.stepsPerJob = 1000;
    const job = printer.printPdf(pdf, 'doc');
    setTimeout(() => {
      cups.printerReasons = ['cover-open-report'];
    }, 10);
    expect(await job).toEqual({ ok: false, failure: { reason: 'cover-open' } });
    expect(cups.calls.at(-1)).toEqual(['cancel', 'Kiosk_A4-17']);
    expect(cups.jobs[0]?.state).toBe('canceled');
  });

  it('reports an aborted job as an error with its job-state-reason', async () => {
    const { cups, printer } = rig();
    cups.nextJobOutcome = { state: 'aborted', reason: 'aborted-by-system' };
    expect(await printer.printPdf(pdf, 'doc')).toEqual({
      ok: false,
      failure: { reason: 'error', detail: 'aborted-by-system' },
    });
    expect(printer.status()).toEqual({ state: 'error', code: 'aborted-by-system' });
  });

  it('does not claim success when CUPS forgot the job', async () => {
    const { cups, printer } = rig();
    cups.forgetCompleted = true;
    expect(await printer.printPdf(pdf, 'doc')).toEqual({
      ok: false,
      failure: { reason: 'error', detail: 'job-not-found' },
    });
  });

  it('maps a stopped queue and a missing lp to typed failures', async () => {
    const { cups, printer } = rig();
    cups.stopped = true;
    expect(await printer.printPdf(pdf, 'doc')).toEqual({
      ok: false,
      failure: { reason: 'error', detail: 'queue-stopped' },
    });
    cups.stopped = false;
    cups.installed = false;
    expect(await printer.printPdf(pdf, 'doc')).toMatchObject({ ok: false, failure: { reason: 'error' } });
  });

  it('times out and cancels a job that never completes', async () => {
    const cups = new FakeCups('Kiosk_A4');
    cups.stepsPerJob = 1_000_000;
    const printer = new CupsDocumentPrinter({
      queue: 'Kiosk_A4',
      runner: cups,
      pollIntervalMs: 1,
      jobTimeoutMs: 50,
    });
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: false, failure: { reason: 'timeout' } });
    expect(cups.calls.at(-1)?.[0]).toBe('cancel');
  });

  it('refreshStatus maps printer-state-reasons (media-low → paper-low)', async () => {
    const { cups, printer } = rig();
    cups.printerReasons = ['media-low-report'];
    expect(await printer.refreshStatus()).toEqual({ state: 'paper-low' });
    cups.printerReasons = [];
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
  });
});
