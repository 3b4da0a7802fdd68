/**
 * Personal data must leave the journal's files, not only its rows: a confirmed, voided or expired job's bytes
 * must not be readable in the SQLite file's free pages nor in its write-ahead log. The test reads the raw files
 * byte for byte, as someone who copied the disk would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobStore } from '../../electron/journal/print_job_store.js';
import type { PrintPipeline } from '../../electron/journal/print_pipeline.js';
import { DocumentPrintService } from '../../electron/printed/document_print_service.js';
import { sampleInput } from '../../electron/printed/samples/sample_inputs.js';
import { testSigningKey } from '../fixtures/printed/test_terminal_key.js';
import { FakePrinter } from './print_fake_printer.js';
import { openPrintTestJournal, type PrintTestJournal } from './print_test_journal.js';

const marker = 'BALCAO-RESIDUE-MARKER-5f0c2a9e';

/** A PDF-shaped payload: a header, the marker as a comment, and enough bytes to spill onto overflow pages. */
function markedPdf(fill: number): Uint8Array {
  const head = new TextEncoder().encode(`%PDF-1.7\n%${marker}\n`);
  const body = new Uint8Array(24_000).fill(fill);
  const pdf = new Uint8Array(head.length + body.length);
  pdf.set(head);
  pdf.set(body, head.length);
  return pdf;
}

function journalFiles(path: string): { name: string; bytes: Buffer }[] {
  return [path, `${path}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => ({ name: file, bytes: readFileSync(file) }));
}

function filesContaining(path: string, needle: Uint8Array | string): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle);
  return journalFiles(path)
    .filter((file) => file.bytes.includes(bytes))
    .map((file) => file.name);
}

describe('document bytes leave the journal files', () => {
  let dir: string;
  let path: string;
  let journal: PrintTestJournal;
  let store: PrintJobStore;
  let a4: FakePrinter;
  let ticket: FakePrinter;
  let pipeline: PrintPipeline;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-residue-'));
    path = join(dir, 'journal.sqlite');
    a4 = new FakePrinter();
    ticket = new FakePrinter();
    journal = openPrintTestJournal(path, [
      { id: 'a4-1', kind: 'document-printer', printer: a4 },
      { id: 'ticket-1', kind: 'ticket-printer', printer: ticket },
    ]);
    ({ store, pipeline } = journal);
  });

  afterEach(() => {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after confirming, voiding and expiring jobs, neither the database nor its WAL holds their bytes', async () => {
    // 1. A real identity proof, rendered and confirmed.
    const documents = new DocumentPrintService(pipeline, {
      ticketPrinterId: 'ticket-1',
      documentPrinterId: 'a4-1',
      signingKey: testSigningKey,
    });
    const proof = await documents.print('identity-proof', sampleInput('identity-proof', 'en'), {
      idempotencyKey: 'proof-1',
    });
    if (!proof.ok) throw new Error(JSON.stringify(proof.error));
    const proofPdf = a4.printedPdfs[0]?.pdf ?? new Uint8Array();
    expect(proofPdf.length).toBeGreaterThan(1000);
    // A slice of the compressed content stream: what a disk search would find of the document itself.
    const proofSlice = proofPdf.subarray(proofPdf.length >> 1, (proofPdf.length >> 1) + 48);

    /** A marked document whose printer timed out: its outcome unknown, it waits for staff with its bytes. */
    const heldForStaff = async (key: string, fill: number) => {
      a4.failNext({ reason: 'timeout' });
      const held = await pipeline.submit({
        idempotencyKey: key,
        printerId: 'a4-1',
        template: 'identity-proof',
        jobName: 'balcao-identity-proof',
        payload: { format: 'pdf', pdf: markedPdf(fill), pages: 1 },
      });
      if (!held.ok || held.value.status !== 'needs-attention') throw new Error('job not held for staff');
      return held;
    };

    // 2. A job whose outcome was unknown, voided by staff.
    const voided = await heldForStaff('void-1', 0x11);
    // While a job is unresolved its bytes are meant to be there: the search finds them (the test can fail).
    expect(filesContaining(path, marker)).not.toEqual([]);
    expect(pipeline.voidJob(voided.value.jobId, 'staff-042', 'resident left').ok).toBe(true);

    // 3. A job nobody resolved, expired by the retention limit.
    const expiring = await heldForStaff('expire-1', 0x22);
    const expired = pipeline.expireUnresolved(new Date(Date.now() + 5 * 3_600_000), 4);
    expect(expired).toEqual([expiring.value.jobId]);

    for (const job of [proof.value.jobId, voided.value.jobId, expiring.value.jobId])
      expect(store.get(job)?.hasPayload).toBe(false);
    // The kiosk is still running: the files as they are on disk now.
    expect(filesContaining(path, '%PDF')).toEqual([]);
    expect(filesContaining(path, marker)).toEqual([]);
    expect(filesContaining(path, proofSlice)).toEqual([]);
    journal.db.close();
    expect(filesContaining(path, '%PDF')).toEqual([]);
    expect(filesContaining(path, marker)).toEqual([]);
  });

  it('logs a WAL truncation a reader kept from finishing; the next scrubbing transaction finishes it', async () => {
    a4.failNext({ reason: 'timeout' });
    const held = await pipeline.submit({
      idempotencyKey: 'held-1',
      printerId: 'a4-1',
      template: 'identity-proof',
      jobName: 'balcao-identity-proof',
      payload: { format: 'pdf', pdf: markedPdf(0x33), pages: 1 },
    });
    if (!held.ok || held.value.status !== 'needs-attention') throw new Error('job not held for staff');
    // `balcao audit verify` running beside the kiosk: a read transaction open on the journal.
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM audit_log').get();
    // The kiosk waits up to 5 s for readers; the test does not.
    journal.db.pragma('busy_timeout = 0');

    expect(pipeline.voidJob(held.value.jobId, 'staff-042', 'resident left').ok).toBe(true);
    expect(journal.logger.of('journal-checkpoint-deferred')).toEqual([
      { walPages: expect.any(Number), checkpointedPages: expect.any(Number) },
    ]);
    expect(filesContaining(path, marker)).not.toEqual([]);

    reader.exec('COMMIT');
    reader.close();
    const ticketJob = await pipeline.submit({
      idempotencyKey: 'ticket-1',
      printerId: 'ticket-1',
      template: 'queue-ticket',
      jobName: 'queue-ticket',
      payload: { format: 'mono-bitmap', bitmap: { width: 8, height: 1, data: Uint8Array.of(0xff) } },
    });
    expect(ticketJob.ok && ticketJob.value.status).toBe('confirmed');
    expect(filesContaining(path, marker)).toEqual([]);
    expect(journal.logger.of('journal-checkpoint-deferred')).toHaveLength(1);
  });
});
