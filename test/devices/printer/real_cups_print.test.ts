/**
 * The A4 printer's CUPS route against a real cupsd with a cups-pdf queue (test/support/real_cupsd.ts): every A4
 * document prints and comes out as a PDF with its text; a stopped or rejecting queue, a job the filter cannot
 * read, a job cancelled in CUPS and a cupsd that is not there each give their own outcome, and none of them
 * leaves a job in the queue to print later for nobody.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SpawnCommandRunner } from '../../../devices/printer/document/command_runner.js';
import { CupsDocumentPrinter } from '../../../devices/printer/document/cups_document_printer.js';
import { verdictOfJob } from '../../../devices/printer/document/ipp_states.js';
import { IpptoolClient } from '../../../devices/printer/document/ipptool_client.js';
import { buildTestPagePdf } from '../../../devices/printer/document/test_page_pdf.js';
import { documentLanguages } from '../../../electron/printed/document_language.js';
import { renderDocument } from '../../../electron/printed/document_renderer.js';
import { sampleInput } from '../../../electron/printed/samples/sample_inputs.js';
import { testSigningKey } from '../../fixtures/printed/test_terminal_key.js';
import { renderGrey } from '../../printed/print_pdf_tools.js';
import {
  describeWithRealCups,
  printedPages,
  printedText,
  type RealCupsd,
  startRealCupsd,
} from '../../support/real_cupsd.js';

const runner = new SpawnCommandRunner();

/** Mean grey-level difference of two first pages at 12 dpi: the layout, not the glyph outlines. */
function likeness(original: Uint8Array, printed: string): number {
  const a = renderGrey(original, 12);
  const b = renderGrey(readFileSync(printed), 12);
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 255));
  return sum / a.pixels.length;
}

async function waitForFinalState(client: IpptoolClient, jobId: number) {
  for (let i = 0; i < 100; i++) {
    const job = await client.job(jobId);
    if (!job.ok) throw new Error(JSON.stringify(job.error));
    if (verdictOfJob(job.value).kind !== 'in-progress' && job.value.state !== 'pending') return job.value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} never ended`);
}

describeWithRealCups('A4 printing through a real CUPS (cups-pdf queue)', () => {
  let cups: RealCupsd;
  let client: IpptoolClient;
  let printer: CupsDocumentPrinter;

  beforeAll(async () => {
    cups = await startRealCupsd();
    client = new IpptoolClient({ queue: cups.queue, server: cups.socket, runner });
    printer = new CupsDocumentPrinter({ client, pollIntervalMs: 100, jobTimeoutMs: 20_000 });
  }, 20_000);
  afterAll(async () => {
    await cups?.stop();
  });

  // cups-pdf takes PostScript, so CUPS runs pdftopdf → pdftops (Ghostscript) → cups-pdf (Ghostscript again).
  // Standard-font text survives that round trip and pdftotext reads the test page word for word; the proof's
  // embedded CJK-chain fonts come back as Type 3 glyphs whose text pdftotext cannot map back, so the printed proof
  // is checked as paper is: one A4 page whose layout matches the document sent (a blank page or another document
  // differs about three times as much).
  it('prints the test page and the identity proof in each language; each comes out as its A4 PDF', async () => {
    const testPage = await buildTestPagePdf(new Date('2026-01-02T03:04:05Z'));
    expect(await printer.printPdf(testPage, 'balcao-test-page')).toEqual({ ok: true });
    const [page] = cups.outputs();
    expect(printedPages(page ?? '')).toEqual({ pages: 1, size: '595 x 842 pts (A4)' });
    const text = printedText(page ?? '');
    expect(text).toContain('Balcão — página de teste');
    expect(text).toContain('Printed at: 2026-01-02 03:04:05 UTC');
    expect(text).toContain('Ação, informação, pão, cão');

    for (const language of documentLanguages) {
      const proof = await renderDocument('identity-proof', sampleInput('identity-proof', language), {
        signingKey: testSigningKey,
      });
      if (!proof.ok) throw new Error(JSON.stringify(proof.error));
      const jobName = `balcao-identity-proof-${language}`;
      expect(await printer.printPdf(proof.value.pdf, jobName), language).toEqual({ ok: true });
      const printed = cups.outputs().find((path) => path.includes(jobName)) ?? '';
      expect(printedPages(printed), language).toEqual({ pages: 1, size: '595 x 842 pts (A4)' });
      expect(likeness(proof.value.pdf, printed), language).toBeLessThan(8);
      expect(likeness(testPage, printed), language).toBeGreaterThan(12);
    }
    expect(cups.outputs()).toHaveLength(1 + documentLanguages.length);
    expect(printer.status()).toEqual({ state: 'ready' });
  }, 30_000);

  it('CUPS ends a printed job `completed` with processing-to-stop-point, and that is a success', async () => {
    const submitted = await client.submit(await buildTestPagePdf(), 'balcao-state-check');
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
    const job = await waitForFinalState(client, submitted.value);
    // What CUPS 2.4 says of a good job (and what the fake CUPS repeats): never job-completed-successfully.
    expect(job).toEqual({ id: submitted.value, state: 'completed', reasons: ['processing-to-stop-point'] });
    expect(verdictOfJob(job)).toEqual({ kind: 'printed' });
  });

  it('a stopped queue prints nothing and says so; the job is not left queued', async () => {
    cups.admin('cupsdisable', '-r', 'paused by staff', cups.queue);
    try {
      const before = cups.outputs().length;
      expect(await printer.printPdf(await buildTestPagePdf(), 'balcao-stopped')).toEqual({
        ok: false,
        error: { reason: 'queue-stopped' },
      });
      expect(printer.status()).toEqual({ state: 'error', code: 'queue-stopped', detail: 'paused by staff' });
      expect(cups.jobsLeft()).toBe('');
      expect(cups.outputs()).toHaveLength(before);
    } finally {
      cups.admin('cupsenable', cups.queue);
    }
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
  });

  it('a queue that rejects jobs is a stopped queue too, before and at Print-Job', async () => {
    cups.admin('cupsreject', cups.queue);
    try {
      expect(await printer.printPdf(await buildTestPagePdf(), 'balcao-rejected')).toEqual({
        ok: false,
        error: { reason: 'queue-stopped' },
      });
      // CUPS' own answer to Print-Job on such a queue, which the driver maps the same way.
      expect(await client.submit(await buildTestPagePdf(), 'balcao-rejected')).toEqual({
        ok: false,
        error: {
          code: 'ipp-status',
          status: 'server-error-not-accepting-jobs',
          message: `Destination "${cups.queue}" is not accepting jobs.`,
        },
      });
    } finally {
      cups.admin('cupsaccept', cups.queue);
    }
  });

  it('a PDF the filter cannot read: CUPS stops the job, the driver reports it and cancels it', async () => {
    const unreadable = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nnot a pdf\n');
    const outcome = await printer.printPdf(unreadable, 'balcao-unreadable');
    expect(outcome).toEqual({
      ok: false,
      error: { reason: 'job-aborted', detail: 'job-completed-with-errors' },
    });
    expect(cups.jobsLeft()).toBe('');
    // The printer itself is fine: the next document prints.
    expect(printer.status()).toEqual({ state: 'ready' });
  });

  it('a job cancelled in CUPS (by staff) reads as not printed', async () => {
    cups.admin('cupsdisable', cups.queue);
    try {
      const submitted = await client.submit(await buildTestPagePdf(), 'balcao-cancelled');
      if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
      expect(spawnSync('cancel', ['-h', cups.socket, String(submitted.value)]).status).toBe(0);
      const job = await waitForFinalState(client, submitted.value);
      expect(job.state).toBe('canceled');
      expect(verdictOfJob(job)).toMatchObject({ kind: 'not-printed', failure: { reason: 'job-aborted' } });
      expect(await client.cancel(submitted.value)).toMatchObject({
        ok: false,
        error: { code: 'ipp-status', status: 'client-error-not-possible' },
      });
    } finally {
      cups.admin('cupsenable', cups.queue);
    }
  });

  it('no cupsd listening: spooler-unavailable, for the job and for the published status', async () => {
    const absent = new CupsDocumentPrinter({
      client: new IpptoolClient({ queue: cups.queue, server: join(cups.dir, 'absent.sock'), runner }),
      pollIntervalMs: 100,
    });
    const outcome = await absent.printPdf(await buildTestPagePdf(), 'balcao-nobody-home');
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'spooler-unavailable' } });
    expect(absent.status()).toMatchObject({ state: 'error', code: 'spooler-unavailable' });
  });
});
