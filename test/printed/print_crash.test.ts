/**
 * Crash recovery of print jobs: a child process prints one ticket on a slow printer and is killed with SIGKILL
 * exactly at a transition (see the child's header); the journal is then reopened as the next start would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crashTicket, crashTicketMarker } from '../fixtures/printed/crash_ticket.js';
import { runUntilKilled } from '../support/killed_child.js';
import { FakePrinter } from './print_fake_printer.js';
import { openPrintTestJournal, type PrintTestJournal } from './print_test_journal.js';

const child = join(import.meta.dirname, '../fixtures/printed/print_crash_child.ts');

/** Whether the ticket's bytes can be read in the journal's files, as someone who copied the disk would. */
function ticketOnDisk(dbPath: string): boolean {
  return [dbPath, `${dbPath}-wal`].some(
    (file) => existsSync(file) && readFileSync(file).includes(Buffer.from(crashTicketMarker)),
  );
}

function restart(dbPath: string): PrintTestJournal & { printer: FakePrinter } {
  const printer = new FakePrinter();
  return { ...openPrintTestJournal(dbPath, [{ id: 'ticket-1', kind: 'ticket-printer', printer }]), printer };
}

describe('crash recovery of print jobs (SIGKILL in a child process)', () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-crash-'));
    dbPath = join(dir, 'journal.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('killed with the job queued: held for staff, not printed into an unattended tray', async () => {
    runUntilKilled(child, [dbPath, 'queued']);
    const kiosk = restart(dbPath);
    expect(kiosk.store.get(1)).toMatchObject({ status: 'queued', sessionId: 'session-1', attempts: 0 });
    expect(kiosk.pipeline.recover()).toEqual({ confirmed: [], needsAttention: [1] });
    expect(kiosk.store.get(1)?.attentionReason).toBe('not-printed-before-restart');
    kiosk.printer.setState({ state: 'ready' });
    await kiosk.pipeline.idle();
    expect(kiosk.printer.calls).toBe(0);
    kiosk.close();
  });

  it('killed while the slow printer had the job: needs attention, not reprinted until staff ask — then once', async () => {
    runUntilKilled(child, [dbPath, 'sending']);
    const kiosk = restart(dbPath);
    expect(kiosk.store.get(1)?.status).toBe('sending');
    const report = kiosk.pipeline.recover();
    expect(report).toEqual({ confirmed: [], needsAttention: [1] });
    expect(kiosk.store.get(1)).toMatchObject({ status: 'needs-attention', hasPayload: true, attempts: 1 });
    expect(kiosk.store.get(1)?.attentionReason).toBe('interrupted-while-sending');
    // The printer is ready and nothing is printed by itself.
    kiosk.printer.setState({ state: 'ready' });
    await kiosk.pipeline.idle();
    expect(kiosk.printer.calls).toBe(0);
    // The service retrying with the same key after restart does not print either.
    const retried = await kiosk.pipeline.submit({
      idempotencyKey: 'txn-crash/queue',
      printerId: 'ticket-1',
      template: 'queue-ticket',
      jobName: 'queue-ticket',
      payload: { format: 'mono-bitmap', bitmap: crashTicket() },
    });
    expect(retried.ok && retried.value).toMatchObject({ duplicate: true, status: 'needs-attention' });
    expect(kiosk.printer.calls).toBe(0);
    const reprint = await kiosk.pipeline.reprint(1, 'staff-0042', 'tray was empty');
    expect(reprint.ok && reprint.value.status).toBe('confirmed');
    expect(kiosk.printer.printedRasters).toEqual([crashTicket()]);
    kiosk.close();
  });

  it('killed between the slow printer’s answer and the confirmation: recovery confirms, drops the bytes', () => {
    runUntilKilled(child, [dbPath, 'sent']);
    expect(ticketOnDisk(dbPath)).toBe(true);
    const kiosk = restart(dbPath);
    // The job the pipeline left, exactly between the two commits.
    expect(kiosk.store.get(1)).toMatchObject({ status: 'sent', hasPayload: true, attempts: 1 });
    expect(kiosk.store.events(1).map((e) => e.toStatus)).toEqual(['queued', 'sending', 'sent']);
    expect(kiosk.pipeline.recover()).toEqual({ confirmed: [1], needsAttention: [] });
    expect(kiosk.store.get(1)).toMatchObject({ status: 'confirmed', hasPayload: false });
    expect(kiosk.store.counters('ticket-1').tickets).toBe(1);
    expect(kiosk.printer.calls).toBe(0);
    // Confirmed in recovery is confirmed like any other: the ticket's bytes are gone from the files.
    expect(ticketOnDisk(dbPath)).toBe(false);
    kiosk.close();
  });
});
