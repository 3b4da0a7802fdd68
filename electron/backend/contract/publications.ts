import { z } from 'zod';
import {
  CalendarDateSchema,
  DepartmentCodeSchema,
  IdempotencyKeySchema,
  orNull,
  StaffIdSchema,
  TerminalIdSchema,
  TimestampSchema,
} from './common.js';

/**
 * Government publications sold at a kiosk that is also a vending machine (law compilations, official forms,
 * statistical yearbooks, the yearbook, cultural titles). The Legal Affairs Bureau (DSAJ) sells them since it took
 * over the Printing Bureau (Administrative Regulation 14/2025); the publisher is the department that wrote the
 * book. Each terminal's spiral slots hold one publication each, with a stock count.
 *
 * Money is integer avos. Paying is a charge of the resident's wallet payment code (Macau's wallets and the Simple
 * Pay unified QR present a numeric code as a barcode or QR, read by the kiosk's scanner); the kiosk keeps the
 * charge's idempotency key in its journal before it sends it, and asks `paymentStatus` with that key at the next
 * start when no answer came back. Items that did not drop are refunded (`refundPayment`), and `recordDispense`
 * tells the backend what left the machine, which is what the sales report counts.
 */

export const PublicationIdSchema = z
  .string()
  .regex(/^PUB-[A-Z0-9-]{2,40}$/)
  .meta({ id: 'PublicationId' });
export const VendingSlotSchema = z
  .string()
  .regex(/^[A-F][1-8]$/)
  .meta({ id: 'VendingSlot', description: 'A spiral of the vending unit: row A–F, column 1–8.' });
export const AvosSchema = z
  .int()
  .nonnegative()
  .max(10_000_000_000)
  .meta({ id: 'Avos', description: 'An amount in avos (1 pataca = 100 avos).' });

/** A title or text in the languages it exists in (a Portuguese-only code has no English title). */
export const PartialTextSchema = z
  .strictObject({
    'zh-Hant': z.string().min(1).optional(),
    'zh-Hans': z.string().min(1).optional(),
    pt: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  })
  .refine((text) => Object.keys(text).length > 0, 'at least one language')
  .meta({ id: 'PartialText' });
export type PartialText = z.infer<typeof PartialTextSchema>;

export const publicationCategories = ['law', 'official-form', 'statistics', 'yearbook', 'culture'] as const;
export const PublicationCategorySchema = z.enum(publicationCategories).meta({ id: 'PublicationCategory' });
export type PublicationCategory = z.infer<typeof PublicationCategorySchema>;

export const PublicationSchema = z
  .strictObject({
    id: PublicationIdSchema,
    title: PartialTextSchema,
    /** The department that wrote or compiled it; DSAJ sells every title. */
    publisher: DepartmentCodeSchema,
    category: PublicationCategorySchema,
    /** The languages of the printed text itself (a bilingual code is both). */
    editionLanguages: z.array(z.enum(['zh-Hant', 'zh-Hans', 'pt', 'en'])).min(1),
    format: z.enum(['book', 'booklet', 'form-set', 'magazine']),
    pages: z.int().positive(),
    year: z.int().min(1990).max(2100),
    priceAvos: AvosSchema,
    description: PartialTextSchema,
    /** An extract of the table of contents, for the detail screen. */
    contents: z.array(PartialTextSchema).max(12),
    /** The cover is drawn from these when there is no scanned image. */
    cover: z.strictObject({ colour: z.string().regex(/^#[0-9a-f]{6}$/), imageUrl: orNull(z.url()) }),
    /** Invented for the embedded backend's seed (prices, pages, stock): never a real offer. */
    sample: z.boolean(),
  })
  .meta({ id: 'Publication' });
export type Publication = z.infer<typeof PublicationSchema>;

export const SlotStockSchema = z
  .strictObject({
    slot: VendingSlotSchema,
    publicationId: orNull(PublicationIdSchema),
    stock: z.int().nonnegative(),
    capacity: z.int().positive(),
  })
  .meta({ id: 'SlotStock' });
export type SlotStock = z.infer<typeof SlotStockSchema>;

export const PublicationsRequestSchema = z.strictObject({ terminalId: TerminalIdSchema });
export const PublicationsReplySchema = z
  .strictObject({ publications: z.array(PublicationSchema), slots: z.array(SlotStockSchema) })
  .meta({ id: 'Publications' });

export const BasketLineSchema = z
  .strictObject({
    publicationId: PublicationIdSchema,
    quantity: z.int().min(1).max(20),
    unitAvos: AvosSchema,
  })
  .meta({ id: 'BasketLine' });
export type BasketLine = z.infer<typeof BasketLineSchema>;

/** What the wallet shows: 16 to 24 digits. A payment credential: never stored, logged or printed by the kiosk. */
export const WalletCodeSchema = z.string().regex(/^\d{16,24}$/, 'a wallet payment code');

export const PaymentRefSchema = z
  .string()
  .regex(/^PAY-[A-Z0-9]{6,40}$/)
  .meta({ id: 'PaymentRef' });

export const ChargePaymentRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  terminalId: TerminalIdSchema,
  walletCode: WalletCodeSchema,
  /** The basket as the resident saw it: prices are checked against the catalogue, the total against the lines. */
  lines: z.array(BasketLineSchema).min(1).max(20),
  amountAvos: AvosSchema,
});
export const PaymentSchema = z
  .strictObject({
    paymentRef: PaymentRefSchema,
    amountAvos: AvosSchema,
    chargedAt: TimestampSchema,
    /** Which wallet paid, for the receipt ("MPay", "Simple Pay"…); never the code. */
    wallet: z.string().min(1).max(40),
  })
  .meta({ id: 'Payment' });
export type Payment = z.infer<typeof PaymentSchema>;

export const PaymentStatusRequestSchema = z.strictObject({ chargeKey: IdempotencyKeySchema });
export const PaymentStatusSchema = z
  .discriminatedUnion('status', [
    /** The gateway never charged under this key (never received, or declined). */
    z.strictObject({ status: z.literal('not-charged') }),
    z.strictObject({ status: z.literal('charged'), payment: PaymentSchema, refundedAvos: AvosSchema }),
  ])
  .meta({ id: 'PaymentStatus' });
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

export const RefundReasonSchema = z
  .enum(['not-dispensed', 'session-ended', 'staff'])
  .meta({ id: 'RefundReason' });
export const RefundPaymentRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  paymentRef: PaymentRefSchema,
  /** The items given back; the amount is their price as charged, which the gateway checks. */
  items: z
    .array(z.strictObject({ publicationId: PublicationIdSchema, quantity: z.int().min(1).max(20) }))
    .min(1)
    .max(20),
  amountAvos: AvosSchema,
  reason: RefundReasonSchema,
});
export const RefundSchema = z
  .strictObject({
    refundRef: z.string().regex(/^RFD-[A-Z0-9]{6,40}$/),
    paymentRef: PaymentRefSchema,
    amountAvos: AvosSchema,
    refundedAt: TimestampSchema,
  })
  .meta({ id: 'Refund' });

export const DispenseLineSchema = z
  .strictObject({ publicationId: PublicationIdSchema, slot: VendingSlotSchema, dropped: z.boolean() })
  .meta({ id: 'DispenseLine' });
export const RecordDispenseRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  paymentRef: PaymentRefSchema,
  terminalId: TerminalIdSchema,
  /** One entry per item turned out of a slot: whether the drop sensor saw it fall. */
  items: z.array(DispenseLineSchema).min(1).max(400),
});
export const DispenseRecordedSchema = z
  .strictObject({
    paymentRef: PaymentRefSchema,
    dispensed: z.int().nonnegative(),
    failed: z.int().nonnegative(),
  })
  .meta({ id: 'DispenseRecorded' });

/** A staff action on a slot: assign a publication (or none), count or refill the stock. Audited by both sides. */
export const SetSlotRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  terminalId: TerminalIdSchema,
  staffId: StaffIdSchema,
  slot: VendingSlotSchema,
  publicationId: orNull(PublicationIdSchema),
  stock: z.int().nonnegative(),
});

export const SalesRequestSchema = z
  .strictObject({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    terminalId: TerminalIdSchema.optional(),
    /**
     * `terminal` (the default): machine rows per terminal, day and publication, for a CSV export; `fleet`: summed
     * over terminals (terminalId null), which keeps a year of a whole fleet to a few thousand rows.
     */
    by: z.enum(['terminal', 'fleet']).optional(),
  })
  .refine((r) => r.from <= r.to, 'from is on or before to')
  .meta({ id: 'SalesRequest' });

/** One day and publication, at one terminal (or all of them): what the machines sold, refunded and failed to drop. */
export const MachineSalesRowSchema = z
  .strictObject({
    date: CalendarDateSchema,
    terminalId: orNull(TerminalIdSchema),
    publicationId: PublicationIdSchema,
    units: z.int().nonnegative(),
    revenueAvos: AvosSchema,
    refundedUnits: z.int().nonnegative(),
    refundedAvos: AvosSchema,
    failedDispenses: z.int().nonnegative(),
  })
  .meta({ id: 'MachineSalesRow' });
export type MachineSalesRow = z.infer<typeof MachineSalesRowSchema>;

/** One terminal's totals over the period. */
export const TerminalSalesSchema = z
  .strictObject({
    terminalId: TerminalIdSchema,
    units: z.int().nonnegative(),
    revenueAvos: AvosSchema,
    refundedUnits: z.int().nonnegative(),
    refundedAvos: AvosSchema,
    failedDispenses: z.int().nonnegative(),
  })
  .meta({ id: 'TerminalSales' });

/** Units sold over the counter (DSAJ's shops), which the vending share compares against. */
export const CounterSalesRowSchema = z
  .strictObject({
    date: CalendarDateSchema,
    publicationId: PublicationIdSchema,
    units: z.int().nonnegative(),
  })
  .meta({ id: 'CounterSalesRow' });
export type CounterSalesRow = z.infer<typeof CounterSalesRowSchema>;

export const SalesReplySchema = z
  .strictObject({
    machine: z.array(MachineSalesRowSchema),
    terminals: z.array(TerminalSalesSchema),
    counter: z.array(CounterSalesRowSchema),
  })
  .meta({ id: 'Sales' });
export type SalesReply = z.infer<typeof SalesReplySchema>;
