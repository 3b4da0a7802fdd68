import { z } from 'zod';
import { type DomainMethods, noParams } from '../method_spec.js';
import { ServiceIdSchema } from '../service_id_schema.js';
import { IntentResultSchema } from './intent_result.js';

/**
 * Identify: the sub-flow every flow that must know who the resident is embeds (booking, collection, proof of
 * identity, Smart Locker apply). It is not a flow of its own: a host flow shows it as one step of its own view,
 * `{ step: 'identify', identify: IdentifyView }`, and its screens draw `<IdentifyScreens view={…} />` for that step.
 * State machine: electron/flows/identify/identification.ts; screens: renderer/flows/identify/; how to embed it:
 * docs/flows.md.
 *
 *   place ──document on the reader──► reading ──► confirm ──"This is me"──► pin ──► checking-pin ──► (host)
 *     │      (no OCR window: type-mrz ──► reading)  └──"Not me"──► place      └─wrong─► pin (attempts left)
 *     ├─residence permit on the GA 467 reader (Hengqin)──► reading ──► confirm …
 *     └─Macao One Account QR on the scanner──► reading ──► pin (or the host, when no PIN is asked)
 *   any refusal ──► refused (why, and where to go instead) ──retry──► place
 *
 * A view carries only what its screen shows: the face as a data URL of a display-size image, the name and the
 * document number masked. No PIN, MRZ, birth date or full name is ever in a view.
 */

/** How a resident may identify: an eMRTD on the CCID reader, the residence permit on the GA 467 reader, a QR. */
export const IdentifyMethodSchema = z.enum(['document', 'residence-permit', 'macao-one-account']);
export type IdentifyMethod = z.infer<typeof IdentifyMethodSchema>;

/** What was placed, for the confirm screen's wording. */
export const IdentifiedDocumentSchema = z.enum(['passport', 'id-card', 'residence-permit']);
export type IdentifiedDocument = z.infer<typeof IdentifiedDocumentSchema>;

/**
 * Why identification stopped, each with its own message and where to go instead:
 * - `expired`: the document's validity ended (MRZ expiry);
 * - `not-genuine`: the chip failed passive authentication (altered or cloned);
 * - `not-verifiable`: the chip is signed by a country signing authority this kiosk does not hold;
 * - `unreadable`: the chip or the printed MRZ could not be read;
 * - `card-removed`: the document left the reader during the read;
 * - `not-known`: the backend knows no resident with this document or code;
 * - `code-expired`: the Macao One Account code is out of date (the app makes a new one);
 * - `pin-locked`: too many wrong PINs (`lockedUntil` says until when);
 * - `unavailable`: the government services could not be reached.
 */
export const IdentifyRefusalSchema = z.enum([
  'expired',
  'not-genuine',
  'not-verifiable',
  'unreadable',
  'card-removed',
  'not-known',
  'code-expired',
  'pin-locked',
  'unavailable',
]);
export type IdentifyRefusal = z.infer<typeof IdentifyRefusalSchema>;

/** A small JPEG or PNG for the confirm screen (the renderer's CSP allows data: images only). */
export const FaceDataUrlSchema = z
  .string()
  .max(2_000_000)
  .regex(/^data:image\/(?:jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/);

const purpose = { purpose: ServiceIdSchema };

export const IdentifyViewSchema = z.discriminatedUnion('stage', [
  z.object({
    stage: z.literal('place'),
    ...purpose,
    /** The ways accepted here, in the order the screen offers them. */
    methods: z.array(IdentifyMethodSchema).min(1),
    /** Why the resident is back here: they said "Not me", or scanned a code that is no One Account code. */
    notice: z.enum(['not-me', 'not-a-one-account-code']).nullable(),
  }),
  z.object({ stage: z.literal('reading'), ...purpose, method: IdentifyMethodSchema }),
  z.object({
    stage: z.literal('type-mrz'),
    ...purpose,
    /** `no-match`: the chip refused the values typed (a digit wrong?); `format`: a value is not well formed. */
    problem: z.enum(['no-match', 'format']).nullable(),
  }),
  z.object({
    stage: z.literal('confirm'),
    ...purpose,
    document: IdentifiedDocumentSchema,
    face: FaceDataUrlSchema.nullable(),
    /** e.g. `CHAN T** M**`, `陳*文`. */
    name: z.string().min(1).max(80),
    /** e.g. `M*****678`. */
    documentNumber: z.string().min(1).max(40),
    /** A PIN comes next. */
    pinNext: z.boolean(),
  }),
  z.object({
    stage: z.literal('pin'),
    ...purpose,
    /** After a wrong PIN: how many tries are left before the lock-out. */
    attemptsLeft: z.number().int().positive().nullable(),
  }),
  z.object({ stage: z.literal('checking-pin'), ...purpose }),
  z.object({
    stage: z.literal('refused'),
    ...purpose,
    reason: IdentifyRefusalSchema,
    /** For `pin-locked`: when the resident may try again (ISO 8601 with offset). */
    lockedUntil: z.string().nullable(),
    /** Whether "Try again" is offered (another document, the same one placed again). */
    retry: z.boolean(),
  }),
]);
export type IdentifyView = z.infer<typeof IdentifyViewSchema>;
export type IdentifyStage = IdentifyView['stage'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The intents of whichever identification is showing, in any host flow (the runner hands them to the flow that
 * hosts it: electron/flows/identify/identify_host.ts).
 */
export const identifyMethods = {
  /** "This is me" on the confirm stage. */
  'identify.confirm': { params: noParams, result: IntentResultSchema },
  /** "Not me": everything read is dropped, and the resident is asked to take the document away. */
  'identify.notMe': { params: noParams, result: IntentResultSchema },
  /** The PIN typed on the PIN pad; checked by the backend, never kept, logged or shown. */
  'identify.submitPin': {
    params: z.object({ pin: z.string().regex(/^\d{6}$/) }).strict(),
    result: IntentResultSchema,
  },
  /** A reader without an OCR window: the three values printed on the data page, typed by the resident. */
  'identify.submitMrz': {
    params: z
      .object({
        documentNumber: z.string().regex(/^[A-Z0-9]{1,22}$/),
        birthDate: isoDate,
        expiryDate: isoDate,
      })
      .strict(),
    result: IntentResultSchema,
  },
  /** "Try again" on a refusal that allows it. */
  'identify.retry': { params: noParams, result: IntentResultSchema },
  /** Back one stage; on the first one, back to the host's step before. */
  'identify.back': { params: noParams, result: IntentResultSchema },
  /** Leave identification (the host decides where to: usually the list of services). */
  'identify.cancel': { params: noParams, result: IntentResultSchema },
} as const satisfies DomainMethods<'identify'>;
