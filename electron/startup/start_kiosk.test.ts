import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { AuditLog } from '../journal/audit_log.js';
import { openJournal } from '../journal/journal_database.js';
import { PrintJobStore } from '../journal/print_job_store.js';
import { StaffAlertStore } from '../journal/staff_alerts.js';
import { TransactionJournal } from '../journal/transaction_journal.js';
import { startKiosk } from './start_kiosk.js';

const shipped = JSON.parse(readFileSync('config/balcao.config.json', 'utf8')) as Record<string, unknown>;

function configFile(overrides: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-start-'));
  const path = join(dir, 'config.json');
  writeFileSync(
    path,
    JSON.stringify({ ...shipped, journal: { path: join(dir, 'journal.sqlite') }, ...overrides }),
  );
  return path;
}

function logSink() {
  const entries: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      entries.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { entries, destination, events: () => entries.map((e) => e.event) };
}

describe('startKiosk, the composition root both hosts call', () => {
  it('boots, logs what it loaded, runs the services and the devices, and stops cleanly', async () => {
    const log = logSink();
    const started = await startKiosk({
      host: 'browser',
      configPath: configFile(),
      logLevel: 'info',
      logDestination: log.destination,
    });
    if (!started.ok) throw new Error(started.error.message);
    const kiosk = started.value;
    expect(log.events().slice(0, 3)).toEqual(['config-loaded', 'journal-opened', 'signing-key-ephemeral']);
    expect(log.entries[0]).toMatchObject({ terminal: 'MO-DEV-01', mode: 'development', devices: 7 });
    expect(log.events()).toContain('kiosk-started');

    // The services answer through the router, and the kiosk's life reaches the log.
    const snapshot = await kiosk.app.router.call('kiosk.snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { terminalId: 'MO-DEV-01' } });
    await kiosk.app.router.call('session.start', { language: 'pt' });
    await kiosk.app.router.call('session.frobnicate', {});
    await kiosk.stop('test');
    await kiosk.stop('twice');
    expect(log.events()).toEqual(
      expect.arrayContaining(['session-started', 'rpc-refused', 'kiosk-stopping', 'session-ended']),
    );
    expect(log.events().filter((e) => e === 'kiosk-stopping')).toHaveLength(1);
  });

  it('settles what an earlier run left in the journal: held jobs past their retention, unfinished transactions', async () => {
    const configPath = configFile();
    const journalPath = join(configPath, '../journal.sqlite');
    const earlier = openJournal(journalPath);
    if (!earlier.ok) throw new Error(earlier.error.code);
    const logger = recordingLogger();
    const fiveHoursAgo = { now: () => Date.now() - 5 * 3_600_000 };
    const store = new PrintJobStore(earlier.value, logger, () => new Date(fiveHoursAgo.now()));
    const { job } = store.insert({
      idempotencyKey: 'earlier-run/ticket',
      printerId: 'ticket-printer',
      printerKind: 'ticket-printer',
      template: 'queue-ticket',
      jobName: 'queue-ticket',
      sessionId: 'session-of-an-earlier-run',
      payload: { format: 'mono-bitmap', bitmap: { width: 8, height: 1, data: Uint8Array.of(0xff) } },
    });
    store.markNeedsAttention(job.id, 'resident-session-ended-before-printing');
    const audit = new AuditLog(earlier.value, fiveHoursAgo);
    const alerts = new StaffAlertStore(earlier.value, { clock: fiveHoursAgo, audit, logger });
    const transaction = new TransactionJournal(earlier.value, { clock: fiveHoursAgo, audit, alerts }).start(
      'collection',
    );
    if (!transaction.ok) throw new Error(transaction.error.code);
    earlier.value.close();

    const log = logSink();
    const started = await startKiosk({
      host: 'browser',
      configPath,
      logLevel: 'info',
      logDestination: log.destination,
    });
    if (!started.ok) throw new Error(started.error.message);
    await started.value.app.journal.recovered;
    // The shipped configuration keeps unresolved bytes 4 hours; the job waited 5.
    expect(log.entries).toContainEqual(
      expect.objectContaining({ event: 'print-job-expired', jobId: job.id, retentionHours: 4 }),
    );
    expect(log.entries).toContainEqual(
      expect.objectContaining({ event: 'staff-alert-raised', kind: 'print-job-expired', printJobId: job.id }),
    );
    // No flow resolves collections yet: a person settles it.
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        event: 'transaction-handed-to-staff',
        transactionId: transaction.value.id,
        reason: 'no-resolver-for-kind',
      }),
    );
    expect(started.value.app.journal.audit.verify().ok).toBe(true);
    await started.value.stop('test');
  });

  it('logs a boot failure and returns the message and status the host shows', async () => {
    const log = logSink();
    const started = await startKiosk({
      host: 'electron',
      configPath: configFile({ mode: 'production' }),
      logLevel: 'info',
      logDestination: log.destination,
    });
    expect(started).toMatchObject({ ok: false, error: { exitCode: 78 } });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      event: 'kiosk-boot-failed',
      disposition: 'failure',
      host: 'electron',
      exitCode: 78,
      problem: expect.stringContaining('documents.signingKeyFile'),
    });
  });
});
