import { z } from 'zod';
import { DeviceKindSchema, DeviceStatusSchema } from '../../devices/device_status.js';
import { LanguageSchema, LocalisedTextSchema } from './language_schema.js';
import { type DomainEvents, type DomainMethods, noParams } from './method_spec.js';
import { ServiceIdSchema } from './service_id_schema.js';
import { SessionViewSchema } from './session_contract.js';

/**
 * The terminal as the renderer sees it: who it is, whether it can serve, which services it offers, its devices'
 * states. Pushed on change, and whole in the snapshot the renderer asks for on every (re)connect.
 */

export const OutOfServiceReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('maintenance') }),
  z.object({ kind: z.literal('device-unavailable'), deviceId: z.string(), deviceKind: DeviceKindSchema }),
]);
export const KioskStatusSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('in-service') }),
  z.object({ mode: z.literal('out-of-service'), reasons: z.array(OutOfServiceReasonSchema).min(1) }),
]);
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

export const ServiceNeedSchema = z.enum([
  'identity-document',
  'booking-qr',
  'pickup-code',
  'pin',
  'nothing',
  'printed-proof',
  'wallet-payment-code',
]);
export type ServiceNeed = z.infer<typeof ServiceNeedSchema>;
export const ServiceTileSchema = z.object({
  id: ServiceIdSchema,
  available: z.boolean(),
  /** Why an unavailable tile is: a device it needs is unusable, or the government systems do not answer. */
  unavailableBecause: z.enum(['devices', 'backend']).optional(),
  needs: z.array(ServiceNeedSchema),
  minutes: z.number().int().positive(),
  /** Whether this release has the service's flow at the kiosk yet (see the service catalogue). */
  flowReady: z.boolean(),
});
export type ServiceTile = z.infer<typeof ServiceTileSchema>;

export { LocalisedTextSchema };

export const KioskSnapshotSchema = z.object({
  terminalId: z.string(),
  site: z.object({ kind: z.enum(['macau', 'hengqin']), name: LocalisedTextSchema }),
  languages: z.object({ offered: z.array(LanguageSchema), default: LanguageSchema }),
  attractSlideSeconds: z.number(),
  devTools: z.boolean(),
  status: KioskStatusSchema,
  session: SessionViewSchema,
  services: z.array(ServiceTileSchema),
  devices: z.array(DeviceStatusSchema),
});
export type KioskSnapshot = z.infer<typeof KioskSnapshotSchema>;

export const kioskMethods = {
  /** Everything the renderer needs to draw its screen (the resident's step included), again after a reconnect. */
  'kiosk.snapshot': { params: noParams, result: KioskSnapshotSchema },
} as const satisfies DomainMethods<'kiosk'>;

export const kioskEvents = {
  'kiosk.statusChanged': KioskStatusSchema,
  'kiosk.servicesChanged': z.array(ServiceTileSchema),
  'devices.changed': z.array(DeviceStatusSchema),
} as const satisfies DomainEvents;
