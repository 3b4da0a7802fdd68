import { z } from 'zod';

/**
 * The stored form of the embedded backend's seed data: what the remote government systems would know (the
 * catalogue of departments and services, centres and Smart Locker points, sample residents). The embedded backend
 * loads it into its own SQLite file on first start; the backend contract (electron/backend/contract/) is the wire
 * form the kiosk sees. Everything here is validated at load time, so a bad seed file fails loudly in tests, not
 * at a resident's tap.
 *
 * `sample: true` marks data that was invented to make the catalogue complete (a plausible service whose real
 * name or rules were not sourced); `sample: false` means the name is taken from a public government source.
 * `note` (optional on departments, services, centres and locker points) says, for a maintainer, what is sourced
 * and what is assumed; it is never shown to residents.
 */

/** Text in the kiosk's four languages. Where a language has no official wording, the best faithful rendering. */
export const SeedTextSchema = z.object({
  'zh-Hant': z.string().min(1),
  'zh-Hans': z.string().min(1),
  pt: z.string().min(1),
  en: z.string().min(1),
});
export type SeedText = z.infer<typeof SeedTextSchema>;

export const SiteKindSchema = z.enum(['macau', 'hengqin']);

/** For a maintainer: the source of a record, or what in it is assumed. Never shown to residents. */
const SeedNoteSchema = z.string().min(1).optional();

export const SeedDepartmentSchema = z.object({
  /** The department's usual abbreviation, e.g. `DSI`; for Mainland authorities a short code such as `HQ-PSB`. */
  code: z.string().regex(/^[A-Z][A-Z0-9-]{1,11}$/),
  name: SeedTextSchema,
  site: SiteKindSchema,
  /** True for Mainland (Hengqin / Zhuhai) issuing authorities, which are not Macau departments. */
  mainland: z.boolean(),
  sample: z.boolean(),
  note: SeedNoteSchema,
});

export const ServiceRequirementSchema = z.enum([
  'identity-document',
  'travel-document',
  'residence-permit',
  'photo',
  'application-form',
  'proof-of-address',
  'fee',
  'appointment-slip',
]);

export const SeedServiceSchema = z.object({
  /**
   * Stable id: `<department code lower-case>-<slug>`, e.g. `dsi-bir-renewal`; services of a Mainland authority
   * start with `hq-` (e.g. `hq-residence-permit`), whichever authority is configured for them.
   */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  department: z.string(),
  name: SeedTextSchema,
  site: SiteKindSchema,
  /** What the resident must bring or present. */
  requirements: z.array(ServiceRequirementSchema),
  /** Fee in avos (1 pataca = 100 avos); 0 when free. Integers only, never floating point money. */
  feeAvos: z.number().int().nonnegative(),
  /** Minutes a counter appointment takes. */
  appointmentMinutes: z.number().int().positive(),
  /** Whether an appointment can be booked for it (Macao One Account booking). */
  bookable: z.boolean(),
  /** Whether the item it produces can be collected from a Smart Locker ("Easy Pickup"). */
  lockerPickup: z.boolean(),
  /**
   * The compartment its item needs at a Smart Locker; `small` (an A4 envelope) when absent. Only meaningful with
   * `lockerPickup`. The sizes are assumptions (README.md).
   */
  lockerSize: z.enum(['small', 'medium', 'large']).optional(),
  /**
   * Ids of centres that handle it, at a counter or at a self-service kiosk. A bookable service lists at least one
   * centre with counters (`counterHours` other than `24h`): that is where its appointments are.
   */
  centres: z.array(z.string()).min(1),
  sample: z.boolean(),
  note: SeedNoteSchema,
});

export const SeedCentreSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: SeedTextSchema,
  address: SeedTextSchema,
  site: SiteKindSchema,
  /** WGS 84, to sort locker points by distance from a centre. */
  latitude: z.number().min(22).max(23),
  longitude: z.number().min(113).max(114),
  /**
   * Opening hours of its counters on weekdays (Monday to Friday, public holidays excepted), e.g. `09:00-17:45`;
   * `24h` for a centre that is self-service only (kiosks open day and night, no counter, nothing to book there).
   */
  counterHours: z.string().regex(/^(24h|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/),
  sample: z.boolean(),
  note: SeedNoteSchema,
});

const CompartmentCountsSchema = z.object({
  small: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  large: z.number().int().nonnegative(),
});
export const compartmentSizes = ['small', 'medium', 'large'] as const;
export type CompartmentSize = (typeof compartmentSizes)[number];

export const SeedLockerPointSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: SeedTextSchema,
  address: SeedTextSchema,
  latitude: z.number().min(22).max(23),
  longitude: z.number().min(113).max(114),
  /** `24h` for Easy Pickup points inside 24-hour centres. */
  hours: z.string(),
  /** Compartments of each size the point has. */
  compartments: CompartmentCountsSchema,
  /**
   * Compartments of each size already holding an item when the backend is seeded (absent: none), so a sample
   * point can be full in one size; never more than `compartments`.
   */
  occupied: CompartmentCountsSchema.optional(),
  sample: z.boolean(),
  note: SeedNoteSchema,
});

export const SeedResidentSchema = z.object({
  id: z.string(),
  /**
   * The document this resident presents at the kiosk: the simulator's sample documents (devices/document/
   * simulated_documents.ts), so placing the Dev dock's passport or permit on the reader finds this resident.
   */
  documents: z.array(
    z.object({
      kind: z.enum(['passport', 'id-card', 'residence-permit']),
      number: z.string(),
    }),
  ),
  /** The PIN set when applying (sample residents only; a real backend never stores PINs in the clear). */
  collectionPin: z.string().regex(/^\d{6}$/),
  sample: z.literal(true),
});

export const SeedCatalogueSchema = z.object({
  departments: z.array(SeedDepartmentSchema),
  services: z.array(SeedServiceSchema),
  centres: z.array(SeedCentreSchema),
  lockerPoints: z.array(SeedLockerPointSchema),
  residents: z.array(SeedResidentSchema),
});
export type SeedCatalogue = z.infer<typeof SeedCatalogueSchema>;
export type SeedDepartment = z.infer<typeof SeedDepartmentSchema>;
export type SeedService = z.infer<typeof SeedServiceSchema>;
export type SeedCentre = z.infer<typeof SeedCentreSchema>;
export type SeedLockerPoint = z.infer<typeof SeedLockerPointSchema>;
export type SeedResident = z.infer<typeof SeedResidentSchema>;
