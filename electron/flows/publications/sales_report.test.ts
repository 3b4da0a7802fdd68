import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SalesReply } from '../../backend/contract/publications.js';
import { csvCell, salesCsv } from './sales_csv.js';
import { buildSalesReport, vendingShare } from './sales_report.js';

const row = (date: string, terminalId: string, publicationId: string, units: number, unitAvos: number) => ({
  date,
  terminalId,
  publicationId,
  units,
  revenueAvos: units * unitAvos,
  refundedUnits: 0,
  refundedAvos: 0,
  failedDispenses: 0,
});

type MachineRow = SalesReply['machine'][number];

/** What the backend sums per terminal (in SQL), summed here the plain way. */
function withTerminals(machine: MachineRow[], counter: SalesReply['counter']): SalesReply {
  const terminals = new Map<string, SalesReply['terminals'][number]>();
  for (const r of machine) {
    const id = r.terminalId ?? 'unknown';
    const t = terminals.get(id) ?? {
      terminalId: id,
      units: 0,
      revenueAvos: 0,
      refundedUnits: 0,
      refundedAvos: 0,
      failedDispenses: 0,
    };
    t.units += r.units;
    t.revenueAvos += r.revenueAvos;
    t.refundedUnits += r.refundedUnits;
    t.refundedAvos += r.refundedAvos;
    t.failedDispenses += r.failedDispenses;
    terminals.set(id, t);
  }
  return { machine, counter, terminals: [...terminals.values()] };
}

describe('the sales report', () => {
  const sales: SalesReply = withTerminals(
    [
      row('2024-05-01', 'MO-A', 'PUB-X', 2, 3000),
      {
        ...row('2024-05-01', 'MO-B', 'PUB-X', 1, 3000),
        refundedUnits: 1,
        refundedAvos: 3000,
        failedDispenses: 1,
      },
      row('2024-05-02', 'MO-A', 'PUB-Y', 1, 8000),
    ],
    [
      { date: '2024-05-01', publicationId: 'PUB-X', units: 12 },
      { date: '2024-05-02', publicationId: 'PUB-Y', units: 4 },
      { date: '2024-05-02', publicationId: 'PUB-Z', units: 5 },
    ],
  );

  it('adds units, revenue, refunds and failed dispenses per day, publication and terminal', () => {
    const report = buildSalesReport(sales, { from: '2024-05-01', to: '2024-05-02' });
    expect(report.total).toEqual({
      units: 4,
      revenueAvos: 17_000,
      refundedUnits: 1,
      refundedAvos: 3000,
      failedDispenses: 1,
      counterUnits: 21,
      share: 4 / 25,
    });
    expect(report.days.map((d) => [d.date, d.units, d.counterUnits, d.share])).toEqual([
      ['2024-05-01', 3, 12, 3 / 15],
      ['2024-05-02', 1, 9, 1 / 10],
    ]);
    expect(report.publications.find((p) => p.publicationId === 'PUB-Z')).toMatchObject({
      units: 0,
      share: 0,
    });
    expect(report.terminals).toEqual([
      expect.objectContaining({ terminalId: 'MO-A', units: 3, revenueAvos: 14_000 }),
      expect.objectContaining({ terminalId: 'MO-B', units: 1, refundedAvos: 3000 }),
    ]);
  });

  it('has no share when nothing was sold either way', () => {
    expect(vendingShare(0, 0)).toBeNull();
    expect(
      buildSalesReport({ machine: [], counter: [], terminals: [] }, { from: '2024-01-01', to: '2024-01-31' })
        .total.share,
    ).toBeNull();
  });

  const dates = fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-29', '2024-12-31');
  const machineRow = fc.record({
    date: dates,
    terminalId: fc.constantFrom('MO-A', 'MO-B', 'HQ-C'),
    publicationId: fc.constantFrom('PUB-X', 'PUB-Y'),
    units: fc.nat(50),
    revenueAvos: fc.nat(5_000_000),
    refundedUnits: fc.nat(5),
    refundedAvos: fc.nat(50_000),
    failedDispenses: fc.nat(5),
  });
  const counterRow = fc.record({
    date: dates,
    publicationId: fc.constantFrom('PUB-X', 'PUB-Y'),
    units: fc.nat(50),
  });

  it('every breakdown adds up to the total, exactly, and every share is a fraction (property)', () => {
    fc.assert(
      fc.property(
        fc.array(machineRow, { maxLength: 60 }),
        fc.array(counterRow, { maxLength: 30 }),
        (machine, counter) => {
          const report = buildSalesReport(withTerminals(machine, counter), {
            from: '2024-01-01',
            to: '2024-12-31',
          });
          for (const breakdown of [report.days, report.publications, report.terminals]) {
            expect(breakdown.reduce((s, b) => s + b.units, 0)).toBe(report.total.units);
            expect(breakdown.reduce((s, b) => s + b.revenueAvos, 0)).toBe(report.total.revenueAvos);
            expect(breakdown.reduce((s, b) => s + b.refundedAvos, 0)).toBe(report.total.refundedAvos);
          }
          for (const figures of [report.total, ...report.days, ...report.publications]) {
            if (figures.share !== null) expect(figures.share).toBeGreaterThanOrEqual(0);
            if (figures.share !== null) expect(figures.share).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('the sales CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula, and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Código Civil, 2.ª edição')).toBe('"Código Civil, 2.ª edição"');
    expect(csvCell('民法典')).toBe('民法典');
  });

  it('writes one row per day, terminal and publication with amounts in patacas and the share', () => {
    const csv = salesCsv(
      withTerminals(
        [row('2024-05-01', 'MO-A', 'PUB-X', 2, 3000)],
        [{ date: '2024-05-01', publicationId: 'PUB-X', units: 8 }],
      ),
      () => '=cmd|calc',
    );
    expect(csv.split('\r\n')).toEqual([
      'date,terminal,publication,title,units,revenue_mop,refunded_units,refunded_mop,failed_dispenses,counter_units,vending_share',
      "2024-05-01,MO-A,PUB-X,'=cmd|calc,2,60.00,0,0.00,0,8,0.2000",
      '',
    ]);
  });
});
