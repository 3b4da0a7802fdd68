import { z } from 'zod';
import { LocalisedTextSchema } from '../language_schema.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Government publications at a kiosk that is also a vending machine: browse by department or category, or search;
 * a detail screen with the cover, description and contents; a basket limited by the slots' stock; pay by showing
 * the wallet's payment code to the scanner; each item turned out of its spiral, what did not drop refunded; the
 * receipt on the ticket printer. State machine: electron/flows/publications/; screens: renderer/flows/publications/.
 *
 *   loading ──► browse ⇄ list ⇄ detail ──► basket ──► pay ──(scan)──► paying ──► dispensing ──► done
 *      │          ⇅               ▲          ▲          ▲                │
 *      │        search ───────────┘          └─(stock or price changed)──┤ declined, no funds, no answer:
 *      └─(no catalogue)─► unavailable                       pay (why) ◄──┘ scan again (charged at most once)
 *
 * Money is integer avos; the screens write it with electron/rpc/money.ts.
 */

const service = { service: z.literal('publications') };

/** A title or text in the languages it exists in (the screens fall back from one to another). */
export const PartialTextViewSchema = z.object({
  'zh-Hant': z.string().optional(),
  'zh-Hans': z.string().optional(),
  pt: z.string().optional(),
  en: z.string().optional(),
});
export type PartialTextView = z.infer<typeof PartialTextViewSchema>;

export const publicationCategoryIds = ['law', 'official-form', 'statistics', 'yearbook', 'culture'] as const;
export const PublicationCategoryViewSchema = z.enum(publicationCategoryIds);
export type PublicationCategoryView = z.infer<typeof PublicationCategoryViewSchema>;

const AvosViewSchema = z.int().nonnegative();

/** A publication in a list: enough for its row, and how many the resident may still take. */
export const PublicationCardSchema = z.object({
  id: z.string(),
  title: PartialTextViewSchema,
  /** The publisher's code; its name is in `departments` of the browse step, or in `publisherName`. */
  publisher: z.string(),
  publisherName: LocalisedTextSchema.nullable(),
  category: PublicationCategoryViewSchema,
  priceAvos: AvosViewSchema,
  /** Units the slots hold now (0: sold out here). */
  available: z.int().nonnegative(),
  inBasket: z.int().nonnegative(),
  coverColour: z.string(),
});
export type PublicationCard = z.infer<typeof PublicationCardSchema>;

export const PublicationDetailSchema = PublicationCardSchema.extend({
  editionLanguages: z.array(z.enum(['zh-Hant', 'zh-Hans', 'pt', 'en'])),
  format: z.enum(['book', 'booklet', 'form-set', 'magazine']),
  pages: z.int().positive(),
  year: z.int(),
  description: PartialTextViewSchema,
  contents: z.array(PartialTextViewSchema),
  coverImageUrl: z.string().nullable(),
  /** Invented for the sample catalogue (prices, pages, stock): the screen says so. */
  sample: z.boolean(),
});
export type PublicationDetail = z.infer<typeof PublicationDetailSchema>;

/** What the basket holds, shown on every browsing step. */
export const BasketSummarySchema = z.object({ items: z.int().nonnegative(), totalAvos: AvosViewSchema });
export type BasketSummary = z.infer<typeof BasketSummarySchema>;

export const BrowseGroupSchema = z.object({
  /** A department's code, or a category. */
  key: z.string(),
  /** A department's name (null for a category, named from the locale, or a department the catalogue lacks). */
  name: LocalisedTextSchema.nullable(),
  count: z.int().nonnegative(),
});
export type BrowseGroup = z.infer<typeof BrowseGroupSchema>;

export const BrowseBySchema = z.enum(['department', 'category']);
export type BrowseBy = z.infer<typeof BrowseBySchema>;

export const BasketLineViewSchema = z.object({
  publication: PublicationCardSchema,
  quantity: z.int().min(1),
  /** The most the slots can give of this publication. */
  max: z.int().nonnegative(),
  lineAvos: AvosViewSchema,
});
export type BasketLineView = z.infer<typeof BasketLineViewSchema>;

/**
 * Why the basket changed on its own when the resident went to pay: the slots hold fewer than asked (`stock`), or a
 * price changed (`price`). The resident sees the new basket before paying.
 */
export const BasketNoticeSchema = z.enum(['stock', 'price']);

/**
 * Why the last scan did not pay. Nothing was charged, except `no-answer`: the payment service did not answer, so
 * scanning again first asks whether that charge went through (a basket is charged at most once).
 */
export const PayProblemSchema = z.enum([
  'payment-declined',
  'insufficient-funds',
  'no-answer',
  'unavailable',
  'not-a-payment-code',
]);
export type PayProblem = z.infer<typeof PayProblemSchema>;

export const DispenseItemViewSchema = z.object({
  title: PartialTextViewSchema,
  state: z.enum(['waiting', 'turning', 'dropped', 'not-dropped']),
});
export type DispenseItemView = z.infer<typeof DispenseItemViewSchema>;

export const PublicationsFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('loading') }),
  /** The catalogue could not be read: nothing to sell right now. */
  z.object({ ...service, step: z.literal('unavailable') }),
  z.object({
    ...service,
    step: z.literal('browse'),
    by: BrowseBySchema,
    groups: z.array(BrowseGroupSchema),
    basket: BasketSummarySchema,
  }),
  z.object({
    ...service,
    step: z.literal('list'),
    by: BrowseBySchema,
    group: BrowseGroupSchema,
    publications: z.array(PublicationCardSchema),
    basket: BasketSummarySchema,
  }),
  z.object({
    ...service,
    step: z.literal('search'),
    query: z.string(),
    results: z.array(PublicationCardSchema),
    basket: BasketSummarySchema,
  }),
  z.object({
    ...service,
    step: z.literal('detail'),
    publication: PublicationDetailSchema,
    basket: BasketSummarySchema,
  }),
  z.object({
    ...service,
    step: z.literal('basket'),
    lines: z.array(BasketLineViewSchema),
    totalAvos: AvosViewSchema,
    notice: BasketNoticeSchema.nullable(),
  }),
  z.object({
    ...service,
    step: z.literal('pay'),
    items: z.int().positive(),
    totalAvos: AvosViewSchema,
    problem: PayProblemSchema.nullable(),
  }),
  z.object({ ...service, step: z.literal('paying'), totalAvos: AvosViewSchema }),
  z.object({ ...service, step: z.literal('dispensing'), items: z.array(DispenseItemViewSchema) }),
  z.object({
    ...service,
    step: z.literal('done'),
    items: z.array(DispenseItemViewSchema),
    paidAvos: AvosViewSchema,
    refundedAvos: AvosViewSchema,
    /**
     * `completed`: settled (what did not drop was refunded); `refund-refused`: the payment service refused the
     * refund, staff were alerted and give the money back; `refund-pending`: no answer yet, the kiosk refunds as
     * soon as it can.
     */
    end: z.enum(['completed', 'refund-refused', 'refund-pending']),
    /** Whether the receipt went to the ticket printer. */
    receipt: z.enum(['printing', 'not-printed']),
  }),
]);
export type PublicationsFlowView = z.infer<typeof PublicationsFlowViewSchema>;
export type PublicationsStep = PublicationsFlowView['step'];

const PublicationIdParam = z.string().regex(/^PUB-[A-Z0-9-]{2,40}$/);

export const publicationsFlowMethods = {
  /** `browse`: group by department or by category. */
  'publications.browseBy': { params: z.object({ by: BrowseBySchema }).strict(), result: IntentResultSchema },
  /** `browse`: the publications of one department or category. */
  'publications.openGroup': {
    params: z.object({ key: z.string().min(1).max(40) }).strict(),
    result: IntentResultSchema,
  },
  /** `browse`, `list`: search by title. */
  'publications.openSearch': { params: noParams, result: IntentResultSchema },
  /** `search`: the text as typed so far (with pinyin still being composed). */
  'publications.search': {
    params: z.object({ text: z.string().max(100) }).strict(),
    result: IntentResultSchema,
  },
  /** `list`, `search`, `basket`: one publication's detail. */
  'publications.open': {
    params: z.object({ publicationId: PublicationIdParam }).strict(),
    result: IntentResultSchema,
  },
  /** `detail`, `basket`: how many of a publication the basket holds (0 takes it out); limited by stock. */
  'publications.setQuantity': {
    params: z.object({ publicationId: PublicationIdParam, quantity: z.int().min(0).max(20) }).strict(),
    result: IntentResultSchema,
  },
  /** Any browsing step: the basket. */
  'publications.showBasket': { params: noParams, result: IntentResultSchema },
  /** `basket`: pay (the stock and prices are checked again first). */
  'publications.checkout': { params: noParams, result: IntentResultSchema },
  /** `unavailable`: read the catalogue again. */
  'publications.retry': { params: noParams, result: IntentResultSchema },
  /** Back one step; from `browse`, back to the list of services; from `done`, shop again. Refused while paying or dispensing. */
  'publications.back': { params: noParams, result: IntentResultSchema },
  /** Leave for the list of services: the basket is emptied, an unpaid sale voided. Refused while paying or dispensing. */
  'publications.cancel': { params: noParams, result: IntentResultSchema },
  /** `done`, `unavailable`: the resident is done; the session ends. */
  'publications.finish': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'publications'>;
