import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobStore } from '../../electron/journal/print_job_store.js';
import type { PrintPipeline } from '../../electron/journal/print_pipeline.js';
import { DocumentPrintService } from '../../electron/printed/document_print_service.js';
import { sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { verifyDocument } from '../../electron/printed/verification/verify_document.js';
import { testSigningKey, testTerminalPublicKey } from '../fixtures/printed/test_terminal_key.js';
import { FakePrinter } from './print_fake_printer.js';
import { pdfText } from './print_pdf_tools.js';
import { openPrintTestJournal, type PrintTestJournal } from './print_test_journal.js';

describe('document print service: template to paper through the journal', () => {
  let dir: string;
  let journal: PrintTestJournal;
  let store: PrintJobStore;
  let ticketPrinter: FakePrinter;
  let a4Printer: FakePrinter;
  let pipeline: PrintPipeline;
  let service: DocumentPrintService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-service-'));
    ticketPrinter = new FakePrinter();
    a4Printer = new FakePrinter();
    journal = openPrintTestJournal(join(dir, 'journal.db'), [
      { id: 'ticket-1', kind: 'ticket-printer', printer: ticketPrinter },
      { id: 'a4-1', kind: 'document-printer', printer: a4Printer },
    ]);
    ({ store, pipeline } = journal);
    service = new DocumentPrintService(pipeline, {
      ticketPrinterId: 'ticket-1',
      documentPrinterId: 'a4-1',
      signingKey: testSigningKey,
    });
  });

  afterEach(() => {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a ticket as a 576-dot raster on the ticket printer', async () => {
    const result = await service.print('queue-ticket', sampleInput('queue-ticket', 'pt'), {
      idempotencyKey: 'txn-1/queue',
    });
    expect(result.ok && result.value).toMatchObject({ status: 'confirmed', duplicate: false });
    expect(ticketPrinter.printedRasters).toHaveLength(1);
    expect(ticketPrinter.printedRasters[0]?.width).toBe(576);
    expect(a4Printer.calls).toBe(0);
  });

  it('prints the identity proof as a PDF on the A4 printer, with a job name free of personal data', async () => {
    const result = await service.print('identity-proof', sampleInput('identity-proof', 'en'), {
      idempotencyKey: 'txn-2/proof',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const printed = a4Printer.printedPdfs[0];
    expect(printed?.jobName).toBe('balcao-identity-proof');
    expect(pdfText(printed?.pdf ?? new Uint8Array())).toContain('CHAN, TAI MAN');
    expect(
      verifyDocument(result.value.verification?.qrText ?? '', { 'MO-CP-07': testTerminalPublicKey }).ok,
    ).toBe(true);
    expect(store.get(result.value.jobId)?.hasPayload).toBe(false);
  });

  it('does not render or print again for a known idempotency key', async () => {
    await service.print('queue-ticket', sampleInput('queue-ticket', 'pt'), { idempotencyKey: 'txn-3/queue' });
    // Input that would not even validate: proves the duplicate short-circuits before rendering.
    const again = await service.print('queue-ticket', { nonsense: true }, { idempotencyKey: 'txn-3/queue' });
    expect(again.ok && again.value).toMatchObject({ duplicate: true, status: 'confirmed' });
    expect(ticketPrinter.calls).toBe(1);
  });

  it('returns render failures as values and journals nothing', async () => {
    const result = await service.print(
      'queue-ticket',
      { ...sampleInput('queue-ticket', 'pt'), queueNumber: '\u{E000}' },
      { idempotencyKey: 'k' },
    );
    expect(result.ok === false && result.error.code).toBe('invalid-input');
    expect(pipeline.jobByKey('k')).toBeUndefined();
  });

  it('voids jobs left unresolved past the retention limit, dropping their bytes', async () => {
    ticketPrinter.failNext({ reason: 'timeout' });
    const result = await service.print('queue-ticket', sampleInput('queue-ticket', 'pt'), {
      idempotencyKey: 'txn-4/queue',
    });
    if (!result.ok) throw new Error('print');
    expect(store.get(result.value.jobId)).toMatchObject({ status: 'needs-attention', hasPayload: true });
    expect(pipeline.expireUnresolved(new Date(), 4)).toEqual([]);
    const later = new Date(Date.now() + 4 * 3_600_000 + 1000);
    expect(pipeline.expireUnresolved(later, 4)).toEqual([result.value.jobId]);
    expect(store.get(result.value.jobId)).toMatchObject({
      status: 'voided',
      voidReason: 'expired',
      hasPayload: false,
    });
    expect(
      journal.audit.about(`print-job:${result.value.jobId}`).map((row) => [row.kind, row.actor]),
    ).toEqual([['print-job-expired', 'system']]);
  });
});
