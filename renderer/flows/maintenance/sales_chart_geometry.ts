/**
 * The arithmetic of the Publications sales chart, as pure functions (sales_chart.tsx draws what they return): a
 * linear scale, "nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ of a smallest unit, from zero to just above the
 * largest value), how many day labels fit under the bars, the plot's margins for labels of a measured font size,
 * and the bars and the share line in SVG pixel coordinates. Nothing here knows React, locales or colours.
 */

/** Maps `domain` linearly onto `range`; a domain of zero width maps everything to the range's start. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

export interface Ticks {
  /** The distance between two ticks, a multiple of the smallest unit. */
  step: number;
  /** From 0 to `top`, `step` apart. */
  ticks: number[];
  /** The axis's end: the first tick at or above the largest value (one step when every value is 0). */
  top: number;
}

/**
 * Ticks from 0 that cover `max` with at most `maxTicks` of them (zero included, at least two), each step 1, 2 or
 * 5 × 10ⁿ × `unit`: `unit` 1 for copies (no "2.5 copies"), 100 for avos (whole patacas), 1 for percent points.
 */
export function niceTicks(max: number, maxTicks: number, unit = 1): Ticks {
  if (!Number.isFinite(max) || !(unit > 0)) throw new RangeError(`no ticks for ${max} in units of ${unit}`);
  const intervals = Math.max(1, Math.floor(maxTicks) - 1);
  // The smallest step of 1, 2 or 5 × 10ⁿ × unit that reaches `max` in `intervals` steps.
  const least = Math.max(max, 0) / intervals;
  let step = unit;
  for (let magnitude = unit; ; magnitude *= 10) {
    const fit = [1, 2, 5].find((m) => m * magnitude >= least);
    if (fit !== undefined) {
      step = fit * magnitude;
      break;
    }
  }
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top; i++) ticks.push(i * step);
  return { step, ticks, top };
}

/** Label every `every`-th day (from the first) so that labels `labelWidth` wide never overlap in bands `band` wide. */
export function dayLabelEvery(band: number, labelWidth: number, gap: number): number {
  if (band <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.ceil((labelWidth + gap) / band));
}

/** About how wide a text is in a font of `fontPx`: CJK characters an em, others about 0.6 em (Noto Sans). */
export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * fontPx;
}

export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot inside a `width` × `height` chart, leaving room for the left and right axis labels and the day labels. */
export function plotArea(
  width: number,
  height: number,
  fontPx: number,
  leftLabelWidth: number,
  rightLabelWidth: number,
): PlotArea {
  const pad = fontPx * 0.6;
  return {
    left: Math.min(width / 3, leftLabelWidth + pad * 2),
    right: Math.max((width * 2) / 3, width - rightLabelWidth - pad * 2),
    top: fontPx,
    bottom: Math.max(fontPx * 2, height - fontPx * 2.2),
  };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One bar per value, each in its own band of the plot's width, from the plot's bottom up to the value. */
export function bars(values: readonly number[], top: number, plot: PlotArea): Bar[] {
  const band = (plot.right - plot.left) / Math.max(1, values.length);
  const width = Math.max(1, band * 0.7);
  const y = linearScale([0, top], [plot.bottom, plot.top]);
  return values.map((value, i) => ({
    x: plot.left + i * band + (band - width) / 2,
    y: y(value),
    width,
    height: plot.bottom - y(value),
  }));
}

/** The centre of the i-th band: where a day's label and its point of the share line sit. */
export function bandCentre(i: number, count: number, plot: PlotArea): number {
  const band = (plot.right - plot.left) / Math.max(1, count);
  return plot.left + (i + 0.5) * band;
}

/**
 * The share line as an SVG path over the band centres: a day with no sale either way (share null) breaks the line
 * rather than dropping it to zero, which would say "no machine sales" where there was nothing to compare.
 */
export function sharePath(shares: readonly (number | null)[], topPercent: number, plot: PlotArea): string {
  const y = linearScale([0, topPercent], [plot.bottom, plot.top]);
  let path = '';
  let drawing = false;
  shares.forEach((share, i) => {
    if (share === null) {
      drawing = false;
      return;
    }
    const point = `${bandCentre(i, shares.length, plot).toFixed(1)},${y(share * 100).toFixed(1)}`;
    path += `${drawing ? 'L' : 'M'}${point}`;
    drawing = true;
  });
  return path;
}

/** Over this many days the daily share is too jumpy to read: the line shows the share of the last 7 days instead. */
export const dailyShareUpTo = 31;
export const rollingShareDays = 7;

/** Days the share line sums over: each day's own share up to a month, the last week's over longer periods. */
export function shareWindow(dayCount: number): number {
  return dayCount > dailyShareUpTo ? rollingShareDays : 1;
}

/**
 * The vending share over the `window` days up to each day — Σ machine ÷ Σ (machine + counter), counted in units —
 * over the days there are (the first days of the period have fewer behind them). With a window of 1 it is each
 * day's share; null where nothing was sold either way in the window.
 */
export function rollingShare(
  machine: readonly number[],
  counter: readonly number[],
  window: number,
): (number | null)[] {
  let sold = 0;
  let all = 0;
  return machine.map((units, i) => {
    sold += units;
    all += units + (counter[i] ?? 0);
    const leaving = i - window;
    if (leaving >= 0) {
      sold -= machine[leaving] ?? 0;
      all -= (machine[leaving] ?? 0) + (counter[leaving] ?? 0);
    }
    return all === 0 ? null : sold / all;
  });
}
