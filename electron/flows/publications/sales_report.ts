import type { SalesReply } from '../../backend/contract/publications.js';
import { sumAvos } from '../../rpc/money.js';

/**
 * The sales report of the publications vending machines, from the backend's rows (per terminal, day and
 * publication) and DSAJ's counter sales (per day and publication): units and revenue, refunds, failed
 * dispenses, per day, per publication, per terminal and overall, and the vending share the government tracks:
 *
 *     share = machine units ÷ (machine units + counter units)
 *
 * counted in units sold (the published 13 % and 20 % are shares of copies), null when nothing was sold either
 * way. The machine rows may be per terminal or summed over the fleet; the terminals' totals come apart. Revenue is what the machines took for items that dropped (refunds of items that did not drop are listed
 * apart, never netted into units). For one terminal the share compares it with all counter sales. Everything is
 * integer arithmetic; the share is the only fraction, computed last.
 */

export interface SalesFigures {
  units: number;
  revenueAvos: number;
  refundedUnits: number;
  refundedAvos: number;
  failedDispenses: number;
  counterUnits: number;
  share: number | null;
}

export interface SalesReport {
  from: string;
  to: string;
  terminalId: string | null;
  total: SalesFigures;
  days: (SalesFigures & { date: string })[];
  publications: (SalesFigures & { publicationId: string })[];
  terminals: (Omit<SalesFigures, 'counterUnits' | 'share'> & { terminalId: string })[];
}

type Sums = Omit<SalesFigures, 'share'>;

const empty = (): Sums => ({
  units: 0,
  revenueAvos: 0,
  refundedUnits: 0,
  refundedAvos: 0,
  failedDispenses: 0,
  counterUnits: 0,
});

export function vendingShare(machineUnits: number, counterUnits: number): number | null {
  const all = machineUnits + counterUnits;
  return all === 0 ? null : machineUnits / all;
}

function withShare(sums: Sums): SalesFigures {
  return { ...sums, share: vendingShare(sums.units, sums.counterUnits) };
}

function bucket(map: Map<string, Sums>, key: string): Sums {
  let sums = map.get(key);
  if (!sums) {
    sums = empty();
    map.set(key, sums);
  }
  return sums;
}

export function buildSalesReport(
  sales: SalesReply,
  period: { from: string; to: string; terminalId?: string },
): SalesReport {
  const total = empty();
  const days = new Map<string, Sums>();
  const publications = new Map<string, Sums>();
  for (const row of sales.machine) {
    for (const sums of [total, bucket(days, row.date), bucket(publications, row.publicationId)]) {
      sums.units += row.units;
      sums.revenueAvos = sumAvos([sums.revenueAvos, row.revenueAvos]);
      sums.refundedUnits += row.refundedUnits;
      sums.refundedAvos = sumAvos([sums.refundedAvos, row.refundedAvos]);
      sums.failedDispenses += row.failedDispenses;
    }
  }
  for (const row of sales.counter) {
    for (const sums of [total, bucket(days, row.date), bucket(publications, row.publicationId)]) {
      sums.counterUnits += row.units;
    }
  }
  const sorted = (map: Map<string, Sums>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    from: period.from,
    to: period.to,
    terminalId: period.terminalId ?? null,
    total: withShare(total),
    days: sorted(days).map(([date, sums]) => ({ date, ...withShare(sums) })),
    publications: sorted(publications).map(([publicationId, sums]) => ({
      publicationId,
      ...withShare(sums),
    })),
    terminals: [...sales.terminals].sort((a, b) => (a.terminalId < b.terminalId ? -1 : 1)),
  };
}
