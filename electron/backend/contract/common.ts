import { z } from 'zod';

/**
 * Building blocks shared by every area of the backend contract. Every object is strict: a field the contract does
 * not declare is refused on both sides (the kiosk never sends, and never accepts, data nobody agreed on). Money is
 * integer avos (1 pataca = 100 avos), times are ISO 8601 with their offset (Macau is UTC+8 all year), dates are
 * calendar dates in Macau.
 */

/** Text in the kiosk's four languages. */
export const LocalisedTextSchema = z
  .strictObject({
    'zh-Hant': z.string().min(1),
    'zh-Hans': z.string().min(1),
    pt: z.string().min(1),
    en: z.string().min(1),
  })
  .meta({ id: 'LocalisedText' });
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export const SiteKindSchema = z.enum(['macau', 'hengqin']).meta({ id: 'SiteKind' });
export type SiteKind = z.infer<typeof SiteKindSchema>;

/** A client-chosen key that makes a state change safe to send again: the same key returns the first answer. */
export const IdempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, - or _')
  .meta({ id: 'IdempotencyKey' });

export const TimestampSchema = z.iso.datetime({ offset: true }).meta({ id: 'Timestamp' });
export const CalendarDateSchema = z.iso.date().meta({ id: 'CalendarDate' });

const slug = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const ServiceIdSchema = z.string().regex(slug).meta({ id: 'ServiceId' });
export const CentreIdSchema = z.string().regex(slug).meta({ id: 'CentreId' });
export const LockerPointIdSchema = z.string().regex(slug).meta({ id: 'LockerPointId' });
export const DepartmentCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,11}$/)
  .meta({ id: 'DepartmentCode' });
export const TerminalIdSchema = z
  .string()
  .regex(/^[A-Z0-9-]{3,32}$/)
  .meta({ id: 'TerminalId' });
export const StaffIdSchema = z
  .string()
  .regex(/^[A-Z0-9-]{2,16}$/)
  .meta({ id: 'StaffId' });
/**
 * Who the backend says a resident is. Opaque to the kiosk: it is only ever handed back to the backend, never
 * shown, printed or logged with anything that identifies the person.
 */
export const ResidentRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .meta({ id: 'ResidentRef' });

/** A six-digit PIN, typed on the kiosk's keypad. Never stored by the kiosk, never logged. */
export const PinSchema = z.string().regex(/^\d{6}$/, 'six digits');

export const DocumentKindSchema = z.enum(['passport', 'id-card', 'residence-permit']).meta({
  id: 'DocumentKind',
  description: 'What the resident placed on the reader: an eMRTD passport, an ID card, or a GA 467 permit.',
});
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DocumentNumberSchema = z.string().regex(/^[A-Z0-9<]{5,20}$/, 'document number as read');

/** The request of a call that takes no parameters. */
export const EmptySchema = z.strictObject({});

/**
 * `schema` or null. Written as a union rather than `.nullable()`: the OpenAPI generator marks a registered
 * schema itself nullable (every Timestamp would accept null), where a union gives `anyOf: [$ref, null]`.
 */
export function orNull<S extends z.ZodType>(schema: S) {
  return z.union([schema, z.null()]);
}
