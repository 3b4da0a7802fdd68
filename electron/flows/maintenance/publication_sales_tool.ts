import { macauDate } from '../../../lib/macau_time.js';
import type { Publication } from '../../backend/contract/publications.js';
import type { SalesPeriod, SalesScope } from '../../rpc/flows/maintenance_choices.js';
import type { MaintenanceFlowView } from '../../rpc/flows/maintenance_contract.js';
import type { FlowServices } from '../flow.js';
import { buildSalesReport } from '../publications/sales_report.js';
import { backendErrorCode } from './backend_error_code.js';
import { datesBetween, salesPeriodDates } from './sales_period.js';

type Services = Pick<FlowServices, 'backend' | 'config' | 'clock' | 'logger'>;
type View = Omit<Extract<MaintenanceFlowView, { step: 'publication-sales' }>, 'service' | 'step' | 'staff'>;
type Report = View['report'];

/**
 * The Publications sales tool: a period's sales of the vending machines from the backend (`publicationSales`,
 * summed by sales_report.ts, the same arithmetic as `balcao sales report`), as every day of the period — days
 * without a sale included, so the chart has no gaps — and each publication with its title. Read when the tool
 * opens, when the period or scope changes and on Refresh; an answer to an earlier request that arrives late is
 * dropped, so the screen never shows one period's figures under another's name. Reading changes nothing: no audit.
 */
export class PublicationSalesTool {
  readonly #services: Services;
  readonly #changed: () => void;
  #period: SalesPeriod = '30d';
  #scope: SalesScope = 'terminal';
  #dates = { from: '', to: '' };
  #report: Report = { kind: 'loading' };
  #request = 0;

  constructor(services: Services, changed: () => void) {
    this.#services = services;
    this.#changed = changed;
  }

  view(): View {
    return {
      period: this.#period,
      scope: this.#scope,
      ...this.#dates,
      terminalId: this.#services.config.terminal.id,
      report: this.#report,
    };
  }

  open(): void {
    this.#load();
  }

  choose(period: SalesPeriod, scope: SalesScope): void {
    this.#period = period;
    this.#scope = scope;
    this.#load();
  }

  refresh(): void {
    this.#load();
  }

  /** Drops any answer still on its way (the tool was left). */
  close(): void {
    this.#request++;
  }

  #load(): void {
    const request = ++this.#request;
    const { backend, clock, config, logger } = this.#services;
    this.#dates = salesPeriodDates(this.#period, macauDate(clock.now()));
    this.#report = { kind: 'loading' };
    const terminalId = config.terminal.id;
    const period = {
      ...this.#dates,
      ...(this.#scope === 'terminal' ? { terminalId } : {}),
    };
    void Promise.all([
      backend.publicationSales({ ...period, by: 'fleet' }),
      backend.publications({ terminalId }),
    ]).then(
      ([sales, catalogue]) => {
        if (request !== this.#request) return;
        if (!sales.ok) {
          this.#report = { kind: 'failed', code: backendErrorCode(sales.error) };
          logger.log('maintenance-action-failed', { action: 'publication-sales', code: this.#report.code });
        } else {
          // Without the catalogue the figures still show, under the publications' codes.
          const titles = new Map<string, Publication['title']>(
            catalogue.ok ? catalogue.value.publications.map((p) => [p.id, p.title]) : [],
          );
          this.#report = this.#ready(buildSalesReport(sales.value, period), titles);
        }
        this.#changed();
      },
      (error: unknown) => {
        if (request !== this.#request) return;
        logger.log('maintenance-action-failed', { action: 'publication-sales', err: error });
        this.#report = { kind: 'failed', code: 'internal' };
        this.#changed();
      },
    );
  }

  #ready(
    report: ReturnType<typeof buildSalesReport>,
    titles: Map<string, Publication['title']>,
  ): Extract<Report, { kind: 'ready' }> {
    const byDate = new Map(report.days.map((d) => [d.date, d]));
    return {
      kind: 'ready',
      total: report.total,
      days: datesBetween(this.#dates.from, this.#dates.to).map((date) => {
        const day = byDate.get(date);
        return {
          date,
          units: day?.units ?? 0,
          revenueAvos: day?.revenueAvos ?? 0,
          counterUnits: day?.counterUnits ?? 0,
          share: day?.share ?? null,
        };
      }),
      publications: report.publications.map(({ publicationId, ...figures }) => ({
        publicationId,
        title: titles.get(publicationId) ?? null,
        ...figures,
      })),
    };
  }
}
