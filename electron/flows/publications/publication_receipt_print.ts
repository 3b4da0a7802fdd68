import type { BasketLine, Payment } from '../../backend/contract/publications.js';
import type { FlowServices } from '../flow.js';
import { type ShopCatalogue, titleIn } from './shop_catalogue.js';

/**
 * The publications receipt (the `publication-receipt` ticket template) of a paid sale: the lines paid for, the
 * total, what was refunded, the payment's reference and wallet (never the code), this centre and terminal, when. It
 * prints for the running session, whose print overlay follows the job (paper out, cover open). A receipt that
 * cannot be queued leaves the sale as it is: only the paper is missing.
 */
export async function printPublicationReceipt(
  services: Pick<FlowServices, 'config' | 'logger' | 'printing' | 'session'>,
  sale: { lines: readonly BasketLine[]; amountAvos: number; refundedAvos: number; payment: Payment },
  catalogue: ShopCatalogue,
  idempotencyKey: string,
): Promise<boolean> {
  const { config, printing, session, logger } = services;
  const view = session.view();
  if (view.phase !== 'active') return false;
  const printed = await printing.printForSession(
    'publication-receipt',
    {
      language: view.language,
      items: sale.lines.map((line) => {
        const publication = catalogue.get(line.publicationId);
        const title = publication ? titleIn(publication.title, view.language) : line.publicationId;
        return { title: title.slice(0, 160), quantity: line.quantity, unitAvos: line.unitAvos };
      }),
      totalAvos: sale.amountAvos,
      refundedAvos: sale.refundedAvos,
      paymentRef: sale.payment.paymentRef,
      wallet: sale.payment.wallet,
      centre: config.site.name,
      paidAt: sale.payment.chargedAt,
      terminalId: config.terminal.id,
    },
    { idempotencyKey },
  );
  if (!printed.ok) logger.log('publication-receipt-not-printed', { reason: printed.error.code });
  return printed.ok;
}
