import { macauDate, macauIso } from '../../../lib/macau_time.js';
import { err, ok, type Result } from '../../../lib/result.js';
import { basketTotal, lineTotal, sumAvos } from '../../rpc/money.js';
import type { Rejection } from '../contract/errors.js';
import type { BasketLine, Payment, Publication } from '../contract/publications.js';
import type { EmbeddedContext, Handler } from './embedded_context.js';
import { gatewayScenario, walletOf } from './payment_gateway_simulator.js';
import { loadPublications } from './publication_tables.js';
import { randomCrockford } from './secrets.js';

/**
 * Publications on sale, the simulated payment gateway, dispense records, staff slot changes and the sales
 * figures. Each runs inside the dispatcher's transaction; a charge and its kept reply commit together, so the
 * same key can never charge twice.
 */

interface PaymentRow {
  ref: string;
  terminal_id: string;
  wallet: string;
  amount_avos: number;
  lines_json: string;
  charged_at: number;
  refunded_avos: number;
  dispense_recorded: number;
  refuses_refunds: number;
}

function terminalKnown(ctx: EmbeddedContext, terminalId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM terminals WHERE id = ?').get(terminalId) !== undefined;
}

function publicationsById(ctx: EmbeddedContext): Map<string, Publication> {
  return new Map(loadPublications(ctx.db).map((p) => [p.id, p]));
}

function stockOf(ctx: EmbeddedContext, terminalId: string, publicationId: string): number {
  const row = ctx.db
    .prepare(
      'SELECT COALESCE(SUM(stock), 0) AS stock FROM vending_slots WHERE terminal_id = ? AND publication_id = ?',
    )
    .get(terminalId, publicationId) as { stock: number };
  return row.stock;
}

function paymentOf(row: PaymentRow): Payment {
  return {
    paymentRef: row.ref,
    amountAvos: row.amount_avos,
    chargedAt: macauIso(row.charged_at),
    wallet: row.wallet,
  };
}

export const publications: Handler<'publications'> = (ctx, { terminalId }) => {
  if (!terminalKnown(ctx, terminalId)) return err({ code: 'not-found', subject: 'terminal' });
  const slots = ctx.db
    .prepare(
      'SELECT slot, publication_id, stock, capacity FROM vending_slots WHERE terminal_id = ? ORDER BY slot',
    )
    .all(terminalId) as { slot: string; publication_id: string | null; stock: number; capacity: number }[];
  return ok({
    publications: loadPublications(ctx.db),
    slots: slots.map((s) => ({
      slot: s.slot,
      publicationId: s.publication_id,
      stock: s.stock,
      capacity: s.capacity,
    })),
  });
};

/** The basket as the catalogue prices it: a line at another price, or a total that is not the lines', is refused. */
function checkBasket(
  ctx: EmbeddedContext,
  terminalId: string,
  lines: readonly BasketLine[],
  amountAvos: number,
): Result<void, Rejection> {
  const catalogue = publicationsById(ctx);
  const wanted = new Map<string, number>();
  for (const line of lines) {
    const publication = catalogue.get(line.publicationId);
    if (!publication) return err({ code: 'not-found', subject: 'publication' });
    if (publication.priceAvos !== line.unitAvos) return err({ code: 'price-changed' });
    wanted.set(line.publicationId, (wanted.get(line.publicationId) ?? 0) + line.quantity);
  }
  for (const [publicationId, quantity] of wanted) {
    if (stockOf(ctx, terminalId, publicationId) < quantity)
      return err({ code: 'out-of-stock', publicationId });
  }
  if (basketTotal(lines) !== amountAvos) return err({ code: 'price-changed' });
  return ok();
}

export const chargePayment: Handler<'chargePayment'> = (ctx, request) => {
  if (!terminalKnown(ctx, request.terminalId)) return err({ code: 'not-found', subject: 'terminal' });
  const basket = checkBasket(ctx, request.terminalId, request.lines, request.amountAvos);
  if (!basket.ok) return basket;
  const scenario = gatewayScenario(request.walletCode);
  switch (scenario) {
    case 'decline':
      return err({ code: 'payment-declined' });
    case 'insufficient-funds':
      return err({ code: 'insufficient-funds' });
    case 'approve':
    case 'timeout-once':
    case 'refuses-refunds':
      break;
  }
  const row: PaymentRow = {
    ref: `PAY-${randomCrockford(12)}`,
    terminal_id: request.terminalId,
    wallet: walletOf(request.walletCode),
    amount_avos: request.amountAvos,
    lines_json: JSON.stringify(request.lines),
    charged_at: ctx.now(),
    refunded_avos: 0,
    dispense_recorded: 0,
    refuses_refunds: scenario === 'refuses-refunds' ? 1 : 0,
  };
  ctx.db
    .prepare(
      `INSERT INTO payments (ref, charge_key, terminal_id, wallet, amount_avos, lines_json, charged_at, refuses_refunds)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.ref,
      request.idempotencyKey,
      row.terminal_id,
      row.wallet,
      row.amount_avos,
      row.lines_json,
      row.charged_at,
      row.refuses_refunds,
    );
  return ok(paymentOf(row));
};

export const paymentStatus: Handler<'paymentStatus'> = (ctx, { chargeKey }) => {
  const row = ctx.db.prepare('SELECT * FROM payments WHERE charge_key = ?').get(chargeKey) as
    | PaymentRow
    | undefined;
  if (!row) return ok({ status: 'not-charged' as const });
  return ok({ status: 'charged' as const, payment: paymentOf(row), refundedAvos: row.refunded_avos });
};

function paymentByRef(ctx: EmbeddedContext, ref: string): PaymentRow | undefined {
  return ctx.db.prepare('SELECT * FROM payments WHERE ref = ?').get(ref) as PaymentRow | undefined;
}

/** Adds to one day's sales row of a terminal and publication. */
function addSales(
  ctx: EmbeddedContext,
  key: { terminalId: string; publicationId: string },
  add: {
    units?: number;
    revenueAvos?: number;
    refundedUnits?: number;
    refundedAvos?: number;
    failed?: number;
  },
): void {
  ctx.db
    .prepare(
      `INSERT INTO machine_sales (day, terminal_id, publication_id, units, revenue_avos, refunded_units, refunded_avos,
         failed_dispenses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, terminal_id, publication_id) DO UPDATE SET units = units + excluded.units,
         revenue_avos = revenue_avos + excluded.revenue_avos, refunded_units = refunded_units + excluded.refunded_units,
         refunded_avos = refunded_avos + excluded.refunded_avos,
         failed_dispenses = failed_dispenses + excluded.failed_dispenses`,
    )
    .run(
      macauDate(ctx.now()),
      key.terminalId,
      key.publicationId,
      add.units ?? 0,
      add.revenueAvos ?? 0,
      add.refundedUnits ?? 0,
      add.refundedAvos ?? 0,
      add.failed ?? 0,
    );
}

export const refundPayment: Handler<'refundPayment'> = (ctx, request) => {
  const payment = paymentByRef(ctx, request.paymentRef);
  if (!payment) return err({ code: 'not-found', subject: 'payment' });
  if (payment.refuses_refunds === 1) return err({ code: 'refund-refused' });
  const charged = new Map((JSON.parse(payment.lines_json) as BasketLine[]).map((l) => [l.publicationId, l]));
  const amounts: number[] = [];
  for (const item of request.items) {
    const line = charged.get(item.publicationId);
    if (!line || item.quantity > line.quantity) return err({ code: 'refund-refused' });
    amounts.push(lineTotal(line.unitAvos, item.quantity));
  }
  const amount = sumAvos(amounts);
  if (amount !== request.amountAvos || payment.refunded_avos + amount > payment.amount_avos)
    return err({ code: 'refund-refused' });
  ctx.db
    .prepare('UPDATE payments SET refunded_avos = refunded_avos + ? WHERE ref = ?')
    .run(amount, payment.ref);
  request.items.forEach((item, i) => {
    addSales(
      ctx,
      { terminalId: payment.terminal_id, publicationId: item.publicationId },
      { refundedUnits: item.quantity, refundedAvos: amounts[i] },
    );
  });
  return ok({
    refundRef: `RFD-${randomCrockford(12)}`,
    paymentRef: payment.ref,
    amountAvos: amount,
    refundedAt: macauIso(ctx.now()),
  });
};

/**
 * What left the machine: a dropped item is a sale at the price charged and leaves its slot's stock; an item the
 * sensor did not see is a failed dispense and its slot is emptied (the kiosk marks it empty; staff count it).
 */
export const recordDispense: Handler<'recordDispense'> = (ctx, request) => {
  const payment = paymentByRef(ctx, request.paymentRef);
  if (!payment || payment.terminal_id !== request.terminalId)
    return err({ code: 'not-found', subject: 'payment' });
  const prices = new Map(
    (JSON.parse(payment.lines_json) as BasketLine[]).map((l) => [l.publicationId, l.unitAvos]),
  );
  let dispensed = 0;
  let failed = 0;
  for (const item of request.items) {
    const unitAvos = prices.get(item.publicationId);
    if (unitAvos === undefined) return err({ code: 'not-found', subject: 'publication' });
    const key = { terminalId: request.terminalId, publicationId: item.publicationId };
    if (item.dropped) {
      dispensed++;
      ctx.db
        .prepare('UPDATE vending_slots SET stock = MAX(stock - 1, 0) WHERE terminal_id = ? AND slot = ?')
        .run(request.terminalId, item.slot);
      addSales(ctx, key, { units: 1, revenueAvos: unitAvos });
    } else {
      failed++;
      ctx.db
        .prepare('UPDATE vending_slots SET stock = 0 WHERE terminal_id = ? AND slot = ?')
        .run(request.terminalId, item.slot);
      addSales(ctx, key, { failed: 1 });
    }
  }
  ctx.db.prepare('UPDATE payments SET dispense_recorded = 1 WHERE ref = ?').run(payment.ref);
  return ok({ paymentRef: payment.ref, dispensed, failed });
};

export const setVendingSlot: Handler<'setVendingSlot'> = (ctx, request) => {
  if (!terminalKnown(ctx, request.terminalId)) return err({ code: 'not-found', subject: 'terminal' });
  if (request.publicationId !== null && !publicationsById(ctx).has(request.publicationId))
    return err({ code: 'not-found', subject: 'publication' });
  const existing = ctx.db
    .prepare('SELECT capacity FROM vending_slots WHERE terminal_id = ? AND slot = ?')
    .get(request.terminalId, request.slot) as { capacity: number } | undefined;
  const capacity = Math.max(existing?.capacity ?? 10, request.stock, 1);
  const stock = request.publicationId === null ? 0 : request.stock;
  ctx.db
    .prepare(
      `INSERT INTO vending_slots (terminal_id, slot, publication_id, stock, capacity) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (terminal_id, slot) DO UPDATE SET publication_id = excluded.publication_id,
         stock = excluded.stock, capacity = excluded.capacity`,
    )
    .run(request.terminalId, request.slot, request.publicationId, stock, capacity);
  return ok({ slot: request.slot, publicationId: request.publicationId, stock, capacity });
};

const machineColumns = `SUM(units) AS units, SUM(revenue_avos) AS revenue_avos, SUM(refunded_units) AS refunded_units,
  SUM(refunded_avos) AS refunded_avos, SUM(failed_dispenses) AS failed_dispenses`;

interface SummedRow {
  units: number;
  revenue_avos: number;
  refunded_units: number;
  refunded_avos: number;
  failed_dispenses: number;
}

function figures(r: SummedRow) {
  return {
    units: r.units,
    revenueAvos: r.revenue_avos,
    refundedUnits: r.refunded_units,
    refundedAvos: r.refunded_avos,
    failedDispenses: r.failed_dispenses,
  };
}

/** Days are compared as text: YYYY-MM-DD sorts by date. Sums are made by SQLite, in integers. */
export const publicationSales: Handler<'publicationSales'> = (ctx, request) => {
  const fleet = request.by === 'fleet';
  const terminal = request.terminalId ?? null;
  const where = 'day BETWEEN ? AND ? AND (? IS NULL OR terminal_id = ?)';
  const params = [request.from, request.to, terminal, terminal];
  const machineRows = ctx.db
    .prepare(
      fleet
        ? `SELECT day, NULL AS terminal_id, publication_id, ${machineColumns} FROM machine_sales WHERE ${where}
           GROUP BY day, publication_id ORDER BY day, publication_id`
        : `SELECT day, terminal_id, publication_id, ${machineColumns} FROM machine_sales WHERE ${where}
           GROUP BY day, terminal_id, publication_id ORDER BY day, terminal_id, publication_id`,
    )
    .all(...params) as (SummedRow & { day: string; terminal_id: string | null; publication_id: string })[];
  const terminalRows = ctx.db
    .prepare(
      // Without the hint SQLite takes the day index and sorts; the terminal index streams the groups in order.
      `SELECT terminal_id, ${machineColumns} FROM machine_sales INDEXED BY machine_sales_by_terminal WHERE ${where}
       GROUP BY terminal_id ORDER BY terminal_id`,
    )
    .all(...params) as (SummedRow & { terminal_id: string })[];
  const counterRows = ctx.db
    .prepare(
      'SELECT day, publication_id, units FROM counter_sales WHERE day BETWEEN ? AND ? ORDER BY day, publication_id',
    )
    .all(request.from, request.to) as { day: string; publication_id: string; units: number }[];
  return ok({
    machine: machineRows.map((r) => ({
      date: r.day,
      terminalId: r.terminal_id,
      publicationId: r.publication_id,
      ...figures(r),
    })),
    terminals: terminalRows.map((r) => ({ terminalId: r.terminal_id, ...figures(r) })),
    counter: counterRows.map((r) => ({ date: r.day, publicationId: r.publication_id, units: r.units })),
  });
};
