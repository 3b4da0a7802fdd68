import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandCentre,
  bars,
  dayLabelEvery,
  linearScale,
  niceTicks,
  plotArea,
  rollingShare,
  sharePath,
  textWidth,
} from './sales_chart_geometry.js';

/** The sales chart's arithmetic: what a member of staff would notice if it were wrong (a bar too tall, a tick of
 * "2.5 copies", labels on top of each other, a share line that dives to zero on a day nothing was sold). */

describe('linearScale', () => {
  it('maps the ends of the domain to the ends of the range, and is monotonic in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d0, span, r0, height, t) => {
          const scale = linearScale([d0, d0 + span], [r0 + height, r0]);
          expect(scale(d0)).toBeCloseTo(r0 + height, 6);
          expect(scale(d0 + span)).toBeCloseTo(r0, 6);
          // SVG's y grows downwards: a larger value is higher up.
          expect(scale(d0 + span * t)).toBeLessThanOrEqual(scale(d0 + (span * t) / 2) + 1e-9);
        },
      ),
    );
  });

  it('a domain of zero width puts everything at the range start (no NaN in the SVG)', () => {
    expect(linearScale([0, 0], [300, 10])(0)).toBe(300);
  });
});

describe('niceTicks', () => {
  it('examples a person would expect', () => {
    expect(niceTicks(87, 6)).toEqual({ step: 20, ticks: [0, 20, 40, 60, 80, 100], top: 100 });
    expect(niceTicks(3, 6)).toEqual({ step: 1, ticks: [0, 1, 2, 3], top: 3 });
    expect(niceTicks(0, 6)).toEqual({ step: 1, ticks: [0, 1], top: 1 });
    // Revenue in avos, in whole patacas: MOP$0, 500, 1,000, … 2,500.
    expect(niceTicks(231_050, 6, 100).ticks).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
  });

  it('start at zero, cover the largest value tightly, fit the room, and step by 1, 2 or 5 × 10ⁿ of the unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 2, max: 12 }),
        fc.constantFrom(1, 100),
        (max, room, unit) => {
          const { step, ticks, top } = niceTicks(max, room, unit);
          expect(ticks[0]).toBe(0);
          expect(ticks.at(-1)).toBe(top);
          expect(top).toBeGreaterThanOrEqual(max);
          if (max > 0) expect(top - step).toBeLessThan(max);
          expect(ticks.length).toBeLessThanOrEqual(room);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(step);
          // Whole units only (no "2.5 copies", no MOP$12.34 on the axis).
          expect(Number.isInteger(step / unit)).toBe(true);
          const mantissa = step / unit / 10 ** Math.floor(Math.log10(step / unit) + 1e-9);
          expect([1, 2, 5]).toContain(Math.round(mantissa));
        },
      ),
    );
  });

  it('refuses a value that is not a number rather than looping', () => {
    expect(() => niceTicks(Number.NaN, 5)).toThrow(RangeError);
    expect(() => niceTicks(Number.POSITIVE_INFINITY, 5)).toThrow(RangeError);
  });
});

describe('day labels', () => {
  it('never overlap: every labelled day is at least a label and a gap from the next', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (band, labelWidth, gap) => {
          const every = dayLabelEvery(band, labelWidth, gap);
          expect(Number.isInteger(every) && every >= 1).toBe(true);
          expect(every * band).toBeGreaterThanOrEqual(labelWidth + gap - 1e-9);
          // …and no sparser than needed.
          if (every > 1) expect((every - 1) * band).toBeLessThan(labelWidth + gap);
        },
      ),
    );
  });

  it('text width counts a CJK character as an em, a Latin one as about 0.6', () => {
    expect(textWidth('12月2日', 20)).toBeCloseTo(20 * (0.6 * 3 + 2));
    expect(textWidth('2 Dec', 10)).toBeCloseTo(30);
  });
});

describe('bars and the share line', () => {
  const plot = plotArea(1000, 400, 20, 80, 60);

  it('the plot leaves room for both axes and the day labels', () => {
    expect(plot.left).toBeGreaterThanOrEqual(80);
    expect(plot.right).toBeLessThanOrEqual(1000 - 60);
    expect(plot.bottom).toBeLessThanOrEqual(400 - 40);
    expect(plot.top).toBeGreaterThan(0);
  });

  it('each bar stays in its band, inside the plot, as tall as its value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 366 }), (values) => {
        const { top } = niceTicks(Math.max(...values), 6);
        const drawn = bars(values, top, plot);
        const band = (plot.right - plot.left) / values.length;
        drawn.forEach((bar, i) => {
          expect(bar.x).toBeGreaterThanOrEqual(plot.left + i * band - 1e-6);
          expect(bar.x + bar.width).toBeLessThanOrEqual(
            plot.left + (i + 1) * band + 1e-6 + (band < 1 ? 1 : 0),
          );
          expect(bar.y).toBeGreaterThanOrEqual(plot.top - 1e-6);
          expect(bar.y + bar.height).toBeCloseTo(plot.bottom, 6);
          expect(bar.height).toBeCloseTo(((plot.bottom - plot.top) * values[i]!) / top, 6);
        });
      }),
    );
  });

  it('the share line goes through each day with a share, and breaks where nothing was sold either way', () => {
    const path = sharePath([0.2, null, 0.1, 0.15], 25, plot);
    const segments = path.split('M').filter(Boolean);
    expect(segments).toHaveLength(2);
    const y = linearScale([0, 25], [plot.bottom, plot.top]);
    expect(path.startsWith(`M${bandCentre(0, 4, plot).toFixed(1)},${y(20).toFixed(1)}`)).toBe(true);
    expect(path).toContain(`L${bandCentre(3, 4, plot).toFixed(1)},${y(15).toFixed(1)}`);
    expect(sharePath([null, null], 25, plot)).toBe('');
  });
});

describe('the share over time', () => {
  const day = fc.record({
    machine: fc.integer({ min: 0, max: 50 }),
    counter: fc.integer({ min: 0, max: 300 }),
  });

  it('with a window of one day it is each day’s share', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 60 }), (days) => {
        const shares = rollingShare(
          days.map((d) => d.machine),
          days.map((d) => d.counter),
          1,
        );
        shares.forEach((share, i) => {
          const { machine, counter } = days[i]!;
          expect(share).toBe(machine + counter === 0 ? null : machine / (machine + counter));
        });
      }),
    );
  });

  it('over seven days it is the share of those days’ sums, so it lies between their lowest and highest daily share', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 120 }), (days) => {
        const machine = days.map((d) => d.machine);
        const counter = days.map((d) => d.counter);
        const daily = rollingShare(machine, counter, 1);
        rollingShare(machine, counter, 7).forEach((share, i) => {
          const from = Math.max(0, i - 6);
          const sold = machine.slice(from, i + 1).reduce((a, b) => a + b, 0);
          const all = sold + counter.slice(from, i + 1).reduce((a, b) => a + b, 0);
          if (all === 0) {
            expect(share).toBeNull();
            return;
          }
          expect(share).toBeCloseTo(sold / all, 12);
          const window = daily.slice(from, i + 1).filter((s): s is number => s !== null);
          expect(share!).toBeGreaterThanOrEqual(Math.min(...window) - 1e-12);
          expect(share!).toBeLessThanOrEqual(Math.max(...window) + 1e-12);
        });
      }),
    );
  });
});
