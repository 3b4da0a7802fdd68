/**
 * The CUPS route against the fake CUPS, for what a real queue cannot do on demand: the printer running out of
 * paper or opening its cover (reasons that come from the device through its backend), and cupsd vanishing
 * between two polls of a job. Completion, stopped queues, aborted jobs and a missing cupsd are tested against a
 * real cupsd in test/devices/printer/real_cups.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PrinterState } from '../../device_status.js';
import { FakeCups } from '../simulator/fake_cups.js';
import { CupsDocumentPrinter } from './cups_document_printer.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF\n');

function rig(jobTimeoutMs = 2000) {
  const cups = new FakeCups('Kiosk_A4');
  const printer = new CupsDocumentPrinter({ client: cups, pollIntervalMs: 1, jobTimeoutMs });
  const states: PrinterState[] = [];
  printer.onStatus((s) => states.push(s));
  return { cups, printer, states };
}

describe('CupsDocumentPrinter with a fake CUPS (printer faults)', () => {
  it('refuses before submitting when the printer reports no paper', async () => {
    const { cups, printer } = rig();
    cups.printerReasons = ['media-empty-error', 'media-needed-error'];
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: false, error: { reason: 'no-paper' } });
    expect(cups.jobs).toEqual([]);
    expect(printer.status()).toEqual({ state: 'no-paper' });
  });

  it('cancels the job when the cover opens while it prints, so it never prints later', async () => {
    const { cups, printer } = rig();
    cups.stepsPerJob = 1000;
    const job = printer.printPdf(pdf, 'doc');
    setTimeout(() => {
      cups.printerReasons = ['cover-open-error'];
    }, 10);
    expect(await job).toEqual({ ok: false, error: { reason: 'cover-open' } });
    expect(cups.calls.at(-1)).toBe('Cancel-Job 17');
    expect(cups.jobs[0]?.state).toBe('canceled');
    expect(printer.status()).toEqual({ state: 'cover-open' });
  });

  it('cancels the job when the paper runs out mid-job, then prints the next job once refilled', async () => {
    const { cups, printer, states } = rig();
    cups.stepsPerJob = 3;
    const job = printer.printPdf(pdf, 'doc');
    setTimeout(() => {
      cups.printerReasons = ['media-empty-error'];
    }, 0);
    expect(await job).toEqual({ ok: false, error: { reason: 'no-paper' } });
    expect(cups.jobs[0]?.state).toBe('canceled');
    cups.printerReasons = [];
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: true });
    expect(states.at(-1)).toEqual({ state: 'ready' });
  });

  it('reports paper-low as a warning that still prints', async () => {
    const { cups, printer } = rig();
    cups.printerReasons = ['media-low-report'];
    expect(await printer.refreshStatus()).toEqual({ state: 'paper-low' });
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: true });
  });

  it('cancels a job that never completes when its deadline passes', async () => {
    const { cups, printer } = rig(50);
    cups.stepsPerJob = 1_000_000;
    expect(await printer.printPdf(pdf, 'doc')).toEqual({ ok: false, error: { reason: 'timeout' } });
    expect(cups.calls.at(-1)).toBe('Cancel-Job 17');
  });

  it('remembers a job it could not cancel because cupsd went away, and cancels it when CUPS is back', async () => {
    const { cups, printer } = rig();
    cups.stepsPerJob = 1000;
    const job = printer.printPdf(pdf, 'doc');
    setTimeout(() => {
      cups.running = false;
    }, 5);
    expect(await job).toMatchObject({ ok: false, error: { reason: 'spooler-unavailable' } });
    expect(printer.status()).toMatchObject({ state: 'error', code: 'spooler-unavailable' });
    expect(printer.pendingCancels).toEqual([17]);
    // cupsd restarts with its queue restored: the job must not print for nobody.
    cups.running = true;
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    expect(cups.jobs[0]?.state).toBe('canceled');
    expect(printer.pendingCancels).toEqual([]);
  });
});
