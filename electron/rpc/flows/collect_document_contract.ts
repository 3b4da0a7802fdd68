import { z } from 'zod';
import { LocalisedTextSchema } from '../language_schema.js';
import { type DomainMethods, noParams } from '../method_spec.js';
import { IdentifyViewSchema } from './identify_contract.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Collect my document: a resident proves who they are (identify, with a PIN), sees what waits for them at this
 * kiosk, chooses one, and takes it — a card from the document dispenser's gate, a booklet from behind a locker door
 * of the kiosk. The collection is journalled (identified → reserved → dispensed → confirmed) and confirmed to the
 * backend exactly once; a collection receipt prints. State machine: electron/flows/collect_document/; screens:
 * renderer/flows/collect_document/.
 *
 *   identify ──► finding ──► choose ──choose──► releasing (preparing → take) ──► confirming ──► done
 *                   └──► nothing-ready            ├──not taken──► not-collected (retracted: still ready)
 *                                                 └──jam / empty / door──► release-failed (staff told)
 */

const service = { service: z.literal('collect-document') };

export const CollectionIdSchema = z.string().regex(/^C-[A-Z0-9-]{1,40}$/);

/** A document ready for the resident here, as the choose screen lists it. */
export const ReadyDocumentViewSchema = z.object({
  collectionId: CollectionIdSchema,
  kind: z.enum(['bir-card', 'passport', 'travel-permit', 'hk-visit-permit']),
  title: LocalisedTextSchema,
  /** A card comes from the dispenser, a booklet from behind a locker door. */
  format: z.enum(['card', 'booklet']),
});
export type ReadyDocumentView = z.infer<typeof ReadyDocumentViewSchema>;

export const CollectDocumentFlowViewSchema = z.discriminatedUnion('step', [
  z.object({ ...service, step: z.literal('identify'), identify: IdentifyViewSchema }),
  z.object({ ...service, step: z.literal('finding') }),
  z.object({ ...service, step: z.literal('choose'), documents: z.array(ReadyDocumentViewSchema).min(1) }),
  z.object({ ...service, step: z.literal('nothing-ready') }),
  z.object({
    ...service,
    step: z.literal('releasing'),
    document: ReadyDocumentViewSchema,
    /** `preparing`: set aside and moved to the gate or door; then the resident takes it. */
    stage: z.enum(['preparing', 'take-card', 'take-from-door']),
    /** The locker door the booklet is behind, for `take-from-door`. */
    door: z.string().nullable(),
  }),
  z.object({ ...service, step: z.literal('confirming'), document: ReadyDocumentViewSchema }),
  z.object({
    ...service,
    step: z.literal('done'),
    document: ReadyDocumentViewSchema,
    /** Another document waits for the resident here. */
    moreWaiting: z.boolean(),
    /** The government services could not be told yet: the kiosk tells them as soon as it can. */
    confirmedLater: z.boolean(),
  }),
  /** The card was not taken in time: it was taken back inside, and stays ready for the resident. */
  z.object({ ...service, step: z.literal('not-collected'), document: ReadyDocumentViewSchema }),
  /** The document could not be released (a jam, an empty dispenser, a door): staff were told. */
  z.object({
    ...service,
    step: z.literal('release-failed'),
    document: ReadyDocumentViewSchema,
    problem: z.enum(['jam', 'empty', 'door', 'device']),
  }),
  z.object({
    ...service,
    step: z.literal('unavailable'),
    /**
     * `backend`: the government services cannot be reached; `held-elsewhere`: the document is being released at
     * another kiosk or was already collected; `not-here`: this kiosk cannot release it (no dispenser or locker).
     */
    reason: z.enum(['backend', 'held-elsewhere', 'not-here']),
  }),
]);
export type CollectDocumentFlowView = z.infer<typeof CollectDocumentFlowViewSchema>;
export type CollectDocumentStep = CollectDocumentFlowView['step'];

export const collectDocumentFlowMethods = {
  'collect-document.choose': {
    params: z.object({ collectionId: CollectionIdSchema }).strict(),
    result: IntentResultSchema,
  },
  /** After one document: back to the list for the next one. */
  'collect-document.another': { params: noParams, result: IntentResultSchema },
  /** The resident is done: the session ends. */
  'collect-document.finish': { params: noParams, result: IntentResultSchema },
  'collect-document.back': { params: noParams, result: IntentResultSchema },
  'collect-document.cancel': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'collect-document'>;
