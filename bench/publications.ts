import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../electron/backend/contract/backend.js';
import type { BasketLine, MachineSalesRow, SalesReply } from '../electron/backend/contract/publications.js';
import { openEmbeddedBackend } from '../electron/backend/embedded/embedded_backend.js';
import { sampleWalletCodes } from '../electron/backend/embedded/payment_gateway_simulator.js';
import { samplePublications } from '../electron/backend/seed/data/publications.js';
import { seedCatalogue } from '../electron/backend/seed/seed_catalogue.js';
import { planDispense } from '../electron/flows/publications/dispense_plan.js';
import { PublicationSale } from '../electron/flows/publications/publication_sale.js';
import { buildSalesReport } from '../electron/flows/publications/sales_report.js';
import { AuditLog } from '../electron/journal/audit_log.js';
import { openJournal } from '../electron/journal/journal_database.js';
import { StaffAlertStore } from '../electron/journal/staff_alerts.js';
import { TransactionJournal } from '../electron/journal/transaction_journal.js';
import { createKioskLogger } from '../electron/logging/kiosk_logger.js';
import { macauDate } from '../lib/macau_time.js';
import type { BenchResult } from './bench_result.js';
import { percentile } from './statistics.js';

/**
 * Publications (issue 17):
 * 1. basket → payment request sent: from the resident confirming a two-line basket to the charge leaving for the
 *    gateway — the dispense plan, the sale's journal row, the charge journalled (fsync'd: synchronous = FULL) —
 *    on files in a temporary folder; p95 of 60 baskets (target ≤ 100 ms). The gateway's own answer is not counted.
 * 2. a year's report for 100 terminals: 365 days × 100 terminals × 12 publications = 438,000 machine rows and
 *    the counter rows, generated; the report arithmetic alone (target ≤ 1 s), and the whole `publicationSales`
 *    call through the embedded backend (SQLite query and contract validation of every row) plus the arithmetic.
 */

const terminalId = 'MO-DEV-01';
const lines: BasketLine[] = [
  { publicationId: 'PUB-BASIC-LAW', quantity: 1, unitAvos: 3000 },
  { publicationId: 'PUB-LEASE-FORM', quantity: 2, unitAvos: 500 },
];

/** A backend that notes when the charge was handed to it, and never answers, as the moment the request left. */
function timedCharges(backend: Backend, sent: (at: number) => void): Backend {
  return {
    ...backend,
    chargePayment: (request) => {
      sent(performance.now());
      return backend.chargePayment(request);
    },
  };
}

async function basketToRequest(dir: string): Promise<BenchResult> {
  const opened = openEmbeddedBackend({ path: join(dir, 'backend.sqlite'), seed: seedCatalogue() });
  if (!opened.ok) throw new Error('backend');
  const journal = openJournal(join(dir, 'journal.sqlite'));
  if (!journal.ok) throw new Error(journal.error.code);
  const db = journal.value;
  const clock = { now: () => Date.now(), setTimeout: () => () => {} };
  const audit = new AuditLog(db, clock);
  const alerts = new StaffAlertStore(db, { clock, audit, logger: createKioskLogger({ level: 'silent' }) });
  const transactions = new TransactionJournal(db, { clock, audit, alerts });
  let sentAt = 0;
  const backend = timedCharges(opened.value, (at) => {
    sentAt = at;
  });
  const publications = await backend.publications({ terminalId });
  if (!publications.ok) throw new Error('publications');
  const vending = { slots: () => [], vend: () => Promise.reject(new Error('not in this bench')) };
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    const plan = planDispense(lines, publications.value.slots);
    if (!plan.ok) throw new Error('plan');
    const sale = PublicationSale.start(
      { backend, transactions, vending, terminalId, sessionId: 'bench' },
      lines,
      plan.value,
    );
    const paid = await sale.pay(sampleWalletCodes.decline);
    if (paid.kind !== 'refused') throw new Error('the bench expects the decline code');
    samples.push(sentAt - started);
    sale.abandon();
  }
  await opened.value.close();
  db.close();
  return {
    name: 'basket to payment request sent (p95)',
    value: percentile(samples, 95),
    unit: 'ms',
    target: { op: '<=', value: 100 },
    details: { baskets: samples.length, median: percentile(samples, 50), max: Math.max(...samples) },
  };
}

function generatedYear(terminals: number, until: number): SalesReply {
  const machine: MachineSalesRow[] = [];
  const counter: SalesReply['counter'] = [];
  for (let d = 365; d >= 1; d--) {
    const date = macauDate(until - d * 86_400_000);
    samplePublications.forEach((p, n) => {
      counter.push({ date, publicationId: p.id, units: (d * 7 + n) % 9 });
      for (let t = 0; t < terminals; t++) {
        const units = (d + n * 3 + t) % 4;
        machine.push({
          date,
          terminalId: `MO-T-${String(t).padStart(3, '0')}`,
          publicationId: p.id,
          units,
          revenueAvos: units * p.priceAvos,
          refundedUnits: (d + t) % 97 === 0 ? 1 : 0,
          refundedAvos: (d + t) % 97 === 0 ? p.priceAvos : 0,
          failedDispenses: (d + t) % 97 === 0 ? 1 : 0,
        });
      }
    });
  }
  return { machine, counter, terminals: [] };
}

async function yearReport(dir: string): Promise<BenchResult[]> {
  const now = Date.now();
  const sales = generatedYear(100, now);
  const from = sales.counter[0]!.date;
  const to = sales.counter.at(-1)!.date;
  const arithmetic: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    // The per-terminal rows, as a CSV export asks for them: the arithmetic's worst case.
    buildSalesReport(sales, { from, to });
    arithmetic.push(performance.now() - started);
  }
  // The same rows in the embedded backend's file, asked for as the CLI and the maintenance screen do.
  const opened = openEmbeddedBackend({ path: join(dir, 'report.sqlite'), seed: seedCatalogue() });
  if (!opened.ok) throw new Error('backend');
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(dir, 'report.sqlite'));
  db.exec('DELETE FROM machine_sales; DELETE FROM counter_sales');
  const insert = db.prepare(
    `INSERT INTO machine_sales (day, terminal_id, publication_id, units, revenue_avos, refunded_units, refunded_avos,
     failed_dispenses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCounter = db.prepare('INSERT INTO counter_sales (day, publication_id, units) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const r of sales.machine)
      insert.run(
        r.date,
        r.terminalId,
        r.publicationId,
        r.units,
        r.revenueAvos,
        r.refundedUnits,
        r.refundedAvos,
        r.failedDispenses,
      );
    for (const c of sales.counter) insertCounter.run(c.date, c.publicationId, c.units);
  })();
  db.close();
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const reply = await opened.value.publicationSales({ from, to, by: 'fleet' });
    if (!reply.ok) throw new Error('sales');
    buildSalesReport(reply.value, { from, to });
    whole.push(performance.now() - started);
  }
  await opened.value.close();
  return [
    {
      name: 'year report for 100 terminals: arithmetic (median of 5)',
      value: percentile(arithmetic, 50),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      details: { machineRows: sales.machine.length, counterRows: sales.counter.length },
    },
    {
      name: 'year report for 100 terminals: embedded backend query (fleet sums), validation and arithmetic (median of 3)',
      value: percentile(whole, 50),
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      details: { machineRows: sales.machine.length },
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-publications-'));
  try {
    return [await basketToRequest(dir), ...(await yearReport(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
