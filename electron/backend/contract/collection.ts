import { z } from 'zod';
import {
  DepartmentCodeSchema,
  IdempotencyKeySchema,
  LocalisedTextSchema,
  PinSchema,
  ResidentRefSchema,
  TerminalIdSchema,
  TimestampSchema,
} from './common.js';

/**
 * Collecting a document that was produced for a resident and loaded into a kiosk. The flow is
 * `ready → reserved → collected`, or back to `ready` when the resident did not take it:
 *
 * 1. `documentsReady` lists what waits for the resident at this terminal;
 * 2. `checkCollectionPin` checks the PIN set when applying; wrong PINs count down `attemptsLeft` and lock the
 *    resident out for a while (the backend decides how long); a right PIN returns a short-lived authorisation;
 * 3. `reserveCollection` (with that authorisation) holds the document for this terminal while it is released;
 * 4. `confirmCollection` once the resident took it, or `reportNotCollected` when it was retracted or jammed.
 */

export const CollectionIdSchema = z
  .string()
  .regex(/^C-[A-Z0-9-]{1,40}$/)
  .meta({ id: 'CollectionId' });

export const CollectableKindSchema = z
  .enum(['bir-card', 'passport', 'travel-permit', 'hk-visit-permit'])
  .meta({ id: 'CollectableKind' });

export const ReadyDocumentSchema = z
  .strictObject({
    collectionId: CollectionIdSchema,
    kind: CollectableKindSchema,
    title: LocalisedTextSchema,
    department: DepartmentCodeSchema,
    /** A card leaves through the card dispenser; a booklet through a locker door of the kiosk. */
    format: z.enum(['card', 'booklet']),
    /**
     * For a booklet: the door of the kiosk's locker it was loaded behind (as staff recorded when they loaded it);
     * null for a card, which waits in the dispenser's stacker.
     */
    compartment: z
      .string()
      .regex(/^[A-Z][A-Z0-9]{0,7}$/)
      .nullable(),
    readySince: TimestampSchema,
  })
  .meta({ id: 'ReadyDocument' });
export type ReadyDocument = z.infer<typeof ReadyDocumentSchema>;

export const DocumentsReadyRequestSchema = z.strictObject({
  residentRef: ResidentRefSchema,
  terminalId: TerminalIdSchema,
});
export const DocumentsReadyReplySchema = z
  .strictObject({ documents: z.array(ReadyDocumentSchema) })
  .meta({ id: 'DocumentsReady' });

export const CheckCollectionPinRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  residentRef: ResidentRefSchema,
  terminalId: TerminalIdSchema,
  pin: PinSchema,
});
/** Proof that the resident typed the right PIN: required to reserve a document, valid for a few minutes. */
export const CollectionAuthorisationSchema = z
  .strictObject({
    authorisation: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'CollectionAuthorisation' });

export const ReserveCollectionRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  collectionId: CollectionIdSchema,
  terminalId: TerminalIdSchema,
  authorisation: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
});
export const CollectionReservationSchema = z
  .strictObject({ collectionId: CollectionIdSchema, reservedUntil: TimestampSchema })
  .meta({ id: 'CollectionReservation' });

export const ConfirmCollectionRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  collectionId: CollectionIdSchema,
  terminalId: TerminalIdSchema,
});
export const CollectionConfirmedSchema = z
  .strictObject({ collectionId: CollectionIdSchema, collectedAt: TimestampSchema })
  .meta({ id: 'CollectionConfirmed' });

export const NotCollectedReasonSchema = z
  .enum(['not-taken', 'dispenser-jam', 'dispenser-empty', 'door-failed', 'cancelled'])
  .meta({ id: 'NotCollectedReason' });
export const ReportNotCollectedRequestSchema = z.strictObject({
  idempotencyKey: IdempotencyKeySchema,
  collectionId: CollectionIdSchema,
  terminalId: TerminalIdSchema,
  reason: NotCollectedReasonSchema,
});
export const CollectionReleasedSchema = z
  .strictObject({ collectionId: CollectionIdSchema, status: z.literal('ready') })
  .meta({ id: 'CollectionReleased' });
