import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake_clock.js';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { recordingLogger } from '../../../test/support/recording_logger.js';
import { AuditLog } from '../../journal/audit_log.js';
import { openJournal } from '../../journal/journal_database.js';
import { PrintJobStore } from '../../journal/print_job_store.js';
import { StaffAlertStore } from '../../journal/staff_alerts.js';
import { TransactionJournal } from '../../journal/transaction_journal.js';
import { TransactionRecovery } from '../../journal/transaction_recovery.js';
import type { ProofOfIdentityFlowView } from '../../rpc/flows/proof_of_identity_contract.js';
import { proofPrintKey, registerOperation } from './proof_issue.js';
import { proofResolver } from './proof_resolver.js';

/**
 * Recovery of a proof of identity, one case per place a kiosk can die: the transaction and its print job are written
 * as proof_issue.ts and the print pipeline write them, then recovery asks the resolver what became of each. Then the
 * same through a kiosk that is stopped mid-flow and started again on its journal file.
 */
describe('proof of identity resolver', () => {
  let journal: TransactionJournal;
  let jobs: PrintJobStore;
  let recovery: TransactionRecovery;
  let close: () => void;

  beforeEach(() => {
    const clock = new FakeClock(Date.now());
    const db = openJournal(':memory:');
    if (!db.ok) throw new Error('setup');
    const logger = recordingLogger();
    const audit = new AuditLog(db.value, clock);
    const alerts = new StaffAlertStore(db.value, { clock, audit, logger });
    journal = new TransactionJournal(db.value, { clock, audit, alerts, bootId: 'earlier-run' });
    jobs = new PrintJobStore(db.value, logger);
    const resolver = proofResolver({ printJobStatus: (key) => jobs.byKey(key)?.status });
    const thisRun = new TransactionJournal(db.value, { clock, audit, alerts, bootId: 'this-run' });
    recovery = new TransactionRecovery({
      transactions: thisRun,
      resolvers: { 'identity-proof': resolver },
      logger,
    });
    close = () => db.value.close();
  });
  afterEach(() => close());

  type Stop = 'started' | 'identified' | 'registering' | 'reserved' | 'printed';
  /** A proof as the flow leaves it at `stop`; with `job`, its print job in that status. */
  function leftAt(stop: Stop, job?: 'queued' | 'sent' | 'needs-attention' | 'voided'): number {
    const started = journal.start('identity-proof', 'session-1');
    if (!started.ok) throw new Error('start');
    const id = started.value.id;
    if (stop === 'started') return id;
    journal.advance(id, 'identified');
    journal.recordSubject(id, 'ABCD-EFGH-JKMN');
    if (stop === 'identified') return id;
    const call = journal.recordCall(id, registerOperation);
    if (!call.ok) throw new Error('call');
    if (stop === 'registering') return id;
    journal.advance(id, 'reserved');
    if (job) {
      const { job: row } = jobs.insert({
        idempotencyKey: proofPrintKey(call.value.idempotencyKey),
        printerId: 'a4',
        printerKind: 'document-printer',
        template: 'identity-proof',
        jobName: 'identity-proof',
        sessionId: 'session-1',
        payload: { format: 'pdf', pdf: new Uint8Array([37, 80, 68, 70]), pages: 1 },
      });
      if (job === 'sent' || job === 'needs-attention') jobs.markSending(row.id);
      if (job === 'sent') jobs.markSent(row.id);
      if (job === 'needs-attention') jobs.markNeedsAttention(row.id, 'interrupted-while-sending');
      if (job === 'voided') jobs.void(row.id, 'voided-by-staff');
    }
    if (stop === 'printed') journal.advance(id, 'printed');
    return id;
  }

  it('nothing printed: voided, whether or not the backend registered the code', async () => {
    const ids = [leftAt('started'), leftAt('identified'), leftAt('registering'), leftAt('reserved')];
    const report = await recovery.run();
    expect(report.voided.sort()).toEqual(ids.sort());
    for (const id of ids) expect(journal.get(id)).toMatchObject({ state: 'voided' });
  });

  it('the page left the printer: confirmed, once', async () => {
    const sent = leftAt('reserved', 'sent');
    const printed = leftAt('printed', 'sent');
    expect((await recovery.run()).confirmed.sort()).toEqual([sent, printed].sort());
    expect(journal.get(sent)).toMatchObject({ state: 'confirmed' });
    expect(await recovery.run()).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
  });

  it('a page that may be in the tray goes to staff; one staff voided is voided', async () => {
    const queued = leftAt('reserved', 'queued');
    const unknown = leftAt('reserved', 'needs-attention');
    const voided = leftAt('reserved', 'voided');
    const report = await recovery.run();
    expect(report.needsStaff.sort()).toEqual([queued, unknown].sort());
    expect(report.voided).toEqual([voided]);
    expect(journal.get(queued)).toMatchObject({ needsStaffReason: 'owner-asks-for-staff' });
  });
});

describe('a kiosk stopped in the middle of a proof, started again', () => {
  const devices = [
    { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
    { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
    { id: 'a4', kind: 'document-printer', transport: 'simulated' },
    { id: 'reader', kind: 'document-reader', transport: 'simulated' },
  ];
  let kiosk: KioskAppFixture | null = null;
  afterEach(async () => {
    await kiosk?.close();
    kiosk = null;
  });

  async function start(journalPath: string): Promise<KioskAppFixture> {
    kiosk = await startKioskAppFixture(
      {
        terminal: { id: 'MO-DEV-01' },
        services: ['proof-of-identity'],
        devices,
        documents: { trustSimulatorCsca: true },
      },
      { clockStart: Date.now(), backend: 'embedded', journalPath },
    );
    return kiosk;
  }

  it('paper out while printing, then a restart: the proof goes to staff (a page may come out), never reprinted', async () => {
    const path = `${process.env.TMPDIR ?? '/tmp'}/balcao-proof-crash-${process.pid}-${Date.now()}.sqlite`;
    const first = await start(path);
    const flow = () => {
      const view = first.app.session.view();
      return view.phase === 'active' ? (view.flow as ProofOfIdentityFlowView) : null;
    };
    await first.call('session.start', { language: 'en' });
    await first.call('home.chooseLanguage', { language: 'en' });
    await first.call('home.openService', { service: 'proof-of-identity' });
    await first.call('home.startService');
    await first.devices.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-macao' });
    await expect
      .poll(() => {
        const view = flow();
        return view?.step === 'identify' ? view.identify.stage : null;
      })
      .toBe('confirm');
    await first.call('identify.confirm');
    await first.call('identify.submitPin', { pin: '123456' });
    await expect.poll(() => flow()?.step, { timeout: 15_000 }).toBe('choose');
    await first.call('proof-of-identity.choose', { languages: 'zh-en' });
    await expect.poll(() => flow()?.step, { timeout: 15_000 }).toBe('preview');
    await first.devices.simulate({ action: 'paper', deviceId: 'a4', paper: 'out' });
    await first.call('proof-of-identity.print');
    await expect
      .poll(() => first.app.journal.transactions.get(1)?.state, { timeout: 15_000 })
      .toBe('reserved');
    await first.close();
    kiosk = null;

    const second = await start(path);
    await expect
      .poll(() => second.app.journal.transactions.get(1)?.needsStaffReason, { timeout: 15_000 })
      .toBe('owner-asks-for-staff');
    expect(second.app.journal.transactions.get(1)).toMatchObject({ state: 'reserved' });
    expect(second.app.printing.staffJobs().filter((job) => job.template === 'identity-proof')).toMatchObject([
      { status: 'needs-attention' },
    ]);
  });
});
