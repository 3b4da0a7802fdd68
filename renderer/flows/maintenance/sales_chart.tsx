import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { SalesDay } from '../../../electron/rpc/flows/publication_maintenance_views.js';
import type { PublicationFormat } from './publication_format.js';
import {
  bandCentre,
  bars,
  dayLabelEvery,
  linearScale,
  niceTicks,
  plotArea,
  rollingShare,
  sharePath,
  shareWindow,
  textWidth,
} from './sales_chart_geometry.js';

export type ChartMeasure = 'units' | 'revenue';

interface Size {
  width: number;
  height: number;
  fontPx: number;
}

/**
 * The box the chart is drawn in and the size of its labels' font, followed as they change (orientation, large
 * text): the chart is drawn in real pixels so that its labels are text of the screen's size, never a scaled
 * picture of text, and the number of ticks and day labels follows the room there is.
 */
function useBoxSize(ref: RefObject<HTMLDivElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      const fontPx = Number.parseFloat(getComputedStyle(element).fontSize) || 16;
      const next = { width: Math.round(box.width), height: Math.round(box.height), fontPx };
      setSize((was) =>
        was && was.width === next.width && was.height === next.height && was.fontPx === next.fontPx
          ? was
          : next,
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // Large text changes the font size without changing the box: watch the root's class too.
    const classes = new MutationObserver(measure);
    classes.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      observer.disconnect();
      classes.disconnect();
    };
  }, [ref]);
  return size;
}

/**
 * Daily sales as bars (copies or revenue, left scale) with the vending share as a dashed line over them (right
 * scale: each day's share up to a month, the share of the 7 days to each day over longer periods, which a daily
 * line of a year would bury in noise), in SVG drawn from sales_chart_geometry.ts. For assistive technology the picture is one image
 * named by the text summary beside it (`summaryId`); the same figures are in the table the screen can show.
 */
export function SalesChart({
  days,
  measure,
  format,
  summaryId,
  summary,
}: {
  days: readonly SalesDay[];
  measure: ChartMeasure;
  format: PublicationFormat;
  /** The id of the text summary that names the picture, and that text (the SVG's own title). */
  summaryId: string;
  summary: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useBoxSize(ref);
  return (
    <div className="sales-chart__canvas" ref={ref} data-testid="sales-chart">
      {size && size.width > 0 && size.height > 0 ? (
        <ChartSvg
          days={days}
          measure={measure}
          format={format}
          summaryId={summaryId}
          summary={summary}
          size={size}
        />
      ) : null}
    </div>
  );
}

function ChartSvg({
  days,
  measure,
  format,
  summaryId,
  summary,
  size,
}: {
  days: readonly SalesDay[];
  measure: ChartMeasure;
  format: PublicationFormat;
  summaryId: string;
  summary: string;
  size: Size;
}) {
  const { width, height, fontPx } = size;
  const values = days.map((d) => (measure === 'units' ? d.units : d.revenueAvos));
  const shares = rollingShare(
    days.map((d) => d.units),
    days.map((d) => d.counterUnits),
    shareWindow(days.length),
  );
  // Room for one tick label per ~2.4 lines of text on the left scale.
  const room = Math.max(2, Math.min(8, Math.floor(height / (fontPx * 2.4))));
  const left = niceTicks(Math.max(0, ...values), room, measure === 'units' ? 1 : 100);
  const leftLabel = (v: number) => (measure === 'units' ? format.count(v) : format.money(v));
  const maxSharePoints = Math.max(0, ...shares.map((s) => (s === null ? 0 : s * 100)));
  const right = niceTicks(Math.min(100, Math.ceil(maxSharePoints)), room, 1);
  const leftWidth = Math.max(...left.ticks.map((v) => textWidth(leftLabel(v), fontPx)));
  const rightWidth = Math.max(...right.ticks.map((v) => textWidth(format.axisPercent(v), fontPx)));
  const plot = plotArea(width, height, fontPx, leftWidth, rightWidth);
  const yLeft = linearScale([0, left.top], [plot.bottom, plot.top]);
  const yRight = linearScale([0, right.top], [plot.bottom, plot.top]);
  const band = (plot.right - plot.left) / Math.max(1, days.length);
  const labelWidth = Math.max(...days.map((d) => textWidth(format.shortDay(d.date), fontPx)), 0);
  const every = dayLabelEvery(band, labelWidth, fontPx);
  // Label the last day (today) and every `every`-th one before it, so the newest figure always has its date.
  const labelled = (i: number) => (days.length - 1 - i) % every === 0;
  const drawn = bars(values, left.top, plot);
  const line = sharePath(shares, right.top, plot);
  const pad = fontPx * 0.6;
  return (
    <svg
      className="sales-chart__svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={summaryId}
      data-left-top={left.top}
      data-right-top={right.top}
    >
      <title>{summary}</title>
      <g>
        {left.ticks.map((v) => (
          <g key={`l${v}`}>
            <line className="sales-chart__grid" x1={plot.left} x2={plot.right} y1={yLeft(v)} y2={yLeft(v)} />
            <text x={plot.left - pad} y={yLeft(v)} textAnchor="end" dominantBaseline="middle">
              {leftLabel(v)}
            </text>
          </g>
        ))}
        {right.ticks.map((v) => (
          <text
            key={`r${v}`}
            x={plot.right + pad}
            y={yRight(v)}
            textAnchor="start"
            dominantBaseline="middle"
            className="sales-chart__share-label"
          >
            {format.axisPercent(v)}
          </text>
        ))}
        {drawn.map((bar, i) => (
          <rect
            key={days[i]!.date}
            className="sales-chart__bar"
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            data-date={days[i]!.date}
            data-value={values[i]}
          />
        ))}
        <line
          className="sales-chart__axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
        {line ? <path className="sales-chart__halo" d={line} /> : null}
        {line ? <path className="sales-chart__share" d={line} data-testid="sales-chart-share" /> : null}
        {band >= fontPx * 0.6
          ? shares.map((share, i) =>
              share === null ? null : (
                <circle
                  key={days[i]!.date}
                  className="sales-chart__dot"
                  cx={bandCentre(i, days.length, plot)}
                  cy={yRight(share * 100)}
                  r={Math.min(band * 0.3, fontPx * 0.3)}
                />
              ),
            )
          : null}
        {days.map((d, i) =>
          labelled(i) ? (
            <text
              key={d.date}
              x={bandCentre(i, days.length, plot)}
              y={plot.bottom + fontPx * 1.4}
              textAnchor="middle"
            >
              {format.shortDay(d.date)}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}
