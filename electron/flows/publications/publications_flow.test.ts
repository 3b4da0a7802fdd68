import { afterEach, describe, expect, it } from 'vitest';
import { type KioskAppFixture, startKioskAppFixture } from '../../../test/support/kiosk_app_fixture.js';
import { sampleWalletCodes } from '../../backend/embedded/payment_gateway_simulator.js';
import type { PublicationsFlowView } from '../../rpc/flows/publications_contract.js';

/**
 * The publications flow through the router, as the renderer drives it, on the embedded backend (its sample
 * publications, slots and gateway simulator), the simulated scanner, ticket printer and vending unit (loaded at
 * start from the backend's planogram). Every transition without a screen: browse, search, detail, basket, pay
 * (declined, empty wallet, not a code, no answer then paid once), dispense (a jammed slot refunded and reported),
 * and the ends (cancel, idle timeout: nothing charged, nothing left).
 */

const devices = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  {
    id: 'vending',
    kind: 'vending-unit',
    transport: 'simulated',
    options: { turnMs: 10, dropWindowMs: 5, pollMs: 5 },
  },
];

let kiosk: KioskAppFixture;
afterEach(async () => kiosk.close());

const flow = () => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as PublicationsFlowView) : null;
};
const stepBecomes = (step: string) => expect.poll(() => flow()?.step, { timeout: 10_000 }).toBe(step);
const call = (intent: string, params: object = {}) => kiosk.call(`publications.${intent}`, params);
const accepted = { ok: true };
const scan = (text: string) =>
  kiosk.devices.simulate({ action: 'scan', deviceId: 'scanner', text, symbology: 'qr' });
const vending = () => {
  const unit = kiosk.devices.simulators().find((d) => d.deviceId === 'vending');
  if (!unit?.vending) throw new Error('no simulated vending unit');
  return unit.vending;
};
const stockOf = (slot: string) => vending().slots.find((s) => s.slot === slot)?.stock;
const sales = () => kiosk.app.journal.transactions.unfinished();

async function machineSales() {
  const day = new Date(kiosk.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const reply = await kiosk.app.flowServices.backend.publicationSales({
    from: day,
    to: day,
    terminalId: kiosk.config.terminal.id,
  });
  if (!reply.ok) throw new Error('sales');
  return reply.value.machine;
}

async function openPublications(language: 'en' | 'pt' | 'zh-Hant' | 'zh-Hans' = 'en'): Promise<void> {
  kiosk = await startKioskAppFixture(
    { terminal: { id: 'MO-DEV-01' }, services: ['publications'], devices },
    { clockStart: Date.parse('2026-03-02T10:07:00+08:00'), backend: 'embedded' },
  );
  // The simulated unit is loaded from the planogram at start.
  await expect.poll(() => stockOf('A1'), { timeout: 10_000 }).toBe(8);
  await kiosk.call('session.start', { language });
  await kiosk.call('home.chooseLanguage', { language });
  await kiosk.call('home.openService', { service: 'publications' });
  expect(await kiosk.call('home.startService')).toEqual(accepted);
  await stepBecomes('browse');
}

/** Basic Law ×2 (A1, MOP$30.00 each) and the 2021 census (C2, MOP$80.00): MOP$140.00. */
async function fillBasket(): Promise<void> {
  await call('openGroup', { key: 'DSAJ' });
  expect(await call('open', { publicationId: 'PUB-BASIC-LAW' })).toEqual(accepted);
  expect(await call('setQuantity', { publicationId: 'PUB-BASIC-LAW', quantity: 2 })).toEqual(accepted);
  await call('back'); // the list
  await call('back'); // browse
  await call('browseBy', { by: 'category' });
  await call('openGroup', { key: 'statistics' });
  await call('open', { publicationId: 'PUB-CENSUS-2021' });
  await call('setQuantity', { publicationId: 'PUB-CENSUS-2021', quantity: 1 });
  expect(await call('showBasket')).toEqual(accepted);
}

async function checkout(): Promise<void> {
  expect(await call('checkout')).toEqual(accepted);
  await stepBecomes('pay');
}

describe('browsing publications', () => {
  it('groups by department (named) and by category, lists a group, and shows a detail', async () => {
    await openPublications();
    const browse = flow();
    if (browse?.step !== 'browse') throw new Error('browse');
    expect(browse.by).toBe('department');
    expect(browse.groups.map((g) => g.key)).toEqual(['DSAJ', 'DSAL', 'DSEC', 'GCS', 'IC']);
    expect(browse.groups.find((g) => g.key === 'DSEC')?.name?.en).toContain('Statistics');
    expect(browse.basket).toEqual({ items: 0, totalAvos: 0 });
    await call('browseBy', { by: 'category' });
    expect((flow() as { groups: { key: string; count: number }[] }).groups).toContainEqual({
      key: 'law',
      name: null,
      count: 5,
    });
    await call('openGroup', { key: 'culture' });
    const list = flow();
    if (list?.step !== 'list') throw new Error('list');
    expect(list.publications.map((p) => [p.id, p.available])).toEqual([
      ['PUB-HISTORIC-CENTRE', 6],
      ['PUB-REVISTA-CULTURA', 0],
    ]);
    await call('open', { publicationId: 'PUB-HISTORIC-CENTRE' });
    const detail = flow();
    if (detail?.step !== 'detail') throw new Error('detail');
    expect(detail.publication).toMatchObject({
      id: 'PUB-HISTORIC-CENTRE',
      publisher: 'IC',
      available: 6,
      inBasket: 0,
      sample: true,
    });
    expect(detail.publication.contents.length).toBeGreaterThan(0);
    expect(detail.publication.editionLanguages.length).toBeGreaterThan(0);
    // Back retraces: detail → list → browse → the list of services.
    await call('back');
    expect(flow()?.step).toBe('list');
    await call('back');
    expect(flow()?.step).toBe('browse');
    await call('back');
    expect(kiosk.app.session.view()).toMatchObject({ flow: { service: 'home', step: 'services' } });
  });

  it('refuses intents of another step, unknown groups and publications, and malformed params', async () => {
    await openPublications();
    expect(await call('checkout')).toEqual({ ok: false, error: 'other-step' });
    expect(await call('setQuantity', { publicationId: 'PUB-BASIC-LAW', quantity: 1 })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(await call('openGroup', { key: 'NOPE' })).toEqual({ ok: false, error: 'unavailable' });
    expect(await call('search', { text: 'law' })).toEqual({ ok: false, error: 'other-step' });
    await call('openGroup', { key: 'DSAJ' });
    expect(await call('open', { publicationId: 'PUB-NOT-SOLD-HERE' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    for (const [intent, params] of [
      ['open', { publicationId: "'; DROP TABLE payments; --" }],
      ['setQuantity', { publicationId: 'PUB-BASIC-LAW', quantity: 21 }],
      ['setQuantity', { publicationId: 'PUB-BASIC-LAW', quantity: 1.5 }],
      ['browseBy', { by: 'price' }],
      ['openGroup', { key: 'x'.repeat(41) }],
      ['search', { text: 'a'.repeat(101) }],
      ['checkout', { walletCode: sampleWalletCodes.approve }],
    ] as const) {
      expect(await call(intent, params)).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    }
    expect(flow()?.step).toBe('list');
  });

  it('search: pinyin initials, Portuguese without accents, Traditional or Simplified characters, a code', async () => {
    await openPublications('zh-Hans');
    await call('openSearch');
    const found = async (text: string) => {
      expect(await call('search', { text })).toEqual(accepted);
      const view = flow();
      if (view?.step !== 'search') throw new Error('search');
      return view.results.map((p) => p.id);
    };
    expect(await found('jbf')).toEqual(['PUB-BASIC-LAW']);
    expect(await found('codigo')).toEqual(['PUB-CIVIL-CODE', 'PUB-PENAL-CODE', 'PUB-COMMERCIAL-CODE']);
    expect(await found('民法')).toContain('PUB-CIVIL-CODE');
    expect(await found('統計')).toEqual(await found('统计'));
    expect(await found('dsec')).toEqual(['PUB-STATS-YEARBOOK', 'PUB-CENSUS-2021']);
    expect(await found('zzqx')).toEqual([]);
    expect(await found('')).toEqual([]);
    await call('open', { publicationId: 'PUB-BASIC-LAW' });
    await call('back');
    expect(flow()).toMatchObject({ step: 'search', query: '' });
  });
});

describe('the basket', () => {
  it('holds quantities up to the stock, totals in avos, and drops a line at 0', async () => {
    await openPublications();
    await fillBasket();
    const basket = flow();
    if (basket?.step !== 'basket') throw new Error('basket');
    expect(basket.lines.map((l) => [l.publication.id, l.quantity, l.max, l.lineAvos])).toEqual([
      ['PUB-BASIC-LAW', 2, 8, 6000],
      ['PUB-CENSUS-2021', 1, 2, 8000],
    ]);
    expect(basket.totalAvos).toBe(14_000);
    // The census has 2 in its slot: a third is refused, the basket unchanged.
    expect(await call('setQuantity', { publicationId: 'PUB-CENSUS-2021', quantity: 3 })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(await call('setQuantity', { publicationId: 'PUB-BASIC-LAW', quantity: 0 })).toEqual(accepted);
    expect(flow()).toMatchObject({ step: 'basket', totalAvos: 8000, lines: [{ quantity: 1 }] });
    // A sold-out title cannot be added at all.
    await call('back');
    await call('browseBy', { by: 'category' });
    await call('openGroup', { key: 'culture' });
    await call('open', { publicationId: 'PUB-REVISTA-CULTURA' });
    expect(await call('setQuantity', { publicationId: 'PUB-REVISTA-CULTURA', quantity: 1 })).toEqual({
      ok: false,
      error: 'unavailable',
    });
  });

  it('an idle timeout mid-basket: nothing charged, no sale left, the next resident starts empty', async () => {
    await openPublications();
    await fillBasket();
    kiosk.clock.advance(kiosk.config.timeLimits.idleSeconds * 1000);
    kiosk.clock.advance(kiosk.config.timeLimits.warningSeconds * 1000);
    await expect.poll(() => kiosk.app.session.view().phase).toBe('attract');
    expect(sales()).toEqual([]);
    expect(await machineSales()).toEqual([]);
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    await kiosk.call('home.openService', { service: 'publications' });
    await kiosk.call('home.startService');
    await stepBecomes('browse');
    expect(flow()).toMatchObject({ basket: { items: 0, totalAvos: 0 } });
  });

  it('an idle timeout on the pay step voids the sale; after an unanswered charge, recovery asks and refunds', async () => {
    await openPublications();
    await fillBasket();
    await checkout();
    const [unpaid] = kiosk.app.journal.transactions.inProgress();
    kiosk.clock.advance(
      (kiosk.config.timeLimits.idleSeconds + kiosk.config.timeLimits.warningSeconds) * 1000,
    );
    await expect.poll(() => kiosk.app.session.view().phase).toBe('attract');
    expect(kiosk.app.journal.transactions.get(unpaid?.id ?? -1)).toMatchObject({ state: 'voided' });
    // Another resident: a charge whose answer was lost, then gone before scanning again.
    await kiosk.call('session.start', { language: 'en' });
    await kiosk.call('home.chooseLanguage', { language: 'en' });
    await kiosk.call('home.openService', { service: 'publications' });
    await kiosk.call('home.startService');
    await stepBecomes('browse');
    await fillBasket();
    await checkout();
    await scan(sampleWalletCodes.timeoutOnce);
    await expect.poll(() => (flow() as { problem?: string }).problem, { timeout: 10_000 }).toBe('no-answer');
    const [charged] = kiosk.app.journal.transactions.inProgress();
    kiosk.clock.advance(
      (kiosk.config.timeLimits.idleSeconds + kiosk.config.timeLimits.warningSeconds) * 1000,
    );
    await expect.poll(() => kiosk.app.session.view().phase).toBe('attract');
    // Handed to recovery, never voided here: the gateway may have charged. Recovery asks with the same key.
    await kiosk.app.journal.recoverNow();
    await expect
      .poll(() => kiosk.app.journal.transactions.get(charged?.id ?? -1)?.state, { timeout: 10_000 })
      .toBe('voided');
    expect(await machineSales()).toContainEqual(
      expect.objectContaining({ publicationId: 'PUB-BASIC-LAW', units: 0, refundedUnits: 2 }),
    );
  });

  it('leaving the pay step voids the sale (nothing charged); Cancel there goes home with the basket gone', async () => {
    await openPublications();
    await fillBasket();
    await checkout();
    expect(flow()).toMatchObject({ step: 'pay', totalAvos: 14_000, items: 3, problem: null });
    const [sale] = kiosk.app.journal.transactions.inProgress();
    expect(sale).toMatchObject({ kind: 'publication-sale', state: 'started' });
    expect(await call('back')).toEqual(accepted);
    expect(flow()?.step).toBe('basket');
    expect(kiosk.app.journal.transactions.get(sale?.id ?? -1)?.state).toBe('voided');
    await checkout();
    expect(await call('cancel')).toEqual(accepted);
    expect(kiosk.app.session.view()).toMatchObject({ flow: { service: 'home' } });
    expect(kiosk.app.journal.transactions.inProgress()).toEqual([]);
    expect(await machineSales()).toEqual([]);
  });
});

describe('paying and dispensing', () => {
  it('two items paid with a wallet code: each turned out, recorded, the receipt printed, done', async () => {
    await openPublications();
    await fillBasket();
    await checkout();
    await scan(sampleWalletCodes.approve);
    await stepBecomes('done');
    expect(flow()).toMatchObject({
      step: 'done',
      paidAvos: 14_000,
      refundedAvos: 0,
      end: 'completed',
      receipt: 'printing',
      items: [{ state: 'dropped' }, { state: 'dropped' }, { state: 'dropped' }],
    });
    expect(stockOf('A1')).toBe(6);
    expect(stockOf('C2')).toBe(1);
    expect(await machineSales()).toEqual([
      expect.objectContaining({ publicationId: 'PUB-BASIC-LAW', units: 2, revenueAvos: 6000 }),
      expect.objectContaining({ publicationId: 'PUB-CENSUS-2021', units: 1, revenueAvos: 8000 }),
    ]);
    const log = kiosk.logger.lines.map((l) => JSON.stringify(l)).join('\n');
    expect(log).toContain('publication-sale-ended');
    // The wallet code is a payment credential: never in the log, the journal or the session.
    expect(log).not.toContain(sampleWalletCodes.approve);
    expect(JSON.stringify(kiosk.app.session.view())).not.toContain(sampleWalletCodes.approve);
    expect(await call('finish')).toEqual(accepted);
    expect(kiosk.app.session.view().phase).toBe('attract');
  });

  it('declined, insufficient funds and not a payment code each say so and charge nothing; then it pays', async () => {
    await openPublications('pt');
    await fillBasket();
    await checkout();
    for (const [code, problem] of [
      [sampleWalletCodes.decline, 'payment-declined'],
      [sampleWalletCodes.insufficientFunds, 'insufficient-funds'],
      ['MOBK1:SAMP-0001:SAMPLE0000000001', 'not-a-payment-code'],
      ['12345', 'not-a-payment-code'],
    ] as const) {
      await scan(code);
      await expect.poll(() => (flow() as { problem?: string }).problem, { timeout: 10_000 }).toBe(problem);
      expect(flow()?.step).toBe('pay');
    }
    expect(await machineSales()).toEqual([]);
    expect(await call('back')).toEqual(accepted); // refused payments leave the basket reachable
    await checkout();
    await scan(sampleWalletCodes.approve);
    await stepBecomes('done');
    expect(flow()).toMatchObject({ paidAvos: 14_000, end: 'completed' });
  });

  it('a gateway timeout, then the code again: asked by key, charged once', async () => {
    await openPublications();
    await fillBasket();
    await checkout();
    await scan(sampleWalletCodes.timeoutOnce);
    await expect.poll(() => (flow() as { problem?: string }).problem, { timeout: 10_000 }).toBe('no-answer');
    await scan(sampleWalletCodes.approve);
    await stepBecomes('done');
    expect(flow()).toMatchObject({ paidAvos: 14_000, end: 'completed' });
    const machine = await machineSales();
    expect(machine.reduce((sum, row) => sum + row.revenueAvos, 0)).toBe(14_000);
    const finished = kiosk.app.journal.transactions.events(1).map((e) => e.to);
    expect(finished).toContain('confirmed');
  });

  it('a jammed slot: turned twice, its item refunded, the slot marked empty, staff alerted', async () => {
    await openPublications('zh-Hant');
    await kiosk.devices.simulate({ action: 'slot-jam', deviceId: 'vending', slot: 'C2', jam: true });
    await fillBasket();
    await checkout();
    await scan(sampleWalletCodes.approve);
    await stepBecomes('done');
    expect(flow()).toMatchObject({
      step: 'done',
      paidAvos: 14_000,
      refundedAvos: 8000,
      end: 'completed',
      items: [{ state: 'dropped' }, { state: 'dropped' }, { state: 'not-dropped' }],
    });
    expect(kiosk.app.journal.alerts.list().map((a) => a.detail)).toContainEqual({
      code: 'slot-failed',
      deviceId: 'vending',
      slot: 'C2',
    });
    expect(await machineSales()).toContainEqual(
      expect.objectContaining({ publicationId: 'PUB-CENSUS-2021', units: 0, failedDispenses: 1 }),
    );
    const slots = await kiosk.app.flowServices.backend.publications({ terminalId: 'MO-DEV-01' });
    expect(slots.ok && slots.value.slots.find((s) => s.slot === 'C2')?.stock).toBe(0);
  });

  it('Back and Cancel are refused while the charge is on its way and while items turn', async () => {
    await openPublications();
    await fillBasket();
    await checkout();
    await scan(sampleWalletCodes.approve);
    await expect.poll(() => flow()?.step, { timeout: 10_000 }).not.toBe('pay');
    if (flow()?.step !== 'done') {
      expect(await call('cancel')).toEqual({ ok: false, error: 'other-step' });
      expect(await call('back')).toEqual({ ok: false, error: 'other-step' });
    }
    await stepBecomes('done');
    // Done: Back shops again (the catalogue read afresh, the basket empty); Cancel goes to the services.
    expect(await call('back')).toEqual(accepted);
    await stepBecomes('browse');
    expect(flow()).toMatchObject({ basket: { items: 0, totalAvos: 0 } });
    expect(await call('cancel')).toEqual(accepted);
    expect(kiosk.app.session.view()).toMatchObject({ flow: { service: 'home' } });
  });
});
