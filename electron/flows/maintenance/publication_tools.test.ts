import { afterEach, describe, expect, it } from 'vitest';
import { macauDate } from '../../../lib/macau_time.js';
import { err } from '../../../lib/result.js';
import {
  embeddedBackendAt,
  type KioskAppFixture,
  startKioskAppFixture,
} from '../../../test/support/kiosk_app_fixture.js';
import { staffBadgeOffice } from '../../../test/support/staff_badges.js';
import type { Backend } from '../../backend/contract/backend.js';
import { salesPeriodDates } from './sales_period.js';

/**
 * The Publications sales and stock tools through the router, on a kiosk app with the embedded backend (its sample
 * planogram and 400 days of sample sales, on the fake clock) and a member of staff signed in: the tools exist only
 * where publications are offered; the figures are the backend's for the period chosen; each slot action changes
 * the backend's slot and lands in the audit log with the staff id; hostile params never reach a tool.
 */
const office = staffBadgeOffice();
let kiosk: KioskAppFixture;
afterEach(() => kiosk.close());

/** MO-DEV-01 is the terminal the embedded backend's sample sales history belongs to. */
async function start(
  services: string[] = ['check-in', 'publications'],
  backend: 'embedded' | ((clock: Parameters<typeof embeddedBackendAt>[0]) => Backend) = 'embedded',
): Promise<void> {
  kiosk = await startKioskAppFixture(
    {
      terminal: { id: 'MO-DEV-01' },
      services,
      staff: { badgeKeys: office.badgeKeys, sessionIdleSeconds: 600 },
    },
    { backend },
  );
}

type Seen = Record<string, unknown> & { step: string };
const flow = (): Seen | null => {
  const view = kiosk.app.session.view();
  return view.phase === 'active' ? (view.flow as Seen) : null;
};
async function settle(until: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error(`timed out on ${JSON.stringify(flow()).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
async function signIn(): Promise<void> {
  await kiosk.call('staff-sign-in.open');
  await kiosk.call('dev.simulate', { action: 'scan', deviceId: 'scanner', text: office.badge('S0001') });
  await settle(() => flow()?.step === 'pin');
  expect(await kiosk.call('staff-sign-in.enterPin', { pin: '135790' })).toEqual({ ok: true });
}
const audited = () =>
  kiosk.app.journal.audit
    .recent(200)
    .map((row) => ({ actor: row.actor, ...JSON.parse(row.content).event }))
    .reverse();

interface Day {
  date: string;
  units: number;
  revenueAvos: number;
  counterUnits: number;
  share: number | null;
}
interface ReadyReport {
  kind: 'ready';
  total: { units: number; revenueAvos: number; counterUnits: number; share: number | null };
  days: Day[];
  publications: { publicationId: string; units: number; revenueAvos: number; title: unknown }[];
}
const report = () => (flow() as unknown as { report: { kind: string } }).report;
const ready = () => report() as ReadyReport;

describe('publications tools in maintenance', () => {
  it('are not in the menu of a terminal that does not offer publications, and cannot be opened there', async () => {
    await start(['check-in']);
    await signIn();
    expect(flow()).toMatchObject({ step: 'menu' });
    expect(flow()?.tools).not.toContain('publication-sales');
    expect(flow()?.tools).toContain('devices');
    expect(await kiosk.call('maintenance.openTool', { tool: 'publication-stock' })).toEqual({
      ok: false,
      error: 'unavailable',
    });
    expect(flow()).toMatchObject({ step: 'menu' });
  });

  it("sales: every day of the period, with the backend's figures, and another period on request", async () => {
    await start();
    await signIn();
    expect(flow()?.tools).toEqual(expect.arrayContaining(['publication-sales', 'publication-stock']));
    await kiosk.call('maintenance.openTool', { tool: 'publication-sales' });
    await settle(() => report().kind === 'ready');
    const today = macauDate(kiosk.clock.now());
    const month = salesPeriodDates('30d', today);
    expect(flow()).toMatchObject({ period: '30d', scope: 'terminal', terminalId: 'MO-DEV-01', ...month });

    // The backend's own rows for the period, summed here independently of the tool.
    const sales = await kiosk.backend!.publicationSales({ ...month, terminalId: 'MO-DEV-01' });
    if (!sales.ok) throw new Error('sales');
    const { days, total, publications } = ready();
    expect(days).toHaveLength(30);
    expect(days[0]?.date).toBe(month.from);
    expect(days.at(-1)?.date).toBe(today);
    for (const day of days) {
      const rows = sales.value.machine.filter((r) => r.date === day.date);
      const counter = sales.value.counter.filter((r) => r.date === day.date);
      const units = rows.reduce((n, r) => n + r.units, 0);
      const counterUnits = counter.reduce((n, r) => n + r.units, 0);
      expect(day).toEqual({
        date: day.date,
        units,
        revenueAvos: rows.reduce((n, r) => n + r.revenueAvos, 0),
        counterUnits,
        share: units + counterUnits === 0 ? null : units / (units + counterUnits),
      });
    }
    expect(total.units).toBe(sales.value.machine.reduce((n, r) => n + r.units, 0));
    expect(total.units).toBeGreaterThan(0);
    expect(total.share).toBeGreaterThan(0.05);
    expect(total.share).toBeLessThan(0.4);
    expect(publications.find((p) => p.publicationId === 'PUB-BASIC-LAW')).toMatchObject({
      title: expect.objectContaining({ pt: expect.any(String) }),
    });

    expect(await kiosk.call('maintenance.salesPeriod', { period: '7d', scope: 'terminal' })).toEqual({
      ok: true,
    });
    await settle(() => report().kind === 'ready' && ready().days.length === 7);
    expect(flow()).toMatchObject({ period: '7d', ...salesPeriodDates('7d', today) });
    await kiosk.call('maintenance.salesPeriod', { period: 'year', scope: 'fleet' });
    await settle(() => report().kind === 'ready' && flow()?.period === 'year');
    expect(ready().days[0]?.date).toBe(`${today.slice(0, 4)}-01-01`);
    // Reading the figures is not an action on anything: nothing audited but the sign-in.
    expect(
      audited()
        .filter((e) => e.actor === 'staff:S0001')
        .map((e) => e.kind),
    ).toEqual(['staff-signed-in', 'maintenance-entered']);
  });

  it('sales: a backend that does not answer shows its error code, and Refresh asks again', async () => {
    let down = true;
    await start(undefined, (clock) => {
      const backend = embeddedBackendAt(clock, { id: 'MO-DEV-01', centreId: 'china-plaza' });
      return new Proxy(backend, {
        get(target, name, receiver) {
          if (name === 'publicationSales' && down) return async () => err({ kind: 'timeout', afterMs: 8000 });
          return Reflect.get(target, name, receiver);
        },
      });
    });
    await signIn();
    await kiosk.call('maintenance.openTool', { tool: 'publication-sales' });
    await settle(() => report().kind !== 'loading');
    expect(report()).toEqual({ kind: 'failed', code: 'timeout' });
    down = false;
    await kiosk.call('maintenance.refresh');
    await settle(() => report().kind === 'ready');
  });

  it("stock: refill, count, assign and empty change the backend's slots, each audited as the staff member's", async () => {
    await start();
    await signIn();
    await kiosk.call('maintenance.openTool', { tool: 'publication-stock' });
    type Slot = { slot: string; publicationId: string | null; stock: number; capacity: number };
    const slots = () => (flow() as unknown as { slots: { kind: string; slots?: Slot[] } }).slots;
    const slot = (id: string) => slots().slots?.find((s) => s.slot === id);
    await settle(() => slots().kind === 'ready');
    expect(slot('A2')).toMatchObject({ publicationId: 'PUB-CIVIL-CODE', stock: 4, capacity: 5 });
    const act = async (action: Record<string, unknown>) => {
      expect(await kiosk.call('maintenance.slotAction', { action })).toEqual({ ok: true });
      await settle(() => flow()?.busy === false);
    };

    await act({ kind: 'refill', slot: 'A2', added: 1 });
    expect(flow()?.result).toEqual({ action: 'refill', slot: 'A2', ok: true, code: null });
    expect(slot('A2')?.stock).toBe(5);
    await act({ kind: 'count', slot: 'A2', stock: 3 });
    expect(slot('A2')?.stock).toBe(3);
    await act({ kind: 'empty', slot: 'D2' });
    expect(slot('D2')).toMatchObject({ publicationId: null, stock: 0 });
    // A slot with no publication cannot be counted or refilled: refused with a code, nothing changes.
    await act({ kind: 'refill', slot: 'D2', added: 2 });
    expect(flow()?.result).toEqual({ action: 'refill', slot: 'D2', ok: false, code: 'slot-unassigned' });
    await act({ kind: 'assign', slot: 'D2', publicationId: 'PUB-BASIC-LAW', stock: 6 });
    expect(slot('D2')).toMatchObject({ publicationId: 'PUB-BASIC-LAW', stock: 6 });
    // A publication the backend does not sell: the backend refuses it.
    await act({ kind: 'assign', slot: 'D1', publicationId: 'PUB-NO-SUCH-BOOK', stock: 1 });
    expect(flow()?.result).toMatchObject({ action: 'assign', slot: 'D1', ok: false, code: 'not-found' });

    // What the backend holds now, asked directly.
    const held = await kiosk.backend!.publications({ terminalId: 'MO-DEV-01' });
    if (!held.ok) throw new Error('publications');
    expect(held.value.slots.find((s) => s.slot === 'A2')?.stock).toBe(3);

    const slotActs = audited().filter((e) => e.kind === 'vending-slot-set');
    expect(slotActs).toEqual([
      expect.objectContaining({
        actor: 'staff:S0001',
        slot: 'A2',
        action: 'refill',
        stockBefore: 4,
        stock: 5,
      }),
      expect.objectContaining({
        actor: 'staff:S0001',
        slot: 'A2',
        action: 'count',
        stockBefore: 5,
        stock: 3,
      }),
      expect.objectContaining({
        actor: 'staff:S0001',
        slot: 'D2',
        action: 'empty',
        publicationId: null,
        stock: 0,
      }),
      expect.objectContaining({
        actor: 'staff:S0001',
        slot: 'D2',
        action: 'assign',
        publicationId: 'PUB-BASIC-LAW',
        stockBefore: 0,
        stock: 6,
      }),
    ]);
    expect(kiosk.app.journal.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses hostile params at the door, and slot actions on another screen', async () => {
    await start();
    await signIn();
    const refused = { ok: false, error: { code: 'invalid-params' } };
    const hostile: [string, unknown][] = [
      ['maintenance.salesPeriod', { period: '10y', scope: 'terminal' }],
      ['maintenance.salesPeriod', { period: '7d', scope: 'fleet', terminalId: 'MO-OTHER-01' }],
      ['maintenance.salesPeriod', { period: '7d' }],
      ['maintenance.slotAction', { action: { kind: 'refill', slot: 'Z9', added: 1 } }],
      ['maintenance.slotAction', { action: { kind: 'refill', slot: 'A1', added: 0 } }],
      ['maintenance.slotAction', { action: { kind: 'refill', slot: 'A1', added: 1e9 } }],
      ['maintenance.slotAction', { action: { kind: 'count', slot: 'A1', stock: -1 } }],
      ['maintenance.slotAction', { action: { kind: 'count', slot: 'A1', stock: 2.5 } }],
      [
        'maintenance.slotAction',
        { action: { kind: 'count', slot: "A1'; DROP TABLE vending_slots; --", stock: 1 } },
      ],
      ['maintenance.slotAction', { action: { kind: 'assign', slot: 'A1', publicationId: 'x', stock: 1 } }],
      ['maintenance.slotAction', { action: { kind: 'assign', slot: 'A1', publicationId: 'PUB-BASIC-LAW' } }],
      ['maintenance.slotAction', { action: { kind: 'empty', slot: 'A1', staffId: 'S0002' } }],
      ['maintenance.slotAction', { action: { kind: 'burn', slot: 'A1' } }],
      ['maintenance.slotAction', { action: { kind: 'empty', slot: 'A1' }, staffId: 'S0002' }],
      ['maintenance.slotAction', { kind: 'empty', slot: 'A1' }],
      ['maintenance.openTool', { tool: 'publication-stock ' }],
    ];
    for (const [method, params] of hostile)
      expect(await kiosk.call(method, params), JSON.stringify(params)).toMatchObject(refused);
    // Well formed, on the menu: a stale tap that changes nothing.
    expect(await kiosk.call('maintenance.slotAction', { action: { kind: 'empty', slot: 'A1' } })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(await kiosk.call('maintenance.salesPeriod', { period: '7d', scope: 'fleet' })).toEqual({
      ok: false,
      error: 'other-step',
    });
    expect(audited().filter((e) => e.kind === 'vending-slot-set')).toEqual([]);
  });
});
