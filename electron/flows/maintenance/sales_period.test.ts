import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { salesPeriods } from '../../rpc/flows/maintenance_choices.js';
import { datesBetween, salesPeriodDates } from './sales_period.js';

describe('sales periods', () => {
  it('end today and count whole days, across month, year and leap-day edges', () => {
    expect(salesPeriodDates('7d', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(salesPeriodDates('30d', '2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(salesPeriodDates('90d', '2026-01-15')).toEqual({ from: '2025-10-18', to: '2026-01-15' });
    expect(salesPeriodDates('year', '2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-12-02' });
    expect(salesPeriodDates('year', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('datesBetween lists each day once, in order, as many as the period says', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...salesPeriods), (today, period) => {
        const { from, to } = salesPeriodDates(period, today);
        const dates = datesBetween(from, to);
        expect(dates[0]).toBe(from);
        expect(dates.at(-1)).toBe(today);
        for (let i = 1; i < dates.length; i++) expect(dates[i - 1]! < dates[i]!).toBe(true);
        expect(new Set(dates).size).toBe(dates.length);
        if (period !== 'year') expect(dates).toHaveLength(Number.parseInt(period, 10));
        else expect(dates.length).toBeLessThanOrEqual(366);
      }),
    );
  });
});
