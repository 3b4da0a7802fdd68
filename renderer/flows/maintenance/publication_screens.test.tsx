// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowView } from '../../../electron/rpc/flow_contract.js';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { strictRpcClient } from '../../../test/support/strict_rpc_client.js';
import { createI18n } from '../../i18n/i18n.js';
import { RpcContext } from '../../rpc/rpc_context.js';
import { FlowHost } from '../flow_host.js';

/**
 * The Publications sales and stock screens with the strict RPC client, in each language: every figure of the view
 * is written (money as money.ts writes it, no key left untranslated), the chart is an image named by its summary
 * with a table of the same days on request, and each tap sends exactly its intent — a slot action only once it is
 * confirmed, with the copies chosen.
 */
const staff = { staffId: 'S0002', name: 'LEONG Ka Wai 梁家偉' };

function draw(
  flow: FlowView,
  expected: Parameters<typeof strictRpcClient>[0] = {},
  language: Language = 'en',
) {
  const rpc = strictRpcClient(expected);
  render(
    <RpcContext.Provider value={rpc.client}>
      <I18nextProvider i18n={createI18n(language)}>
        <FlowHost flow={flow} />
      </I18nextProvider>
    </RpcContext.Provider>,
  );
  return rpc;
}
const tap = (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const figures = {
  refundedUnits: 1,
  refundedAvos: 12_000,
  failedDispenses: 1,
};
const sales: MaintenanceFlowView = {
  service: 'maintenance',
  staff,
  step: 'publication-sales',
  period: '7d',
  scope: 'terminal',
  from: '2026-11-26',
  to: '2026-12-02',
  terminalId: 'MO-DEV-01',
  report: {
    kind: 'ready',
    total: { units: 1234, revenueAvos: 15_432_150, counterUnits: 4000, share: 1234 / 5234, ...figures },
    days: [
      { date: '2026-11-26', units: 3, revenueAvos: 45_000, counterUnits: 12, share: 0.2 },
      { date: '2026-11-27', units: 0, revenueAvos: 0, counterUnits: 0, share: null },
      { date: '2026-11-28', units: 9, revenueAvos: 120_050, counterUnits: 30, share: 9 / 39 },
    ],
    publications: [
      {
        publicationId: 'PUB-BASIC-LAW',
        title: {
          'zh-Hant': '澳門特別行政區基本法',
          pt: 'Lei Básica da RAEM',
          en: 'The Basic Law of the MSAR',
        },
        units: 12,
        revenueAvos: 165_050,
        counterUnits: 42,
        share: 12 / 54,
        ...figures,
      },
      // Known only by its code (the catalogue did not answer).
      {
        publicationId: 'PUB-OLD-FORM',
        title: null,
        units: 0,
        revenueAvos: 0,
        counterUnits: 3,
        share: 0,
        ...figures,
      },
    ],
  },
};

describe('Publications sales screen', () => {
  it.each(['zh-Hant', 'zh-Hans', 'pt', 'en'] as const)(
    '%s: every figure written, no key left untranslated',
    (language) => {
      draw(sales, {}, language);
      const text = document.body.textContent ?? '';
      expect(text).not.toMatch(/\bsales\.|\bstock\./);
      expect(screen.getByTestId('sales-total-revenue').textContent).toBe(
        language === 'pt' ? '154\u00a0321,50\u00a0MOP$' : 'MOP$154,321.50',
      );
      expect(screen.getByTestId('sales-publications').textContent).toContain('PUB-OLD-FORM');
    },
  );

  it('the chart is one image named by its summary; the days as a table on request; a period by intent only', async () => {
    // The chart's box, as a screen would lay it out (happy-dom lays nothing out).
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      width: 900,
      height: 420,
    } as DOMRect);
    const rpc = draw(sales, { 'maintenance.salesPeriod': { ok: true } });
    const summary = screen.getByTestId('sales-summary');
    expect(summary.textContent).toContain('1,234 copies for MOP$154,321.50');
    expect(summary.textContent).toContain('from 20% to 23.1%');
    const svg = document.querySelector('svg.sales-chart__svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe(summary.id);
    expect(
      [...document.querySelectorAll('.sales-chart__bar')].map((b) => b.getAttribute('data-value')),
    ).toEqual(['3', '0', '9']);
    // The day with nothing sold either way breaks the share line: two pieces.
    expect(screen.getByTestId('sales-chart-share').getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(screen.queryByTestId('sales-days-table')).toBeNull();
    await tap('sales-table-toggle');
    const rows = screen.getByTestId('sales-days-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.querySelector('[data-field="share"]')?.textContent)).toEqual([
      '20%',
      '—',
      '23.1%',
    ]);
    expect(screen.getByTestId('sales-table-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(rpc.calls).toEqual([]);
    await tap('sales-period-year');
    await tap('sales-scope-fleet');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.salesPeriod', params: { period: 'year', scope: 'terminal' } },
      // The second tap, before the first one's figures arrived, keeps the period just chosen.
      { method: 'maintenance.salesPeriod', params: { period: 'year', scope: 'fleet' } },
    ]);
  });
});

const stock: MaintenanceFlowView = {
  service: 'maintenance',
  staff,
  step: 'publication-stock',
  slots: {
    kind: 'ready',
    slots: [
      { slot: 'A2', publicationId: 'PUB-CIVIL-CODE', title: { pt: 'Código Civil' }, stock: 4, capacity: 5 },
      { slot: 'D2', publicationId: null, title: null, stock: 0, capacity: 8 },
    ],
  },
  publications: [
    { publicationId: 'PUB-CIVIL-CODE', title: { pt: 'Código Civil' } },
    { publicationId: 'PUB-BASIC-LAW', title: { en: 'The Basic Law of the MSAR' } },
  ],
  busy: false,
  result: { action: 'refill', slot: 'D2', ok: false, code: 'slot-unassigned' },
};

describe('Publications stock screen', () => {
  it('a slot without a publication offers only assign; a refusal says what to do', () => {
    draw(stock);
    expect(screen.getByTestId('stock-result').textContent).toContain('Assign one first');
    expect(screen.queryByTestId('stock-slot-D2-refill')).toBeNull();
    expect(screen.getByTestId('stock-slot-D2-assign')).toBeTruthy();
    // A title in Portuguese only is shown in Portuguese to an English reader.
    expect(screen.getByTestId('stock-slot-A2-title').textContent).toBe('Código Civil');
  });

  it('refill starts at what fills the slot and is sent only when confirmed, with the copies chosen', async () => {
    const rpc = draw(stock, { 'maintenance.slotAction': { ok: true } });
    await tap('stock-slot-A2-refill');
    expect(screen.getByTestId('stock-slot-A2-copies').textContent).toBe('1');
    // Refill adds at least one: "fewer" stops there.
    expect(screen.getByTestId('stock-slot-A2-fewer').hasAttribute('disabled')).toBe(true);
    await tap('stock-slot-A2-more');
    await tap('stock-slot-A2-more');
    expect(rpc.calls).toEqual([]);
    expect(screen.getByTestId('stock-slot-A2-confirm').textContent).toBe('Add 3 to slot A2');
    await tap('stock-slot-A2-confirm');
    expect(rpc.calls).toEqual([
      { method: 'maintenance.slotAction', params: { action: { kind: 'refill', slot: 'A2', added: 3 } } },
    ]);
  });

  it('assign sends the publication picked; cancel sends nothing', async () => {
    const rpc = draw(stock, { 'maintenance.slotAction': { ok: true } });
    await tap('stock-slot-A2-empty');
    await tap('stock-slot-A2-cancel');
    await tap('stock-slot-D2-assign');
    // The publication is chosen from a list the button opens (a focus layer for the keypad); nothing is sent yet.
    await tap('stock-slot-D2-publication');
    await tap('stock-slot-D2-publication-PUB-BASIC-LAW');
    expect(screen.getByTestId('stock-slot-D2-publication').textContent).toBe('The Basic Law of the MSAR');
    expect(rpc.calls).toEqual([]);
    await tap('stock-slot-D2-fewer');
    await tap('stock-slot-D2-confirm');
    expect(rpc.calls).toEqual([
      {
        method: 'maintenance.slotAction',
        params: { action: { kind: 'assign', slot: 'D2', publicationId: 'PUB-BASIC-LAW', stock: 7 } },
      },
    ]);
  });
});
