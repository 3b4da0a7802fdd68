import { z } from 'zod';
import { PublicKeyTableSchema } from '../keys/key_table.js';

/**
 * The configuration's `lockerStation` section: present, it makes the terminal a Smart Locker station (with the
 * `locker-pickup` service enabled). It names the locker point the station's doors belong to (the `station` a
 * pickup code must carry), the issuers whose codes it trusts, which door holds each of the backend's compartments,
 * and the station's limits on typed codes and doors.
 */

/**
 * The development issuing key's public key (config/dev/dev-locker-pickup.key.json, committed so developers and
 * tests can make codes). A production configuration that trusts it is refused: anyone could open a door.
 */
export const developmentPickupKey = '0TiRaYmSUsovcu4STcVizxOJoYmREHJo2DkL6RZgSCw=';

const DoorSchema = z
  .object({
    /** The locker controller (a device id of `devices`) that drives the door. */
    device: z.string().min(1),
    /** The door's name in that controller's `options.doors`. */
    door: z.string().min(1),
  })
  .strict();

export const LockerStationConfigSchema = z
  .object({
    /** The catalogue's locker point this station is (`locker-…`): pickup codes name it as their station. */
    pointId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
    /** Pickup-code issuer id → Ed25519 public key (electron/keys/key_table.ts); `balcao locker new-key`. */
    issuerKeys: PublicKeyTableSchema,
    /** The backend's compartment (`A01`) → the door that holds it. */
    compartments: z.record(z.string().regex(/^[A-Z]\d{2}$/), DoorSchema),
    typedCodes: z
      .object({
        /** Refused typed codes in a row before the keypad waits. */
        attempts: z.number().int().min(1).max(20).default(5),
        /** The first wait; each following one doubles, up to `maxWaitSeconds`. */
        firstWaitSeconds: z.number().int().min(5).max(3600).default(30),
        maxWaitSeconds: z.number().int().min(5).max(86_400).default(900),
      })
      .strict()
      .default({ attempts: 5, firstWaitSeconds: 30, maxWaitSeconds: 900 }),
    doors: z
      .object({
        /** A door that did not open is tried this many more times before staff are called. */
        retries: z.number().int().min(0).max(3).default(1),
        /** After the latch pulse, how long the door sensor has to see the door open. */
        openWithinMs: z.number().int().min(100).max(10_000).default(2000),
        /** An open door raises a staff alert after this long. */
        leftOpenSeconds: z.number().int().min(5).max(3600).default(60),
      })
      .strict()
      .default({ retries: 1, openWithinMs: 2000, leftOpenSeconds: 60 }),
  })
  .strict();
export type LockerStationConfig = z.infer<typeof LockerStationConfigSchema>;

interface StationSections {
  mode?: 'production' | 'development' | 'test';
  services?: readonly string[];
  devices?: readonly ({ id: string; kind: string; options?: unknown } | undefined)[];
  lockerStation?: LockerStationConfig;
  lockerStationGiven?: boolean;
}

/**
 * The rules between the section and the rest of the file: the pickup service needs a station, every compartment's
 * door is a door of a configured locker controller, and production never trusts the development key.
 */
export function lockerStationIssues(
  config: StationSections,
): { path: (string | number)[]; message: string }[] {
  const station = config.lockerStation;
  if (station === undefined)
    return config.services?.includes('locker-pickup') && !config.lockerStationGiven
      ? [{ path: ['lockerStation'], message: 'is required when the locker-pickup service is enabled' }]
      : [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [compartment, { device, door }] of Object.entries(station.compartments)) {
    const controller = config.devices?.find((d) => d?.id === device);
    // Not among the well-configured devices: its own problem is reported on the device, once.
    if (controller === undefined) continue;
    const doors = (controller.options as { doors?: Record<string, unknown> } | undefined)?.doors ?? {};
    if (controller.kind !== 'locker-controller' || !Object.hasOwn(doors, door))
      issues.push({
        path: ['lockerStation', 'compartments', compartment],
        message: `door ${door} is not a door of a locker controller "${device}"`,
      });
  }
  if (config.mode === 'production')
    for (const [issuer, key] of Object.entries(station.issuerKeys))
      if (key.trim() === developmentPickupKey)
        issues.push({
          path: ['lockerStation', 'issuerKeys', issuer],
          message: 'is the development key (config/dev): never trusted in production',
        });
  return issues;
}
