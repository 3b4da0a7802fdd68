import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { salesPeriods, salesScopes } from '../../../electron/rpc/flows/maintenance_choices.js';
import type { SalesDay } from '../../../electron/rpc/flows/publication_maintenance_views.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import type { MaintenanceStepView } from './maintenance_screens.js';
import { type PublicationFormat, usePublicationFormat } from './publication_format.js';
import { type ChartMeasure, SalesChart } from './sales_chart.js';
import { rollingShare, shareWindow } from './sales_chart_geometry.js';

type View = MaintenanceStepView<'publication-sales'>;
type Ready = Extract<View['report'], { kind: 'ready' }>;

/**
 * Publications sales: the period (last 7, 30 or 90 days, this year) and whose machines (this kiosk, all kiosks);
 * the chart of daily copies or revenue with the vending share (first: it is what staff look at), the same days as
 * a table on request; the period's totals; each publication's figures; and the `balcao sales report` line that exports them as CSV. Choosing a
 * period asks the main process (publication_sales_tool.ts), which reads the backend again. For the tactile keypad
 * each choice says its group, itself and whether it is chosen; the table's toggle says what it will do.
 */
export function PublicationSalesStep({ view }: { view: View }) {
  const { t } = useTranslation('publications-maintenance');
  const rpc = useRpc();
  const format = usePublicationFormat();
  // Copies or revenue: how the bars are drawn is the screen's own choice, the figures stay the same.
  const [measure, setMeasure] = useState<ChartMeasure>('units');
  // What was asked last: a second tap before the first one's figures arrive keeps the first one's choice.
  const wanted = useRef({ period: view.period, scope: view.scope });
  useEffect(() => {
    wanted.current = { period: view.period, scope: view.scope };
  }, [view.period, view.scope]);
  const said = (group: string, choice: string, chosen: boolean): Prompt[] => [
    { key: `publications-maintenance:sales.${group}.legend` },
    { key: `publications-maintenance:sales.${group}.${choice}` },
    ...(chosen ? [{ key: 'maintenance.selected' }] : []),
  ];
  const choose = (change: Partial<typeof wanted.current>) => {
    wanted.current = { ...wanted.current, ...change };
    void rpc.call('maintenance.salesPeriod', wanted.current);
  };
  return (
    <>
      <div className="maint__filters">
        <fieldset className="maint__windows" data-testid="sales-periods">
          <legend>{t('sales.period.legend')}</legend>
          {salesPeriods.map((period) => (
            <button
              type="button"
              key={period}
              className={period === view.period ? 'primary-button' : 'secondary-button'}
              aria-pressed={period === view.period}
              data-testid={`sales-period-${period}`}
              {...action(said('period', period, period === view.period))}
              onClick={() => choose({ period })}
            >
              {t(`sales.period.${period}`)}
            </button>
          ))}
        </fieldset>
        <fieldset className="maint__windows" data-testid="sales-scopes">
          <legend>{t('sales.scope.legend')}</legend>
          {salesScopes.map((scope) => (
            <button
              type="button"
              key={scope}
              className={scope === view.scope ? 'primary-button' : 'secondary-button'}
              aria-pressed={scope === view.scope}
              data-testid={`sales-scope-${scope}`}
              {...action(said('scope', scope, scope === view.scope))}
              onClick={() => choose({ scope })}
            >
              {t(`sales.scope.${scope}`)}
            </button>
          ))}
        </fieldset>
        <fieldset className="maint__windows">
          <legend>{t('sales.measure.legend')}</legend>
          {(['units', 'revenue'] as const).map((m) => (
            <button
              type="button"
              key={m}
              className={m === measure ? 'primary-button' : 'secondary-button'}
              aria-pressed={m === measure}
              data-testid={`sales-measure-${m}`}
              {...action(said('measure', m, m === measure))}
              onClick={() => setMeasure(m)}
            >
              {t(`sales.measure.${m}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <Report view={view} format={format} measure={measure} />
    </>
  );
}

function Range({ view, format }: { view: View; format: PublicationFormat }) {
  const { t } = useTranslation('publications-maintenance');
  return (
    <p className="sales-range" data-testid="sales-range">
      {t('sales.range', { from: format.longDay(view.from), to: format.longDay(view.to) })}
      {view.scope === 'terminal' ? ` · ${view.terminalId}` : null}
    </p>
  );
}

function Report({ view, format, measure }: { view: View; format: PublicationFormat; measure: ChartMeasure }) {
  const { t } = useTranslation('publications-maintenance');
  const { report } = view;
  switch (report.kind) {
    case 'loading':
      return (
        <>
          <Range view={view} format={format} />
          <p className="maint__ok" role="status" data-testid="sales-loading">
            {t('sales.loading')}
          </p>
        </>
      );
    case 'failed':
      return (
        <>
          <Range view={view} format={format} />
          <p className="notice" role="status" data-testid="sales-failed">
            {t('sales.failed', { code: report.code })}
          </p>
        </>
      );
    case 'ready':
      return (
        <>
          <Chart view={view} report={report} format={format} measure={measure} />
          <Totals report={report} format={format} />
          <PublicationTable report={report} format={format} />
          <p className="maint__detail" data-testid="sales-cli">
            {t('sales.cli', {
              command: `balcao sales report --from ${view.from} --to ${view.to}${
                view.scope === 'terminal' ? ` --terminal ${view.terminalId}` : ''
              } --csv FILE`,
            })}
          </p>
        </>
      );
    default: {
      const unreachable: never = report;
      return unreachable;
    }
  }
}

function Totals({ report, format }: { report: Ready; format: PublicationFormat }) {
  const { t } = useTranslation('publications-maintenance');
  const { total } = report;
  const facts: [string, string][] = [
    ['units', format.count(total.units)],
    ['revenue', format.money(total.revenueAvos)],
    ['share', format.share(total.share, t('sales.noShare'))],
    ['counterUnits', format.count(total.counterUnits)],
    [
      'refunds',
      t('sales.refunds', {
        count: total.refundedUnits,
        copies: format.count(total.refundedUnits),
        amount: format.money(total.refundedAvos),
      }),
    ],
    ['failedDispenses', format.count(total.failedDispenses)],
  ];
  return (
    <dl className="sales-totals" data-testid="sales-totals">
      {facts.map(([key, value]) => (
        <div key={key} className="sales-totals__item">
          <dt>{t(`sales.totals.${key}`)}</dt>
          <dd data-testid={`sales-total-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The summary a screen reader reads for the chart, and everyone sees under it. */
function summary(
  t: (key: string, values?: Record<string, unknown>) => string,
  view: View,
  report: Ready,
  format: PublicationFormat,
): string {
  const range = { from: format.longDay(view.from), to: format.longDay(view.to) };
  if (report.total.units === 0) return t('sales.summaryNone', range);
  const best = report.days.reduce((a, b) => (b.units > a.units ? b : a));
  // The same share as the chart's line: each day's, or over 7 days at a time for a longer period.
  const window = shareWindow(report.days.length);
  const shares = rollingShare(
    report.days.map((d) => d.units),
    report.days.map((d) => d.counterUnits),
    window,
  ).flatMap((share) => (share === null ? [] : [share]));
  return [
    t('sales.summary', {
      ...range,
      count: report.total.units,
      copies: format.count(report.total.units),
      revenue: format.money(report.total.revenueAvos),
      share: format.share(report.total.share, t('sales.noShare')),
    }),
    t('sales.summaryBest', {
      day: format.longDay(best.date),
      count: best.units,
      copies: format.count(best.units),
    }),
    shares.length > 1
      ? t(window === 1 ? 'sales.summaryShare' : 'sales.summaryShareWeek', {
          low: format.share(Math.min(...shares), ''),
          high: format.share(Math.max(...shares), ''),
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function Chart({
  view,
  report,
  format,
  measure,
}: {
  view: View;
  report: Ready;
  format: PublicationFormat;
  measure: ChartMeasure;
}) {
  const { t } = useTranslation('publications-maintenance');
  const [table, setTable] = useState(false);
  const summaryId = useId();
  const tableId = useId();
  const text = summary(t, view, report, format);
  return (
    <figure className="sales-chart maint__card" data-testid="sales-figure" data-measure={measure}>
      <div className="sales-chart__head">
        <Range view={view} format={format} />
        <ul className="sales-chart__legend">
          <li>
            <span className="sales-chart__key sales-chart__key--bar" aria-hidden="true" />
            <span>{t(`sales.legend.${measure}`)}</span>
          </li>
          <li>
            <span className="sales-chart__key sales-chart__key--share" aria-hidden="true" />
            <span>
              {t(shareWindow(report.days.length) === 1 ? 'sales.legend.share' : 'sales.legend.shareWeek')}
            </span>
          </li>
        </ul>
      </div>
      <SalesChart days={report.days} measure={measure} format={format} summaryId={summaryId} summary={text} />
      <figcaption id={summaryId} className="maint__detail" data-testid="sales-summary">
        {text}
      </figcaption>
      <div className="maint__actions">
        <button
          type="button"
          className="secondary-button"
          aria-expanded={table}
          aria-controls={tableId}
          data-testid="sales-table-toggle"
          {...action([
            { key: `publications-maintenance:${table ? 'sales.table.hide' : 'sales.table.show'}` },
          ])}
          onClick={() => setTable(!table)}
        >
          {t(table ? 'sales.table.hide' : 'sales.table.show')}
        </button>
      </div>
      <div id={tableId} hidden={!table}>
        {table ? <DaysTable days={report.days} format={format} /> : null}
      </div>
    </figure>
  );
}

function DaysTable({ days, format }: { days: readonly SalesDay[]; format: PublicationFormat }) {
  const { t } = useTranslation('publications-maintenance');
  return (
    <table className="sales-table" data-testid="sales-days-table">
      <caption>{t('sales.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sales.table.date')}</th>
          <th scope="col">{t('sales.table.units')}</th>
          <th scope="col">{t('sales.table.revenue')}</th>
          <th scope="col">{t('sales.table.counterUnits')}</th>
          <th scope="col">{t('sales.table.share')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.date} data-date={d.date}>
            <th scope="row">{format.longDay(d.date)}</th>
            <td data-field="units">{format.count(d.units)}</td>
            <td data-field="revenue">{format.money(d.revenueAvos)}</td>
            <td data-field="counter">{format.count(d.counterUnits)}</td>
            <td data-field="share">{format.share(d.share, t('sales.noShare'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PublicationTable({ report, format }: { report: Ready; format: PublicationFormat }) {
  const { t } = useTranslation('publications-maintenance');
  return (
    <section className="maint__card" aria-labelledby="sales-publications-title">
      <h2 id="sales-publications-title" className="sales-section-title">
        {t('sales.publications.title')}
      </h2>
      {report.publications.length === 0 ? (
        <p className="maint__detail">{t('sales.publications.empty')}</p>
      ) : (
        <table className="sales-table" data-testid="sales-publications">
          <thead>
            <tr>
              <th scope="col">{t('sales.publications.publication')}</th>
              <th scope="col">{t('sales.publications.units')}</th>
              <th scope="col">{t('sales.publications.revenue')}</th>
              <th scope="col">{t('sales.publications.refunds')}</th>
              <th scope="col">{t('sales.publications.failed')}</th>
              <th scope="col">{t('sales.publications.share')}</th>
            </tr>
          </thead>
          <tbody>
            {report.publications.map((p) => (
              <tr key={p.publicationId} data-publication={p.publicationId}>
                <th scope="row" className="sales-table__title">
                  {format.title(p.title, p.publicationId)}
                </th>
                <td data-field="units">{format.count(p.units)}</td>
                <td data-field="revenue">{format.money(p.revenueAvos)}</td>
                <td data-field="refunds">{format.count(p.refundedUnits)}</td>
                <td data-field="failed">{format.count(p.failedDispenses)}</td>
                <td data-field="share">{format.share(p.share, t('sales.noShare'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
