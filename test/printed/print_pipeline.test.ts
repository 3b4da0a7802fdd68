import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLog } from '../../electron/journal/audit_log.js';
import type { PrintJobStore } from '../../electron/journal/print_job_store.js';
import type {
  PrintPipeline,
  PrintPipelineEvent,
  PrintRequest,
} from '../../electron/journal/print_pipeline.js';
import { FakePrinter } from './print_fake_printer.js';
import { openPrintTestJournal, type PrintTestJournal } from './print_test_journal.js';

function ticket(key: string, fill = 0xaa): PrintRequest {
  return {
    idempotencyKey: key,
    printerId: 'ticket-1',
    template: 'queue-ticket',
    jobName: 'queue-ticket',
    payload: {
      format: 'mono-bitmap',
      bitmap: { width: 16, height: 2, data: Uint8Array.of(fill, fill, fill, fill) },
    },
  };
}

/** A one-page proof of identity for the A4 printer (the bytes need not be a real PDF: the fake prints anything). */
function proof(key: string): PrintRequest {
  return {
    idempotencyKey: key,
    printerId: 'a4-1',
    template: 'identity-proof',
    jobName: 'identity-proof',
    payload: { format: 'pdf', pdf: new TextEncoder().encode('%PDF-1.7'), pages: 1 },
  };
}

describe('print pipeline', () => {
  let dir: string;
  let journal: PrintTestJournal;
  let store: PrintJobStore;
  let audit: AuditLog;
  let printer: FakePrinter;
  let a4: FakePrinter;
  let pipeline: PrintPipeline;
  let events: PrintPipelineEvent[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-print-'));
    printer = new FakePrinter();
    a4 = new FakePrinter();
    journal = openPrintTestJournal(join(dir, 'journal.db'), [
      { id: 'ticket-1', kind: 'ticket-printer', printer },
      { id: 'a4-1', kind: 'document-printer', printer: a4 },
    ]);
    ({ store, audit, pipeline } = journal);
    events = [];
    pipeline.onEvent((event) => events.push(event));
  });

  afterEach(() => {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints, confirms, drops the bytes and counts the ticket', async () => {
    const result = await pipeline.submit(ticket('txn-1/queue'));
    expect(result).toEqual({
      ok: true,
      value: { jobId: 1, duplicate: false, status: 'confirmed', failureReason: null },
    });
    expect(printer.printedRasters).toHaveLength(1);
    const job = store.get(1);
    expect(job?.hasPayload).toBe(false);
    expect(job?.confirmedAt).not.toBeNull();
    expect(store.events(1).map((e) => e.toStatus)).toEqual(['queued', 'sending', 'sent', 'confirmed']);
    expect(store.counters('ticket-1')).toEqual({
      printerId: 'ticket-1',
      pages: 0,
      tickets: 1,
      paperChanges: 0,
      printedSinceRefill: 1,
      refilledAt: null,
    });
    expect(events.map((e) => e.type)).toEqual(['job-queued', 'job-confirmed']);
  });

  it('counts A4 pages and passes the job name to the spooler', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.3 fake');
    const result = await pipeline.submit({
      idempotencyKey: 'txn-2/proof',
      printerId: 'a4-1',
      template: 'identity-proof',
      jobName: 'balcao-identity-proof-7',
      payload: { format: 'pdf', pdf, pages: 2 },
    });
    expect(result.ok && result.value.status).toBe('confirmed');
    expect(a4.printedPdfs[0]?.jobName).toBe('balcao-identity-proof-7');
    expect(store.counters('a4-1').pages).toBe(2);
  });

  it('never prints the same idempotency key twice', async () => {
    await pipeline.submit(ticket('txn-3/queue'));
    const again = await pipeline.submit(ticket('txn-3/queue'));
    expect(again.ok && again.value).toMatchObject({ jobId: 1, duplicate: true, status: 'confirmed' });
    expect(printer.calls).toBe(1);
  });

  it('rejects a PDF sent to a ticket printer and an unknown printer', async () => {
    const wrong = await pipeline.submit({
      ...ticket('k'),
      payload: { format: 'pdf', pdf: Uint8Array.of(1), pages: 1 },
    });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'payload-mismatch', printerId: 'ticket-1', expected: 'ticket-printer' },
    });
    const unknown = await pipeline.submit({ ...ticket('k2'), printerId: 'nope' });
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-printer', printerId: 'nope' } });
  });

  it('paper out mid-job: keeps the job failed, tells the UI, resumes and counts the paper change', async () => {
    printer.failNext({ reason: 'no-paper' });
    const result = await pipeline.submit(ticket('txn-4/queue'));
    expect(result.ok && result.value).toMatchObject({ status: 'failed', failureReason: 'no-paper' });
    expect(store.get(1)?.hasPayload).toBe(true);
    expect(events).toContainEqual({
      type: 'job-blocked',
      jobId: 1,
      printerId: 'ticket-1',
      reason: 'no-paper',
    });

    // A second job while the paper is out waits in the queue, and is not sent.
    await pipeline.submit(ticket('txn-5/queue', 0x55));
    expect(store.get(2)?.status).toBe('queued');
    expect(events).toContainEqual({
      type: 'job-waiting',
      jobId: 2,
      printerId: 'ticket-1',
      printerState: 'no-paper',
    });
    expect(printer.calls).toBe(1);

    printer.setState({ state: 'ready' });
    await pipeline.idle();
    expect(store.get(1)?.status).toBe('confirmed');
    expect(store.get(2)?.status).toBe('confirmed');
    // Original order is kept: the blocked job prints before the one queued after it.
    expect(printer.printedRasters.map((r) => r.data[0])).toEqual([0xaa, 0x55]);
    expect(events).toContainEqual({ type: 'job-resumed', jobId: 1, printerId: 'ticket-1' });
    expect(events).toContainEqual({ type: 'paper-changed', printerId: 'ticket-1' });
    expect(store.counters('ticket-1')).toMatchObject({ tickets: 2, paperChanges: 1 });
    expect(store.get(1)?.attempts).toBe(2);
  });

  it('unplug mid-job: failed{disconnected}, resumed when plugged back in', async () => {
    printer.failNext({ reason: 'disconnected' });
    await pipeline.submit(ticket('txn-6/queue'));
    expect(store.get(1)).toMatchObject({ status: 'failed', failureReason: 'disconnected', hasPayload: true });
    printer.setState({ state: 'disconnected' });
    expect(store.get(1)?.status).toBe('failed');
    printer.setState({ state: 'ready' });
    await pipeline.idle();
    expect(store.get(1)?.status).toBe('confirmed');
    expect(store.counters('ticket-1').paperChanges).toBe(0);
  });

  it('a timeout is an unknown outcome: needs attention, no automatic retry', async () => {
    printer.failNext({ reason: 'timeout' });
    await pipeline.submit(ticket('txn-7/queue'));
    expect(store.get(1)).toMatchObject({ status: 'needs-attention', hasPayload: true });
    printer.setState({ state: 'ready' });
    await pipeline.idle();
    expect(printer.calls).toBe(1);
  });

  it('a spooler fault is not printed and not retried: staff read which one, the screen is told by name', async () => {
    const faults = [
      { failure: { reason: 'queue-stopped' }, reason: 'queue-stopped' },
      {
        failure: { reason: 'job-aborted', detail: 'aborted-by-system' },
        reason: 'job-aborted',
      },
      {
        failure: { reason: 'spooler-unavailable', detail: 'connect ENOENT' },
        reason: 'spooler-unavailable',
      },
    ] as const;
    for (const [i, { failure, reason }] of faults.entries()) {
      a4.failNext(failure);
      await pipeline.submit(proof(`txn-spool-${i}`));
      expect(store.get(i + 1)).toMatchObject({
        status: 'needs-attention',
        attentionReason: reason,
        hasPayload: true,
      });
      expect(events.at(-1)).toEqual({
        type: 'job-needs-attention',
        jobId: i + 1,
        printerId: 'a4-1',
        reason,
        failure: failure.reason,
      });
    }
    await pipeline.idle();
    expect(a4.calls).toBe(3);
    expect(a4.printedPdfs).toHaveLength(0);
  });

  it('a job waiting for a printer in error carries its code (a stopped CUPS queue)', async () => {
    a4.setState({ state: 'error', code: 'queue-stopped' });
    await pipeline.submit(proof('txn-stopped'));
    expect(store.get(1)?.status).toBe('queued');
    expect(events).toContainEqual({
      type: 'job-waiting',
      jobId: 1,
      printerId: 'a4-1',
      printerState: 'error',
      printerCode: 'queue-stopped',
    });
    expect(a4.calls).toBe(0);
  });

  it('reprint of a needs-attention job is recorded with who and why in the audit log', async () => {
    printer.failNext({ reason: 'timeout' });
    await pipeline.submit(ticket('txn-8/queue'));
    const reprinted = await pipeline.reprint(1, 'staff-0042', 'tray empty after timeout');
    expect(reprinted.ok && reprinted.value.status).toBe('confirmed');
    const [row] = audit.about('print-job:1');
    expect(row).toMatchObject({ kind: 'print-job-reprinted', actor: 'staff:staff-0042' });
    expect(JSON.parse(row?.content ?? '{}').event).toEqual({
      kind: 'print-job-reprinted',
      printJobId: 1,
      reason: 'tray empty after timeout',
    });
    expect(store.events(1).some((e) => e.detail === 'reprint requested by staff')).toBe(true);
    expect(printer.calls).toBe(2);
    expect(audit.verify().ok).toBe(true);
  });

  it('a staff action whose audit record is refused changes nothing', async () => {
    printer.failNext({ reason: 'timeout' });
    await pipeline.submit(ticket('txn-8b/queue'));
    const refused = pipeline.voidJob(1, 'staff-0042', 'x'.repeat(201));
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-event', fields: ['reason'] } });
    expect(store.get(1)).toMatchObject({ status: 'needs-attention', hasPayload: true });
    expect(audit.recent()).toEqual([]);
    const badStaff = await pipeline.reprint(1, 'not a staff id', 'resident came back');
    expect(badStaff).toEqual({ ok: false, error: { code: 'invalid-actor' } });
    expect(store.get(1)?.status).toBe('needs-attention');
    expect(printer.calls).toBe(1);
  });

  it('reprint of a confirmed job is a new job linked to the original; void drops bytes', async () => {
    await pipeline.submit(ticket('txn-9/queue'));
    const reprinted = await pipeline.reprintConfirmed(
      1,
      ticket('ignored').payload,
      'staff-7',
      'jammed at the cutter',
    );
    expect(reprinted.ok && reprinted.value).toMatchObject({ jobId: 2, status: 'confirmed' });
    expect(store.get(2)).toMatchObject({ reprintOf: 1, sessionId: null });
    expect(JSON.parse(audit.about('print-job:1')[0]?.content ?? '{}').event).toEqual({
      kind: 'print-job-reprinted',
      printJobId: 1,
      newPrintJobId: 2,
      reason: 'jammed at the cutter',
    });
    expect(await pipeline.reprint(1, 'staff-7', 'again')).toEqual({
      ok: false,
      error: { code: 'wrong-status', jobId: 1, status: 'confirmed' },
    });
    // The refused reprint left no record.
    expect(audit.about('print-job:1')).toHaveLength(1);

    printer.failNext({ reason: 'error', detail: 'cutter' });
    await pipeline.submit(ticket('txn-10/queue'));
    expect(pipeline.voidJob(3, 'staff-7', 'resident left').ok).toBe(true);
    expect(store.get(3)).toMatchObject({
      status: 'voided',
      hasPayload: false,
      voidReason: 'voided-by-staff',
    });
    expect(audit.about('print-job:3').map((row) => [row.kind, row.actor])).toEqual([
      ['print-job-voided', 'staff:staff-7'],
    ]);
  });

  it('a printer that is not ready keeps the job queued without sending', async () => {
    printer.setState({ state: 'cover-open' });
    await pipeline.submit(ticket('txn-11/queue'));
    expect(store.get(1)?.status).toBe('queued');
    expect(printer.calls).toBe(0);
    printer.setState({ state: 'paper-low' });
    await pipeline.idle();
    expect(store.get(1)?.status).toBe('confirmed');
  });

  it('recovery confirms sent jobs and puts every other unfinished job in front of staff', () => {
    const sent = store.insert({ ...ticket('a'), sessionId: null, printerKind: 'ticket-printer' }).job.id;
    store.markSending(sent);
    store.markSent(sent);
    const sending = store.insert({ ...ticket('b'), sessionId: null, printerKind: 'ticket-printer' }).job.id;
    store.markSending(sending);
    const queued = store.insert({ ...ticket('c'), sessionId: null, printerKind: 'ticket-printer' }).job.id;
    const report = pipeline.recover();
    expect(report).toEqual({ confirmed: [sent], needsAttention: [sending, queued] });
    expect(store.get(sending)?.attentionReason).toBe('interrupted-while-sending');
    expect(store.get(queued)?.attentionReason).toBe('not-printed-before-restart');
    expect(store.get(sent)?.hasPayload).toBe(false);
    expect(printer.calls).toBe(0);
  });
});
