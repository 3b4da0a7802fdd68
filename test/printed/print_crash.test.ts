import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../electron/journal/journal_database.js';
import { PrintJobStore } from '../../electron/journal/print_job_store.js';
import { PrintPipeline } from '../../electron/journal/print_pipeline.js';
import { recordingLogger } from '../support/recording_logger.js';
import { FakePrinter } from './print_fake_printer.js';

const child = join(import.meta.dirname, '../fixtures/printed/print_crash_child.ts');

function crashAt(dbPath: string, step: 'sending' | 'sent'): void {
  const run = spawnSync('npx', ['tsx', child, dbPath, step], { encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).not.toMatch(/Error/);
  // npx's wrapper reports its killed child as exit 128 + 9; tsx run directly reports the signal itself.
  expect(run.signal === 'SIGKILL' || run.status === 137).toBe(true);
}

function reopen(dbPath: string): {
  store: PrintJobStore;
  printer: FakePrinter;
  pipeline: PrintPipeline;
  close(): void;
} {
  const opened = openJournal(dbPath);
  if (!opened.ok) throw new Error(opened.error.code);
  const store = new PrintJobStore(opened.value);
  const printer = new FakePrinter();
  const pipeline = new PrintPipeline(store, [{ id: 'ticket-1', kind: 'ticket', printer }], recordingLogger());
  return {
    store,
    printer,
    pipeline,
    close: () => {
      pipeline.close();
      opened.value.close();
    },
  };
}

describe('crash recovery of print jobs (SIGKILL in a child process)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'balcao-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('killed while sending: needs attention, not reprinted, until staff ask — then printed once', async () => {
    const dbPath = join(dir, 'journal.db');
    crashAt(dbPath, 'sending');
    const kiosk = reopen(dbPath);
    expect(kiosk.store.get(1)?.status).toBe('sending');
    const report = kiosk.pipeline.recover();
    expect(report).toEqual({ confirmed: [], needsAttention: [1] });
    expect(kiosk.store.get(1)).toMatchObject({ status: 'needs-attention', hasPayload: true, attempts: 1 });
    expect(kiosk.store.get(1)?.attentionReason).toMatch(/outcome unknown/);
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
      payload: { format: 'mono-bitmap', bitmap: { width: 8, height: 1, data: Uint8Array.of(0xff) } },
    });
    expect(retried.ok && retried.value).toMatchObject({ duplicate: true, status: 'needs-attention' });
    expect(kiosk.printer.calls).toBe(0);
    const reprint = await kiosk.pipeline.reprint(1, 'staff:0042', 'tray was empty');
    expect(reprint.ok && reprint.value.status).toBe('confirmed');
    expect(kiosk.printer.printedRasters).toEqual([{ width: 8, height: 1, data: Uint8Array.of(0xff) }]);
    kiosk.close();
  });

  it('killed after sent: the printer had confirmed, so recovery confirms and drops the bytes', () => {
    const dbPath = join(dir, 'journal.db');
    crashAt(dbPath, 'sent');
    const kiosk = reopen(dbPath);
    expect(kiosk.pipeline.recover()).toEqual({ confirmed: [1], needsAttention: [] });
    expect(kiosk.store.get(1)).toMatchObject({ status: 'confirmed', hasPayload: false });
    expect(kiosk.store.counters('ticket-1').tickets).toBe(1);
    expect(kiosk.printer.calls).toBe(0);
    kiosk.close();
  });
});
