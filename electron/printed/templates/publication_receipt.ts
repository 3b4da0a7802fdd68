/**
 * 80 mm receipt for government publications bought at the kiosk: each item with its quantity and price, the
 * total paid, what was refunded because it did not drop, the payment reference and wallet, the seller, the
 * centre, the terminal and the time. Amounts are written by electron/rpc/money.ts, the same text as on screen.
 */
import { z } from 'zod';
import { formatMoney } from '../../rpc/money.js';
import { DocumentLanguageSchema, LocalisedTextSchema, languagePair } from '../document_language.js';
import type { Block, DocumentModel } from '../pdf/document_model.js';
import { both, dateTimeBoth, field, header, localised, pdfTitle, ticketFooter } from './bilingual_blocks.js';
import { InstantSchema, TerminalIdSchema } from './common_schemas.js';

const avos = z.int().nonnegative();

export const PublicationReceiptSchema = z.object({
  language: DocumentLanguageSchema,
  items: z
    .array(
      z.object({
        /** The title as the screen showed it (in the resident's language when the publication has one). */
        title: z.string().min(1).max(160),
        quantity: z.int().min(1).max(20),
        unitAvos: avos,
      }),
    )
    .min(1)
    .max(20),
  totalAvos: avos,
  refundedAvos: avos,
  paymentRef: z.string().regex(/^PAY-[A-Z0-9]{6,40}$/),
  wallet: z.string().min(1).max(40),
  centre: LocalisedTextSchema,
  paidAt: InstantSchema,
  terminalId: TerminalIdSchema,
});
export type PublicationReceipt = z.infer<typeof PublicationReceiptSchema>;

export function composePublicationReceipt(input: PublicationReceipt): DocumentModel {
  const pair = languagePair(input.language);
  const money = (amount: number) => formatMoney(amount, pair.primary);
  const [soldBy, soldBySecondary] = both(pair, 'publications.soldBy');
  const lines: Block[] = input.items.flatMap((item): Block[] => [
    { kind: 'text', text: item.title, size: 9, weight: 'bold', align: 'left', gapAfter: 0 },
    {
      kind: 'text',
      text: `${item.quantity} × ${money(item.unitAvos)} = ${money(item.quantity * item.unitAvos)}`,
      size: 9,
      weight: 'regular',
      align: 'right',
      gapAfter: 3,
    },
  ]);
  return {
    paper: 'ticket',
    title: pdfTitle(input.language, 'Publications receipt'),
    blocks: [
      ...header(pair, 'publications.title', 'ticket'),
      ...lines,
      { kind: 'rule', weight: 0.5 },
      field(pair, 'publications.total', money(input.totalAvos), { size: 12 }),
      ...(input.refundedAvos > 0
        ? [field(pair, 'publications.refunded', money(input.refundedAvos), { size: 11 })]
        : []),
      field(pair, 'publications.payment', `${input.wallet} · ${input.paymentRef}`),
      field(pair, 'common.centre', localised(pair, input.centre)),
      field(pair, 'publications.paidAt', dateTimeBoth(pair, input.paidAt)),
      {
        kind: 'text',
        text: `${soldBy}\n${soldBySecondary}`,
        size: 7.5,
        weight: 'regular',
        align: 'left',
        gapAfter: 4,
      },
      ...ticketFooter(pair, input.terminalId, input.paidAt),
    ],
  };
}
