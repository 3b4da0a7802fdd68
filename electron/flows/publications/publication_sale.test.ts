import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../../../devices/transport/device_connection.js';
import { VendingUnitSimulator } from '../../../devices/vending/simulator/vending_unit_simulator.js';
import { VendingOptionsSchema } from '../../../devices/vending/vending_config.js';
import { VendingDriver } from '../../../devices/vending/vending_driver.js';
import { FakeClock } from '../../../test/support/fake_clock.js';
import { recordingLogger } from '../../../test/support/recording_logger.js';
import type { Backend } from '../../backend/contract/backend.js';
import type { BasketLine } from '../../backend/contract/publications.js';
import { openEmbeddedBackend } from '../../backend/embedded/embedded_backend.js';
import { sampleWalletCodes } from '../../backend/embedded/payment_gateway_simulator.js';
import { seedCatalogue } from '../../backend/seed/seed_catalogue.js';
import { AuditLog } from '../../journal/audit_log.js';
import { openJournal } from '../../journal/journal_database.js';
import { StaffAlertStore } from '../../journal/staff_alerts.js';
import { TransactionJournal } from '../../journal/transaction_journal.js';
import { TransactionRecovery } from '../../journal/transaction_recovery.js';
import { planDispense } from './dispense_plan.js';
import { PublicationSale } from './publication_sale.js';
import { publicationSaleResolver } from './publication_sale_resolver.js';

/**
 * A publication sale against the embedded backend's gateway simulator and the vending driver over its byte-level
 * simulator: pay, dispense, refund, and the settlement of a sale an earlier run left unfinished.
 */

const terminalId = 'MO-DEV-01';
const now = Date.parse('2026-03-02T10:07:00+08:00');
const basicLaw: BasketLine = { publicationId: 'PUB-BASIC-LAW', quantity: 2, unitAvos: 3000 };
const census: BasketLine = { publicationId: 'PUB-CENSUS-2021', quantity: 1, unitAvos: 8000 };

let db: Database.Database;
let backend: Backend;
let clock: FakeClock;
let audit: AuditLog;
let alerts: StaffAlertStore;
let unit: VendingUnitSimulator;
let driver: VendingDriver;

beforeEach(async () => {
  const journal = openJournal(':memory:');
  if (!journal.ok) throw new Error(journal.error.code);
  db = journal.value;
  clock = new FakeClock();
  audit = new AuditLog(db, clock);
  alerts = new StaffAlertStore(db, { clock, audit, logger: recordingLogger() });
  const opened = openEmbeddedBackend({ path: ':memory:', seed: seedCatalogue(), now: () => now });
  if (!opened.ok) throw new Error('backend');
  backend = opened.value;
  const options = VendingOptionsSchema.parse({ turnMs: 10, dropWindowMs: 5, pollMs: 5 });
  unit = new VendingUnitSimulator(options);
  const { slots } = await slotsNow();
  for (const s of slots) unit.setStock(s.slot, s.stock);
  driver = new VendingDriver(
    new DeviceConnection(() => unit.port.openTransport(), { initialMs: 5, maxMs: 20, factor: 2 }),
    options,
  );
  driver.start();
});
afterEach(async () => {
  await driver.stop();
  await backend.close();
  db.close();
});

async function slotsNow() {
  const reply = await backend.publications({ terminalId });
  if (!reply.ok) throw new Error('publications');
  return reply.value;
}

const journalOfBoot = (bootId: string) => new TransactionJournal(db, { clock, audit, alerts, bootId });

async function startSale(lines: BasketLine[], transactions = journalOfBoot('boot-1')) {
  const plan = planDispense(lines, (await slotsNow()).slots);
  if (!plan.ok) throw new Error(plan.error.short);
  return {
    transactions,
    sale: PublicationSale.start(
      { backend, transactions, vending: driver, terminalId, sessionId: 'S1' },
      lines,
      plan.value,
    ),
  };
}

async function sales() {
  const reply = await backend.publicationSales({ from: '2026-03-02', to: '2026-03-02', terminalId });
  if (!reply.ok) throw new Error('sales');
  return reply.value.machine;
}

describe('a publication sale', () => {
  it('pays once, drops every item, and confirms: stock and sales follow', async () => {
    const { sale, transactions } = await startSale([basicLaw, census]);
    expect(sale.amountAvos).toBe(14_000);
    const paid = await sale.pay(sampleWalletCodes.approve);
    expect(paid).toMatchObject({ kind: 'paid', payment: { amountAvos: 14_000 } });
    expect(await sale.dispense()).toEqual({
      kind: 'completed',
      dispensed: 3,
      notDispensed: 0,
      refundedAvos: 0,
    });
    expect(unit.delivered).toEqual(['A1', 'A1', 'C2']);
    expect(transactions.get(sale.id)).toMatchObject({ state: 'confirmed', pendingCall: null });
    const { slots } = await slotsNow();
    expect(slots.find((s) => s.slot === 'A1')?.stock).toBe(6);
    expect(await sales()).toEqual([
      expect.objectContaining({ publicationId: 'PUB-BASIC-LAW', units: 2, revenueAvos: 6000 }),
      expect.objectContaining({ publicationId: 'PUB-CENSUS-2021', units: 1, revenueAvos: 8000 }),
    ]);
  });

  it('a declined code and an empty wallet charge nothing; another code then pays under a new key', async () => {
    const { sale, transactions } = await startSale([census]);
    expect(await sale.pay(sampleWalletCodes.decline)).toEqual({
      kind: 'refused',
      reason: 'payment-declined',
    });
    expect(await sale.pay(sampleWalletCodes.insufficientFunds)).toEqual({
      kind: 'refused',
      reason: 'insufficient-funds',
    });
    expect(transactions.get(sale.id)?.state).toBe('started');
    expect(await sale.pay(sampleWalletCodes.approve)).toMatchObject({ kind: 'paid' });
  });

  it('a gateway timeout, then scanning again: asked by key, charged once', async () => {
    const { sale } = await startSale([census]);
    expect(await sale.pay(sampleWalletCodes.timeoutOnce)).toEqual({ kind: 'no-answer' });
    // The wallet shows a fresh code on the second scan; the charge already went through under the key.
    const second = await sale.pay(sampleWalletCodes.approve);
    expect(second).toMatchObject({ kind: 'paid', payment: { amountAvos: 8000 } });
    // The journal holds the charge's request, never a wallet code.
    expect(JSON.stringify(db.prepare('SELECT * FROM transactions').all())).not.toContain(
      sampleWalletCodes.timeoutOnce,
    );
    await sale.dispense();
    expect((await sales())[0]).toMatchObject({ units: 1, revenueAvos: 8000 });
  });

  it('a jammed slot turns twice, is emptied, and its item is refunded; the rest is sold', async () => {
    unit.jam('C2');
    const { sale, transactions } = await startSale([basicLaw, census]);
    await sale.pay(sampleWalletCodes.approve);
    expect(await sale.dispense()).toEqual({
      kind: 'completed',
      dispensed: 2,
      notDispensed: 1,
      refundedAvos: 8000,
    });
    expect(unit.turns.filter((s) => s === 'C2')).toHaveLength(2);
    expect(transactions.get(sale.id)?.state).toBe('confirmed');
    expect((await slotsNow()).slots.find((s) => s.slot === 'C2')?.stock).toBe(0);
    expect((await sales()).find((r) => r.publicationId === 'PUB-CENSUS-2021')).toMatchObject({
      units: 0,
      refundedUnits: 1,
      refundedAvos: 8000,
      failedDispenses: 1,
    });
  });

  it('nothing dropped: the whole amount is refunded and the sale is voided', async () => {
    unit.jam('C2');
    const { sale, transactions } = await startSale([census]);
    await sale.pay(sampleWalletCodes.approve);
    expect(await sale.dispense()).toEqual({
      kind: 'completed',
      dispensed: 0,
      notDispensed: 1,
      refundedAvos: 8000,
    });
    expect(transactions.get(sale.id)).toMatchObject({ state: 'voided', reason: 'refunded' });
  });

  it('a refund the gateway refuses becomes a staff alert', async () => {
    unit.jam('A1');
    const { sale, transactions } = await startSale([basicLaw]);
    await sale.pay(sampleWalletCodes.refusesRefunds);
    expect(await sale.dispense()).toEqual({ kind: 'refund-refused', dispensed: 0, owedAvos: 6000 });
    expect(transactions.get(sale.id)).toMatchObject({ needsStaffReason: 'refund-refused' });
    expect(alerts.openCount()).toBe(1);
  });

  it('the resident leaves before paying: voided, nothing charged', async () => {
    const { sale, transactions } = await startSale([census]);
    await sale.pay(sampleWalletCodes.decline);
    sale.abandon();
    expect(transactions.get(sale.id)).toMatchObject({ state: 'voided', reason: 'abandoned' });
  });
});

describe('a sale an earlier run left unfinished', () => {
  const recover = () =>
    new TransactionRecovery({
      transactions: journalOfBoot('boot-2'),
      resolvers: {
        'publication-sale': publicationSaleResolver(backend),
      },
      logger: recordingLogger(),
    }).run();

  it('killed between paid and dispensed: the journalled item is recorded as not dropped and refunded, once', async () => {
    const { sale, transactions } = await startSale([basicLaw, census]);
    const paid = await sale.pay(sampleWalletCodes.approve);
    if (paid.kind !== 'paid') throw new Error('not paid');
    // The power goes as the first motor is about to turn: the journal holds the dispense call, nothing dropped.
    const items = sale.items().map((i, n) => ({ ...i, state: n === 0 ? ('not-dropped' as const) : i.state }));
    transactions.recordCall(sale.id, 'dispense', { paymentRef: paid.payment.paymentRef, terminalId, items });

    const first = await recover();
    expect(first.voided).toEqual([sale.id]);
    const status = await backend.paymentStatus({ chargeKey: transactions.get(sale.id)!.idempotencyKey });
    expect(status.ok).toBe(true);
    expect(await sales()).toEqual([
      expect.objectContaining({
        publicationId: 'PUB-BASIC-LAW',
        units: 0,
        failedDispenses: 1,
        refundedUnits: 2,
      }),
      expect.objectContaining({
        publicationId: 'PUB-CENSUS-2021',
        units: 0,
        refundedUnits: 1,
        refundedAvos: 8000,
      }),
    ]);
    expect(await recover()).toEqual({ confirmed: [], voided: [], needsStaff: [], deferred: [] });
  });

  it('killed after one item dropped: confirmed, the rest refunded', async () => {
    const { sale, transactions } = await startSale([basicLaw]);
    const paid = await sale.pay(sampleWalletCodes.approve);
    if (paid.kind !== 'paid') throw new Error('not paid');
    const items = sale
      .items()
      .map((i, n) => ({ ...i, state: n === 0 ? ('dropped' as const) : ('not-dropped' as const) }));
    transactions.recordCall(sale.id, 'dispense', { paymentRef: paid.payment.paymentRef, terminalId, items });
    expect((await recover()).confirmed).toEqual([sale.id]);
    expect((await sales())[0]).toMatchObject({
      units: 1,
      revenueAvos: 3000,
      refundedUnits: 1,
      refundedAvos: 3000,
    });
  });

  it('killed while the charge had no answer: asked by key, refunded in full when it went through', async () => {
    const { sale } = await startSale([census]);
    expect(await sale.pay(sampleWalletCodes.timeoutOnce)).toEqual({ kind: 'no-answer' });
    expect((await recover()).voided).toEqual([sale.id]);
    expect((await sales())[0]).toMatchObject({ units: 0, refundedAvos: 8000 });
  });

  it('the session ends after paying, before anything turned: recovery refunds it all', async () => {
    const { sale, transactions } = await startSale([census]);
    await sale.pay(sampleWalletCodes.approve);
    sale.abandon();
    expect(transactions.inProgress()).toEqual([]);
    expect((await recover()).voided).toEqual([sale.id]);
    expect((await sales())[0]).toMatchObject({ units: 0, refundedAvos: 8000 });
  });

  it('killed before the charge reached the gateway: voided, nothing to refund', async () => {
    const { sale, transactions } = await startSale([census]);
    transactions.recordCall(sale.id, 'charge', { terminalId, lines: [census], amountAvos: 8000, items: [] });
    expect((await recover()).voided).toEqual([sale.id]);
    expect(await sales()).toEqual([]);
  });
});
