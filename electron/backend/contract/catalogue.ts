import { z } from 'zod';
import { ServiceRequirementSchema as SeedServiceRequirementSchema } from '../seed/seed_schema.js';
import {
  CentreIdSchema,
  DepartmentCodeSchema,
  LocalisedTextSchema,
  LockerPointIdSchema,
  orNull,
  ServiceIdSchema,
  SiteKindSchema,
  TerminalIdSchema,
} from './common.js';

/**
 * The service catalogue as the kiosk sees it: departments (and the Mainland authorities of the Hengqin services),
 * services with their issuing authority, site, requirements and fee, the centres whose counters handle them, and
 * the Smart Locker ("Easy Pickup") points. It changes rarely, so the kiosk fetches it whole and searches it
 * locally (electron/backend/search/): search keeps working while the backend is unreachable.
 */

export const DepartmentSchema = z
  .strictObject({
    code: DepartmentCodeSchema,
    name: LocalisedTextSchema,
    site: SiteKindSchema,
    /** A Mainland (Hengqin / Zhuhai) issuing authority rather than a Macau department. */
    mainland: z.boolean(),
    /** Invented to complete the sample catalogue, not taken from a government source. */
    sample: z.boolean(),
  })
  .meta({ id: 'Department' });

/** What a resident must bring or present: the seed's own list, so the two cannot drift. */
export const ServiceRequirementSchema = z
  .enum(SeedServiceRequirementSchema.options)
  .meta({ id: 'ServiceRequirement' });

export const CompartmentSizeSchema = z.enum(['small', 'medium', 'large']).meta({ id: 'CompartmentSize' });
export type CompartmentSize = z.infer<typeof CompartmentSizeSchema>;

export const ServiceSchema = z
  .strictObject({
    id: ServiceIdSchema,
    /** The issuing department's or authority's code. */
    department: DepartmentCodeSchema,
    name: LocalisedTextSchema,
    site: SiteKindSchema,
    requirements: z.array(ServiceRequirementSchema),
    /** 0 when free. */
    feeAvos: z.int().nonnegative(),
    appointmentMinutes: z.int().positive(),
    bookable: z.boolean(),
    /** The item it produces can be collected from a Smart Locker. */
    lockerPickup: z.boolean(),
    /** The Smart Locker compartment its item needs; null when it has no locker pickup. */
    lockerSize: orNull(CompartmentSizeSchema),
    centres: z.array(CentreIdSchema).min(1),
    sample: z.boolean(),
  })
  .meta({ id: 'Service' });

export const CentreSchema = z
  .strictObject({
    id: CentreIdSchema,
    name: LocalisedTextSchema,
    address: LocalisedTextSchema,
    site: SiteKindSchema,
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** e.g. `09:00-17:45` (weekdays); `24h` for a self-service centre without counters. */
    counterHours: z.string().max(80),
    sample: z.boolean(),
  })
  .meta({ id: 'Centre' });

export const CompartmentCountsSchema = z
  .strictObject({ small: z.int().nonnegative(), medium: z.int().nonnegative(), large: z.int().nonnegative() })
  .meta({ id: 'CompartmentCounts' });

export const LockerPointSchema = z
  .strictObject({
    id: LockerPointIdSchema,
    name: LocalisedTextSchema,
    address: LocalisedTextSchema,
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    hours: z.string().max(80),
    /** How many compartments of each size the point has in all. */
    compartments: CompartmentCountsSchema,
    sample: z.boolean(),
  })
  .meta({ id: 'LockerPoint' });

export const CatalogueSchema = z
  .strictObject({
    departments: z.array(DepartmentSchema),
    services: z.array(ServiceSchema),
    centres: z.array(CentreSchema),
    lockerPoints: z.array(LockerPointSchema),
  })
  .meta({ id: 'Catalogue' });
export type Catalogue = z.infer<typeof CatalogueSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Centre = z.infer<typeof CentreSchema>;
export type LockerPoint = z.infer<typeof LockerPointSchema>;

export const TerminalProfileRequestSchema = z.strictObject({ terminalId: TerminalIdSchema });
/** Where a terminal stands and which catalogue services a resident can start there. */
export const TerminalProfileSchema = z
  .strictObject({
    terminalId: TerminalIdSchema,
    centreId: CentreIdSchema,
    site: SiteKindSchema,
    serviceIds: z.array(ServiceIdSchema),
  })
  .meta({ id: 'TerminalProfile' });

export const LockerPointsRequestSchema = z.strictObject({
  /** Sort the points by distance from this centre, nearest first. */
  nearCentreId: CentreIdSchema.optional(),
});
export const LockerPointAvailabilitySchema = z
  .strictObject({
    pointId: LockerPointIdSchema,
    free: CompartmentCountsSchema,
    /** From `nearCentreId`; null when no centre was given. */
    distanceMetres: z.int().nonnegative().nullable(),
  })
  .meta({ id: 'LockerPointAvailability' });
export type LockerPointAvailability = z.infer<typeof LockerPointAvailabilitySchema>;
export const LockerPointsReplySchema = z
  .strictObject({ points: z.array(LockerPointAvailabilitySchema) })
  .meta({ id: 'LockerPoints' });
