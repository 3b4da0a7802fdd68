import { err, ok } from '../../../lib/result.js';
import type { LocalisedText } from '../../backend/contract/common.js';
import { WalletCodeSchema } from '../../backend/contract/publications.js';
import { callKey } from '../../journal/transaction_journal.js';
import type {
  BasketSummary,
  BrowseBy,
  DispenseItemView,
  PayProblem,
  PublicationsFlowView,
} from '../../rpc/flows/publications_contract.js';
import { basketTotal } from '../../rpc/money.js';
import type { FlowContext, FlowDefinition, FlowServices, IntentOutcome, RunningFlow } from '../flow.js';
import { planDispense } from './dispense_plan.js';
import { printPublicationReceipt } from './publication_receipt_print.js';
import { PublicationSale, type SaleEnd } from './publication_sale.js';
import { undroppedAmount } from './sale_settlement.js';
import { reconcileBasket, ShopCatalogue } from './shop_catalogue.js';

/**
 * Buying government publications (contract and step diagram: electron/rpc/flows/publications_contract.ts).
 *
 * The catalogue and the slots' stock are read when the flow starts and again at checkout, where the basket is
 * reconciled with them (a quantity the slots no longer hold is lowered, a changed price noticed) before the sale is
 * journalled (`PublicationSale`, publication_sale.ts). On the pay step the scanner's codes are wallet payment codes:
 * each is handed straight to the sale's charge and never kept, shown or logged; a code that is not one is refused
 * here without a call. A declined code, an empty wallet or no answer each say so and wait for another scan: the sale
 * asks the gateway about an unanswered charge before charging again, so a basket is charged at most once. Once paid,
 * each item turns out of its slot with its progress on screen; a slot that turned twice without a drop is refunded
 * by the sale, marked empty by the backend, and staff are alerted here. The receipt prints, and the resident is done.
 *
 * The basket lives here only, for the session: leaving, cancelling or an idle timeout drops it, and an unpaid sale
 * is voided (nothing charged). A resident gone while a charge or the turning is under way does not stop it: the
 * sale finishes, and what cannot be finished is left to recovery (publication_sale_resolver.ts), which refunds.
 */

type View = PublicationsFlowView;
type Services = Pick<
  FlowServices,
  'backend' | 'clock' | 'logger' | 'journal' | 'config' | 'devices' | 'printing' | 'session'
>;
type Browsing = 'browse' | 'list' | 'search' | 'detail';

const service = 'publications' as const;

type Step =
  | { step: 'loading' }
  | { step: 'unavailable' }
  | { step: 'browse' }
  | { step: 'list'; key: string }
  | { step: 'search' }
  | { step: 'detail'; id: string; from: 'list' | 'search' | 'basket' }
  | { step: 'basket'; from: Browsing; notice: 'stock' | 'price' | null }
  | { step: 'pay'; problem: PayProblem | null }
  | { step: 'paying' }
  | { step: 'dispensing'; items: DispenseItemView[] }
  | {
      step: 'done';
      items: DispenseItemView[];
      paidAvos: number;
      refundedAvos: number;
      end: SaleEnd['kind'];
      receipt: 'printing' | 'not-printed';
    };

export class PublicationsFlow implements RunningFlow<'publications'> {
  readonly id = service;
  readonly #context: FlowContext;
  readonly #services: Services;
  readonly #stopScanning: () => void;
  #step: Step = { step: 'loading' };
  #catalogue: ShopCatalogue | null = null;
  /** Publication id → quantity, in the order added. The session's only copy of the basket. */
  readonly #basket = new Map<string, number>();
  #by: BrowseBy = 'department';
  #lastList: string | null = null;
  #query = '';
  #sale: PublicationSale | null = null;
  /** A charge or the turning is under way: Back and Cancel wait, and a disposal lets it finish. */
  #busy = false;
  #disposed = false;
  /** What settles the flow's own background work, for tests. */
  work: Promise<void> = Promise.resolve();

  constructor(context: FlowContext, services: Services) {
    this.#context = context;
    this.#services = services;
    const stops = services.devices.scanners().map(({ driver }) =>
      driver.onScan((event) => {
        if (this.#step.step !== 'pay' || this.#busy || !event.ok) return;
        this.work = this.#pay(event.value.text);
      }),
    );
    this.#stopScanning = () => {
      for (const stop of stops) stop();
    };
    this.work = this.#load();
  }

  view(): View {
    const s = this.#step;
    const catalogue = this.#catalogue;
    switch (s.step) {
      case 'loading':
      case 'unavailable':
      case 'paying':
        return s.step === 'paying'
          ? { service, step: 'paying', totalAvos: this.#sale?.amountAvos ?? 0 }
          : { service, step: s.step };
      case 'browse':
        return {
          service,
          step: 'browse',
          by: this.#by,
          groups: catalogue?.groups(this.#by) ?? [],
          basket: this.#summary(),
        };
      case 'list': {
        const group = catalogue?.group(this.#by, s.key) ?? { key: s.key, name: null, count: 0 };
        return {
          service,
          step: 'list',
          by: this.#by,
          group,
          publications: catalogue?.inGroup(this.#by, s.key, this.#basket) ?? [],
          basket: this.#summary(),
        };
      }
      case 'search':
        return {
          service,
          step: 'search',
          query: this.#query,
          results: catalogue?.search(this.#query, this.#basket) ?? [],
          basket: this.#summary(),
        };
      case 'detail': {
        const found = catalogue?.get(s.id);
        if (!catalogue || !found) return { service, step: 'unavailable' };
        return {
          service,
          step: 'detail',
          publication: catalogue.detail(found, this.#basket),
          basket: this.#summary(),
        };
      }
      case 'basket': {
        const lines = catalogue ? catalogue.lines(this.#basket) : [];
        return {
          service,
          step: 'basket',
          lines: lines.flatMap((line) => {
            const found = catalogue?.get(line.publicationId);
            if (!catalogue || !found) return [];
            return [
              {
                publication: catalogue.card(found, this.#basket),
                quantity: line.quantity,
                max: catalogue.available(line.publicationId),
                lineAvos: basketTotal([line]),
              },
            ];
          }),
          totalAvos: basketTotal(lines),
          notice: s.notice,
        };
      }
      case 'pay':
        return {
          service,
          step: 'pay',
          items: this.#summary().items,
          totalAvos: this.#sale?.amountAvos ?? 0,
          problem: s.problem,
        };
      case 'dispensing':
        return { service, step: 'dispensing', items: s.items.map((i) => ({ ...i })) };
      case 'done':
        return {
          service,
          step: 'done',
          items: s.items.map((i) => ({ ...i })),
          paidAvos: s.paidAvos,
          refundedAvos: s.refundedAvos,
          end: s.end,
          receipt: s.receipt,
        };
      default: {
        const unreachable: never = s;
        return unreachable;
      }
    }
  }

  browseBy(by: BrowseBy): IntentOutcome {
    if (this.#step.step !== 'browse') return err('other-step');
    this.#by = by;
    return ok();
  }

  openGroup(key: string): IntentOutcome {
    if (this.#step.step !== 'browse') return err('other-step');
    if (!this.#catalogue?.group(this.#by, key)) return err('unavailable');
    this.#lastList = key;
    return this.#show({ step: 'list', key });
  }

  openSearch(): IntentOutcome {
    const step = this.#step.step;
    if (step !== 'browse' && step !== 'list') return err('other-step');
    return this.#show({ step: 'search' });
  }

  search(text: string): IntentOutcome {
    if (this.#step.step !== 'search') return err('other-step');
    this.#query = text;
    return ok();
  }

  open(publicationId: string): IntentOutcome {
    const step = this.#step.step;
    if (step !== 'list' && step !== 'search' && step !== 'basket') return err('other-step');
    if (!this.#catalogue?.get(publicationId)) return err('unavailable');
    return this.#show({ step: 'detail', id: publicationId, from: step });
  }

  /** At most what the slots hold; 0 takes the publication out of the basket. */
  setQuantity(publicationId: string, quantity: number): IntentOutcome {
    const step = this.#step.step;
    if (step !== 'detail' && step !== 'basket') return err('other-step');
    const catalogue = this.#catalogue;
    if (!catalogue?.get(publicationId)) return err('unavailable');
    if (quantity > catalogue.available(publicationId)) return err('unavailable');
    if (quantity === 0) this.#basket.delete(publicationId);
    else this.#basket.set(publicationId, quantity);
    return ok();
  }

  showBasket(): IntentOutcome {
    const from = this.#step.step;
    if (from !== 'browse' && from !== 'list' && from !== 'search' && from !== 'detail')
      return err('other-step');
    return this.#show({ step: 'basket', from, notice: null });
  }

  checkout(): IntentOutcome {
    if (this.#step.step !== 'basket' || this.#basket.size === 0) return err('other-step');
    if (this.#services.devices.vendingUnits().length === 0) return err('unavailable');
    this.#step = { step: 'loading' };
    this.work = this.#checkout();
    return ok();
  }

  retry(): IntentOutcome {
    if (this.#step.step !== 'unavailable') return err('other-step');
    this.#step = { step: 'loading' };
    this.work = this.#load();
    return ok();
  }

  back(): IntentOutcome {
    const s = this.#step;
    switch (s.step) {
      case 'browse':
      case 'unavailable':
        this.#context.switchTo('home');
        return ok();
      case 'list':
      case 'search':
        return this.#show({ step: 'browse' });
      case 'detail':
        return this.#show(this.#browsingStep(s.from));
      case 'basket':
        return this.#show(this.#browsingStep(s.from === 'detail' ? 'browse' : s.from));
      case 'pay':
        // Not paid: the sale is voided (or, after a charge with no answer, left to recovery to check and refund).
        this.#sale?.abandon();
        this.#sale = null;
        return this.#show({ step: 'basket', from: 'browse', notice: null });
      case 'done':
        // Shop again: the catalogue is read afresh (the slots have just changed), the basket starts empty.
        this.#step = { step: 'loading' };
        this.work = this.#load();
        return ok();
      case 'loading':
      case 'paying':
      case 'dispensing':
        return err('other-step');
      default: {
        const unreachable: never = s;
        return unreachable;
      }
    }
  }

  /** Back to the list of services: the basket is dropped, an unpaid sale voided (dispose). */
  cancel(): IntentOutcome {
    const step = this.#step.step;
    if (step === 'loading' || step === 'paying' || step === 'dispensing') return err('other-step');
    this.#context.switchTo('home');
    return ok();
  }

  finish(): IntentOutcome {
    const step = this.#step.step;
    if (step !== 'done' && step !== 'unavailable') return err('other-step');
    this.#context.endSession('done');
    return ok();
  }

  dispose(): void {
    this.#disposed = true;
    this.#stopScanning();
    this.#basket.clear();
    this.#query = '';
    this.#catalogue = null;
    // A charge or the turning under way finishes by itself (#pay abandons a sale it finds disposed; a dispense
    // settles its sale); otherwise an unpaid sale is voided here: nothing was charged.
    if (!this.#busy) this.#sale?.abandon();
    if (!this.#busy) this.#sale = null;
  }

  #summary(): BasketSummary {
    const lines = this.#catalogue?.lines(this.#basket) ?? [];
    return { items: lines.reduce((n, l) => n + l.quantity, 0), totalAvos: basketTotal(lines) };
  }

  #browsingStep(from: Browsing | 'basket'): Step {
    switch (from) {
      case 'list':
        return this.#lastList === null ? { step: 'browse' } : { step: 'list', key: this.#lastList };
      case 'search':
        return { step: 'search' };
      case 'basket':
        return { step: 'basket', from: 'browse', notice: null };
      case 'browse':
      case 'detail':
        return { step: 'browse' };
      default: {
        const unreachable: never = from;
        return unreachable;
      }
    }
  }

  #show(step: Step): IntentOutcome {
    this.#step = step;
    return ok();
  }

  #changed(step: Step): void {
    if (this.#disposed) return;
    this.#step = step;
    this.#context.stepChanged();
  }

  async #read(): Promise<ShopCatalogue | null> {
    const { backend, config, logger } = this.#services;
    const [publications, catalogue] = await Promise.all([
      backend.publications({ terminalId: config.terminal.id }),
      backend.catalogue({}),
    ]);
    if (!publications.ok) {
      logger.log('publications-catalogue-unavailable', { error: publications.error.kind });
      return null;
    }
    // Without the service catalogue the departments are shown by their codes.
    const departments = new Map<string, LocalisedText>(
      catalogue.ok ? catalogue.value.departments.map((d) => [d.code, d.name]) : [],
    );
    return new ShopCatalogue(publications.value.publications, publications.value.slots, departments);
  }

  async #load(): Promise<void> {
    const read = await this.#read();
    if (this.#disposed) return;
    this.#catalogue = read;
    this.#changed(read === null ? { step: 'unavailable' } : { step: 'browse' });
  }

  async #checkout(): Promise<void> {
    const before = this.#catalogue;
    const fresh = (await this.#read()) ?? before;
    if (this.#disposed || !before || !fresh) return;
    this.#catalogue = fresh;
    const notice = reconcileBasket(this.#basket, before, fresh);
    const lines = fresh.lines(this.#basket);
    const plan = planDispense(lines, fresh.slots);
    if (notice !== null || !plan.ok || lines.length === 0)
      return this.#changed({ step: 'basket', from: 'browse', notice: notice ?? 'stock' });
    const unit = this.#services.devices.vendingUnits()[0];
    if (!unit) return this.#changed({ step: 'unavailable' });
    const { backend, journal, config } = this.#services;
    this.#sale = PublicationSale.start(
      {
        backend,
        transactions: journal.transactions,
        vending: unit.driver,
        terminalId: config.terminal.id,
        sessionId: this.#context.sessionId,
      },
      lines,
      plan.value,
    );
    this.#changed({ step: 'pay', problem: null });
  }

  async #pay(text: string): Promise<void> {
    const sale = this.#sale;
    if (!sale) return;
    // A code the wallet never shows (a booking slip, a pickup QR): said at once, nothing sent.
    const code = WalletCodeSchema.safeParse(text.trim());
    if (!code.success) return this.#changed({ step: 'pay', problem: 'not-a-payment-code' });
    this.#busy = true;
    this.#changed({ step: 'paying' });
    const outcome = await sale.pay(code.data);
    this.#busy = false;
    const fields = { transactionId: sale.id, items: sale.items().length, amountAvos: sale.amountAvos };
    this.#services.logger.log('publication-payment-answered', {
      ...fields,
      outcome: outcome.kind,
      reason: outcome.kind === 'refused' ? outcome.reason : null,
    });
    if (this.#disposed) {
      // The resident left while the charge was on its way: nothing will be dispensed, so a payment is refunded.
      sale.abandon();
      this.#sale = null;
      return;
    }
    switch (outcome.kind) {
      case 'paid':
        return this.#dispense(sale);
      case 'no-answer':
        return this.#changed({ step: 'pay', problem: 'no-answer' });
      case 'refused':
        switch (outcome.reason) {
          case 'payment-declined':
          case 'insufficient-funds':
          case 'unavailable':
            return this.#changed({ step: 'pay', problem: outcome.reason });
          case 'price-changed':
          case 'out-of-stock': {
            // Nothing was charged: the basket is checked again against the slots and prices of now.
            sale.abandon();
            this.#sale = null;
            this.#step = { step: 'basket', from: 'browse', notice: null };
            await this.#checkout();
            return;
          }
          default: {
            const unreachable: never = outcome.reason;
            return unreachable;
          }
        }
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }

  async #dispense(sale: PublicationSale): Promise<void> {
    const catalogue = this.#catalogue;
    const items: DispenseItemView[] = sale.items().map((item, index) => ({
      title: catalogue?.get(item.publicationId)?.title ?? {},
      state: index === 0 ? 'turning' : 'waiting',
    }));
    this.#busy = true;
    this.#changed({ step: 'dispensing', items });
    const end = await sale.dispense((index, item) => {
      const shown = items[index];
      if (shown) shown.state = item.state === 'dropped' ? 'dropped' : 'not-dropped';
      const next = items[index + 1];
      if (next) next.state = 'turning';
      this.#changed({ step: 'dispensing', items });
    });
    this.#busy = false;
    this.#alertFailedSlots(sale);
    const { logger, journal } = this.#services;
    logger.log('publication-sale-ended', {
      transactionId: sale.id,
      end: end.kind,
      dispensed: end.dispensed,
      notDispensed: items.length - end.dispensed,
      refundedAvos: end.kind === 'completed' ? end.refundedAvos : 0,
    });
    // Refunded, or owed (a refund refused or not answered yet): what the resident gets back either way.
    const refundedAvos = undroppedAmount(sale.items());
    const payment = sale.payment;
    const record = journal.transactions.get(sale.id);
    let receipt: 'printing' | 'not-printed' = 'not-printed';
    if (payment && record && catalogue && !this.#disposed) {
      const printed = await printPublicationReceipt(
        this.#services,
        {
          lines: catalogue.lines(this.#basket),
          amountAvos: sale.amountAvos,
          refundedAvos: end.kind === 'completed' ? end.refundedAvos : 0,
          payment,
        },
        catalogue,
        callKey(record.idempotencyKey, 'receipt'),
      );
      receipt = printed ? 'printing' : 'not-printed';
    }
    this.#basket.clear();
    this.#sale = null;
    this.#changed({
      step: 'done',
      items,
      paidAvos: sale.amountAvos,
      refundedAvos,
      end: end.kind,
      receipt,
    });
  }

  /** Each slot that turned twice without a drop: the backend marked it empty; a person must look at it. */
  #alertFailedSlots(sale: PublicationSale): void {
    const { journal, logger, devices } = this.#services;
    const unit = devices.vendingUnits()[0]?.id ?? 'vending-unit';
    const failed = new Set(sale.items().flatMap((i) => (i.state === 'dropped' ? [] : [i.slot])));
    for (const slot of failed) {
      logger.log('publication-slot-failed', { transactionId: sale.id, device: unit, slot });
      journal.alerts.raise(
        'device-needs-staff',
        { code: 'slot-failed', deviceId: unit, slot },
        { transactionId: sale.id },
      );
    }
  }
}

export const publicationsFlow: FlowDefinition<'publications', PublicationsFlow> = {
  id: service,
  start(context, services) {
    return new PublicationsFlow(context, services);
  },
};
