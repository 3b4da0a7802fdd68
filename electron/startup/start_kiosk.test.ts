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
import { exitStatus } from './exit_status.js';
import type { KioskHostKind } from './kiosk_arguments.js';
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

/** startKiosk on a configuration file, with its log lines kept. */
async function startLogged(configPath: string, host: KioskHostKind = 'browser') {
  const log = logSink();
  const started = await startKiosk({ host, configPath, logLevel: 'info', logDestination: log.destination });
  return { log, started };
}

describe('startKiosk, the composition root both hosts call', () => {
  it('boots, logs what it loaded, runs the services and the devices, and stops cleanly', async () => {
    const { log, started } = await startLogged(configFile());
    if (!started.ok) throw new Error(started.error.message);
    const kiosk = started.value;
    expect(log.events().slice(0, 3)).toEqual(['config-loaded', 'journal-opened', 'signing-key-ephemeral']);
    expect(log.entries[0]).toMatchObject({ terminal: 'MO-DEV-01', mode: 'development', devices: 9 });
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
      'identity-proof',
    );
    if (!transaction.ok) throw new Error(transaction.error.code);
    earlier.value.close();

    const { log, started } = await startLogged(configPath);
    if (!started.ok) throw new Error(started.error.message);
    await started.value.app.journal.recovered;
    // The shipped configuration keeps unresolved bytes 4 hours; the job waited 5.
    expect(log.entries).toContainEqual(
      expect.objectContaining({ event: 'print-job-expired', jobId: job.id, retentionHours: 4 }),
    );
    expect(log.entries).toContainEqual(
      expect.objectContaining({ event: 'staff-alert-raised', kind: 'print-job-expired', printJobId: job.id }),
    );
    // A proof of identity that stopped before any page was made carries a code no paper holds: voided, no person
    // needed (proof_resolver.ts).
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        event: 'transaction-recovered',
        transactionId: transaction.value.id,
        kind: 'identity-proof',
        from: 'started',
        outcome: 'voided',
      }),
    );
    expect(started.value.app.journal.audit.verify().ok).toBe(true);
    await started.value.stop('test');
  });

  it('logs a boot failure and returns the message and status the host shows', async () => {
    const { log, started } = await startLogged(configFile({ mode: 'production' }), 'electron');
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

describe('startKiosk and the backend', () => {
  it('seeds the embedded backend in its own file beside the journal on first start, and opens it after', async () => {
    const configPath = configFile();
    const backendFile = join(configPath, '../backend.sqlite');
    const first = await startLogged(configPath);
    if (!first.started.ok) throw new Error(first.started.error.message);
    expect(first.log.entries).toContainEqual(
      expect.objectContaining({ event: 'backend-embedded-seeded', path: backendFile }),
    );
    // The kiosk's own terminal is known to the backend it booted with.
    const profile = await first.started.value.backend.terminalProfile({ terminalId: 'MO-DEV-01' });
    expect(profile).toMatchObject({
      ok: true,
      value: { centreId: (shipped.site as { centreId: string }).centreId },
    });
    await first.started.value.stop('test');
    expect(readFileSync(backendFile).subarray(0, 15).toString()).toBe('SQLite format 3');

    const second = await startLogged(configPath);
    if (!second.started.ok) throw new Error(second.started.error.message);
    expect(second.log.entries).toContainEqual(
      expect.objectContaining({
        event: 'backend-embedded-opened',
        path: backendFile,
        catalogueReplaced: false,
      }),
    );
    expect(second.log.events()).not.toContain('backend-embedded-seeded');
    await second.started.value.stop('test');
  });

  it('refuses to start when the embedded backend cannot be opened (74) or a TLS file is missing (78)', async () => {
    const configPath = configFile();
    const notAFolder = join(configPath, 'backend.sqlite');
    const unopenable = await startLogged(configFile({ backend: { kind: 'embedded', path: notAFolder } }));
    expect(unopenable.started).toMatchObject({ ok: false, error: { exitCode: exitStatus.ioError } });
    expect(unopenable.log.entries.at(-1)).toMatchObject({
      event: 'kiosk-boot-failed',
      problem: expect.stringContaining(notAFolder),
    });
    const noCa = await startLogged(
      configFile({
        backend: { kind: 'http', baseUrl: 'https://127.0.0.1:9', tls: { caFile: '/nonexistent/ca.pem' } },
      }),
    );
    expect(noCa.started).toMatchObject({ ok: false, error: { exitCode: exitStatus.config } });
    expect(noCa.log.entries.at(-1)).toMatchObject({
      event: 'kiosk-boot-failed',
      problem: expect.stringContaining('/nonexistent/ca.pem'),
    });
  });

  it('logs a gateway that does not answer, and the circuit opening, without the request', async () => {
    // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once. A terminal without the
    // booking flows, which fetch the catalogue at start: their call would share the circuit with the one under test.
    const { log, started } = await startLogged(
      configFile({
        services: ['collect-document'],
        backend: {
          kind: 'http',
          baseUrl: 'http://127.0.0.1:9',
          retries: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
          circuit: { failureThreshold: 2, cooldownMs: 60_000 },
        },
      }),
    );
    if (!started.ok) throw new Error(started.error.message);
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        event: 'backend-http-configured',
        baseUrl: 'http://127.0.0.1:9',
        mutualTls: false,
      }),
    );
    // The kiosk's first calls, at start, are its heartbeat and its signing key's registration, side by side: they
    // find nobody, the circuit opens after two failures between them, and each call reports how it ended.
    const deadline = Date.now() + 10_000;
    const seen = () =>
      ['backend-circuit-opened', 'backend-unreachable'].every((e) => log.events().includes(e));
    while (!seen() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        event: 'backend-unreachable',
        disposition: 'failure',
        method: expect.stringMatching(/^(reportHeartbeat|registerPublicKey)$/),
        error: 'unreachable',
        detail: 'ECONNREFUSED',
      }),
    );
    expect(log.events()).toContain('backend-circuit-opened');
    expect(log.events()).toContain('heartbeat-backend-unreachable');
    // With the circuit open a staff PIN is not even sent.
    const pin = await started.value.backend.checkStaffPin({
      idempotencyKey: 'start-kiosk-test-0001',
      staffId: 'S0001',
      terminalId: 'MO-DEV-01',
      pin: '135790',
    });
    expect(pin).toMatchObject({ ok: false, error: { kind: 'unreachable', neverSent: true } });
    expect(JSON.stringify(log.entries)).not.toContain('135790');
    await started.value.stop('test');
  });
});
