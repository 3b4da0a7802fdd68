import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../contract/backend.js';
import type { BackendError } from '../contract/errors.js';
import { seedCatalogue } from '../seed/seed_catalogue.js';
import { openEmbeddedBackend } from './embedded_backend.js';
import { sampleWalletCodes } from './payment_gateway_simulator.js';
import { publicationTables } from './publication_tables.js';

/**
 * Publications in the embedded backend: the sample catalogue and slots, the simulated gateway's five answers
 * (approve, decline, insufficient funds, a lost answer, a duplicate request), refunds and dispense records, and
 * the sales figures they make.
 */

const dir = mkdtempSync(join(tmpdir(), 'balcao-publications-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = Date.parse('2026-03-02T10:07:00+08:00');
const seed = seedCatalogue();
const terminalId = 'MO-DEV-01';

function open(path = ':memory:'): Backend {
  const opened = openEmbeddedBackend({ path, seed, now: () => now });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.value;
}

async function value<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function failure(
  promise: Promise<{ ok: true } | { ok: false; error: BackendError }>,
): Promise<BackendError> {
  const result = await promise;
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const key = () => crypto.randomUUID();
const basicLaw = { publicationId: 'PUB-BASIC-LAW', quantity: 2, unitAvos: 3000 };
const census = { publicationId: 'PUB-CENSUS-2021', quantity: 1, unitAvos: 8000 };
const charge = (walletCode: string, idempotencyKey = key(), lines = [basicLaw, census]) => ({
  idempotencyKey,
  terminalId,
  walletCode,
  lines,
  amountAvos: lines.reduce((sum, l) => sum + l.unitAvos * l.quantity, 0),
});

describe('publications in the embedded backend', () => {
  it('lists the sample publications, all marked as sample data, and the terminal’s slots', async () => {
    const backend = open();
    const { publications, slots } = await value(backend.publications({ terminalId }));
    expect(publications.length).toBeGreaterThanOrEqual(10);
    expect(publications.every((p) => p.sample)).toBe(true);
    expect(new Set(publications.map((p) => p.category))).toEqual(
      new Set(['law', 'official-form', 'statistics', 'yearbook', 'culture']),
    );
    expect(slots.find((s) => s.slot === 'A1')).toEqual({
      slot: 'A1',
      publicationId: 'PUB-BASIC-LAW',
      stock: 8,
      capacity: 10,
    });
    expect(await failure(backend.publications({ terminalId: 'NO-SUCH-1' }))).toEqual({
      kind: 'rejected',
      rejection: { code: 'not-found', subject: 'terminal' },
    });
    await backend.close();
  });

  it('charges once per key: the same request again is the same payment, another basket is a conflict', async () => {
    const backend = open();
    const request = charge(sampleWalletCodes.approve);
    const first = await value(backend.chargePayment(request));
    expect(first).toMatchObject({ amountAvos: 14_000, wallet: 'MPay' });
    expect(await value(backend.chargePayment(request))).toEqual(first);
    expect(
      await failure(
        backend.chargePayment(charge(sampleWalletCodes.approve, request.idempotencyKey, [census])),
      ),
    ).toMatchObject({ rejection: { code: 'idempotency-conflict' } });
    expect(await value(backend.paymentStatus({ chargeKey: request.idempotencyKey }))).toEqual({
      status: 'charged',
      payment: first,
      refundedAvos: 0,
    });
    await backend.close();
  });

  it('answers a declined code and an empty wallet in words the flow maps, and charges nothing', async () => {
    const backend = open();
    for (const [code, rejection] of [
      [sampleWalletCodes.decline, 'payment-declined'],
      [sampleWalletCodes.insufficientFunds, 'insufficient-funds'],
    ] as const) {
      const request = charge(code);
      expect(await failure(backend.chargePayment(request))).toMatchObject({ rejection: { code: rejection } });
      expect(await value(backend.paymentStatus({ chargeKey: request.idempotencyKey }))).toEqual({
        status: 'not-charged',
      });
    }
    await backend.close();
  });

  it('loses the first answer of a timeout code after charging: the same key then returns that one payment', async () => {
    const backend = open();
    const request = charge(sampleWalletCodes.timeoutOnce);
    expect(await failure(backend.chargePayment(request))).toMatchObject({ kind: 'timeout' });
    const status = await value(backend.paymentStatus({ chargeKey: request.idempotencyKey }));
    expect(status.status).toBe('charged');
    const retried = await value(backend.chargePayment(request));
    expect(status).toMatchObject({ payment: retried });
    expect(await value(backend.chargePayment(request))).toEqual(retried);
    await backend.close();
  });

  it('refuses a basket at another price, with a wrong total, or beyond the stock, before charging', async () => {
    const backend = open();
    expect(
      await failure(
        backend.chargePayment(charge(sampleWalletCodes.approve, key(), [{ ...census, unitAvos: 7000 }])),
      ),
    ).toMatchObject({ rejection: { code: 'price-changed' } });
    expect(
      await failure(backend.chargePayment({ ...charge(sampleWalletCodes.approve), amountAvos: 13_999 })),
    ).toMatchObject({ rejection: { code: 'price-changed' } });
    expect(
      await failure(
        backend.chargePayment(charge(sampleWalletCodes.approve, key(), [{ ...census, quantity: 3 }])),
      ),
    ).toMatchObject({ rejection: { code: 'out-of-stock', publicationId: 'PUB-CENSUS-2021' } });
    await backend.close();
  });

  it('records what dropped and what did not: stock, emptied slot, sales, refunds within what was charged', async () => {
    const backend = open();
    const payment = await value(backend.chargePayment(charge(sampleWalletCodes.approve)));
    const recorded = await value(
      backend.recordDispense({
        idempotencyKey: key(),
        paymentRef: payment.paymentRef,
        terminalId,
        items: [
          { publicationId: 'PUB-BASIC-LAW', slot: 'A1', dropped: true },
          { publicationId: 'PUB-BASIC-LAW', slot: 'A1', dropped: true },
          { publicationId: 'PUB-CENSUS-2021', slot: 'C2', dropped: false },
        ],
      }),
    );
    expect(recorded).toEqual({ paymentRef: payment.paymentRef, dispensed: 2, failed: 1 });
    const { slots } = await value(backend.publications({ terminalId }));
    expect(slots.find((s) => s.slot === 'A1')?.stock).toBe(6);
    expect(slots.find((s) => s.slot === 'C2')?.stock).toBe(0);

    const refund = {
      idempotencyKey: key(),
      paymentRef: payment.paymentRef,
      items: [{ publicationId: 'PUB-CENSUS-2021', quantity: 1 }],
      amountAvos: 8000,
      reason: 'not-dispensed' as const,
    };
    expect(await value(backend.refundPayment(refund))).toMatchObject({ amountAvos: 8000 });
    // Refunding the same item again under a new key goes beyond what was charged for it.
    expect(await failure(backend.refundPayment({ ...refund, idempotencyKey: key() }))).toMatchObject({
      rejection: { code: 'refund-refused' },
    });
    expect(
      await failure(backend.refundPayment({ ...refund, idempotencyKey: key(), amountAvos: 7999 })),
    ).toMatchObject({ rejection: { code: 'refund-refused' } });

    const sales = await value(backend.publicationSales({ from: '2026-03-02', to: '2026-03-02', terminalId }));
    expect(sales.machine).toEqual([
      expect.objectContaining({
        publicationId: 'PUB-BASIC-LAW',
        units: 2,
        revenueAvos: 6000,
        failedDispenses: 0,
      }),
      expect.objectContaining({
        publicationId: 'PUB-CENSUS-2021',
        units: 0,
        revenueAvos: 0,
        refundedUnits: 1,
        refundedAvos: 8000,
        failedDispenses: 1,
      }),
    ]);
    await backend.close();
  });

  it('refuses every refund of a payment made with the refusing code', async () => {
    const backend = open();
    const payment = await value(backend.chargePayment(charge(sampleWalletCodes.refusesRefunds)));
    const refused = await failure(
      backend.refundPayment({
        idempotencyKey: key(),
        paymentRef: payment.paymentRef,
        items: [{ publicationId: 'PUB-BASIC-LAW', quantity: 1 }],
        amountAvos: 3000,
        reason: 'not-dispensed',
      }),
    );
    expect(refused).toMatchObject({ rejection: { code: 'refund-refused' } });
    await backend.close();
  });

  it('lets staff assign, empty and refill a slot', async () => {
    const backend = open();
    const base = { idempotencyKey: key(), terminalId, staffId: 'S0001', slot: 'E1' as const };
    expect(
      await value(backend.setVendingSlot({ ...base, publicationId: 'PUB-LEASE-FORM', stock: 12 })),
    ).toEqual({
      slot: 'E1',
      publicationId: 'PUB-LEASE-FORM',
      stock: 12,
      capacity: 12,
    });
    expect(
      await value(backend.setVendingSlot({ ...base, idempotencyKey: key(), publicationId: null, stock: 5 })),
    ).toMatchObject({ publicationId: null, stock: 0 });
    expect(
      await failure(
        backend.setVendingSlot({ ...base, idempotencyKey: key(), publicationId: 'PUB-NOPE', stock: 1 }),
      ),
    ).toMatchObject({ rejection: { code: 'not-found', subject: 'publication' } });
    await backend.close();
  });

  it('has sample history: counter sales and the development terminal’s machine sales over the past year', async () => {
    const backend = open();
    const sales = await value(backend.publicationSales({ from: '2025-03-02', to: '2026-03-01' }));
    expect(sales.counter.length).toBeGreaterThan(1000);
    expect(sales.machine.length).toBeGreaterThan(100);
    expect(new Set(sales.machine.map((r) => r.terminalId))).toEqual(new Set([terminalId]));
    await backend.close();
  });

  it('gives a file of schema 2 its publications when it is opened by this code', async () => {
    const path = join(dir, 'version-2.sqlite');
    await open(path).close();
    const db = new Database(path);
    for (const table of publicationTables) db.exec(`DROP TABLE ${table}`);
    db.exec("DELETE FROM meta WHERE key = 'publications'");
    db.pragma('user_version = 2');
    db.close();
    const backend = open(path);
    const { publications, slots } = await value(backend.publications({ terminalId }));
    expect(publications.length).toBeGreaterThanOrEqual(10);
    expect(slots.length).toBeGreaterThan(0);
    await backend.close();
  });
});
