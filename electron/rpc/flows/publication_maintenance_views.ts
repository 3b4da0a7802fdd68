import { z } from 'zod';
import { maxSlotCopies, salesPeriods, salesScopes } from './maintenance_choices.js';

/**
 * What the two publications tools of maintenance show and accept (issue 17): Publications sales (a period's daily
 * units, revenue and vending share, and each publication's figures) and Publications stock (each vending slot's
 * publication and count, and the audited staff actions on it). Plain figures — integer avos, counts, a share as a
 * fraction — that the renderer writes in the staff member's language. The slot and publication patterns are the
 * backend contract's (electron/backend/contract/publications.ts), repeated so the RPC contract imports no backend.
 */

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const avos = z.number().int().nonnegative();
/** machine ÷ (machine + counter), or null when nothing was sold either way. */
const share = z.number().min(0).max(1).nullable();

export const VendingSlotIdSchema = z.string().regex(/^[A-F][1-8]$/);
export const PublicationCodeSchema = z.string().regex(/^PUB-[A-Z0-9-]{2,40}$/);

/** A publication's title in the languages it exists in. */
export const PublicationTitleSchema = z
  .object({
    'zh-Hant': z.string().optional(),
    'zh-Hans': z.string().optional(),
    pt: z.string().optional(),
    en: z.string().optional(),
  })
  .strict();
export type PublicationTitle = z.infer<typeof PublicationTitleSchema>;

export const SalesDaySchema = z.object({
  date: calendarDate,
  units: count,
  revenueAvos: avos,
  counterUnits: count,
  share,
});
export type SalesDay = z.infer<typeof SalesDaySchema>;

export const SalesFiguresSchema = z.object({
  units: count,
  revenueAvos: avos,
  refundedUnits: count,
  refundedAvos: avos,
  failedDispenses: count,
  counterUnits: count,
  share,
});

export const PublicationSalesRowSchema = SalesFiguresSchema.extend({
  publicationId: PublicationCodeSchema,
  title: PublicationTitleSchema.nullable(),
});
export type PublicationSalesRow = z.infer<typeof PublicationSalesRowSchema>;

export const PublicationSalesViewSchema = z.object({
  period: z.enum(salesPeriods),
  scope: z.enum(salesScopes),
  from: calendarDate,
  to: calendarDate,
  terminalId: z.string(),
  report: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('loading') }),
    /** The backend did not answer (or refused): its error kind, and Refresh asks again. */
    z.object({ kind: z.literal('failed'), code: z.string() }),
    z.object({
      kind: z.literal('ready'),
      total: SalesFiguresSchema,
      /** Every day of the period, in order, days without a sale included (a chart has no gaps). */
      days: z.array(SalesDaySchema).max(366),
      publications: z.array(PublicationSalesRowSchema),
    }),
  ]),
});

export const StockSlotSchema = z.object({
  slot: VendingSlotIdSchema,
  publicationId: PublicationCodeSchema.nullable(),
  title: PublicationTitleSchema.nullable(),
  stock: count,
  capacity: z.number().int().positive(),
});
export type StockSlot = z.infer<typeof StockSlotSchema>;

export const SlotActionResultSchema = z
  .object({
    action: z.enum(['assign', 'count', 'refill', 'empty']),
    slot: VendingSlotIdSchema,
    ok: z.boolean(),
    /** Why it was refused: `slot-unassigned`, `unknown-slot`, `audit-failed`, or the backend's error kind. */
    code: z.string().nullable(),
  })
  .nullable();

export const PublicationStockViewSchema = z.object({
  slots: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('loading') }),
    z.object({ kind: z.literal('failed'), code: z.string() }),
    z.object({ kind: z.literal('ready'), slots: z.array(StockSlotSchema) }),
  ]),
  /** What a slot can be given, for the assign picker. */
  publications: z.array(z.object({ publicationId: PublicationCodeSchema, title: PublicationTitleSchema })),
  /** True while an action is with the backend (the buttons wait). */
  busy: z.boolean(),
  result: SlotActionResultSchema,
});

const copies = z.number().int().min(0).max(maxSlotCopies);

/** A slot action as the screen sends it; the staff id is the signed-in member's, never a parameter. */
export const SlotActionParamsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('assign'),
      slot: VendingSlotIdSchema,
      publicationId: PublicationCodeSchema,
      stock: copies,
    })
    .strict(),
  z.object({ kind: z.literal('count'), slot: VendingSlotIdSchema, stock: copies }).strict(),
  z.object({ kind: z.literal('refill'), slot: VendingSlotIdSchema, added: copies.min(1) }).strict(),
  z.object({ kind: z.literal('empty'), slot: VendingSlotIdSchema }).strict(),
]);
export type SlotActionParams = z.infer<typeof SlotActionParamsSchema>;
