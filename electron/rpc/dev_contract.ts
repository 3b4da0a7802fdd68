import { z } from 'zod';
import { DeviceKindSchema } from '../../devices/device_status.js';
import { MAX_SIMULATED_CARDS } from '../../devices/dispenser/index.js';
import { keypadKeys } from '../../devices/keypad/index.js';
import { paperLevels } from '../../devices/simulator/index.js';
import { MAX_SIMULATED_SLOT_STOCK } from '../../devices/vending/index.js';
import { templateIds } from '../printed/template_ids.js';
import { KioskStatusSchema } from './kiosk_contract.js';
import { actionOutcomeSchema, type DomainMethods, noParams } from './method_spec.js';

/** Methods only the dev dock may call: the router refuses them in production. */
export const devMethodPrefix = 'dev.';

/**
 * What the dev dock can do to a simulated device (development and test modes only). Each action is what a person
 * at the kiosk would do: pull a cable, scan a code, take the paper out, open a cover, close a locker door, place a
 * document on the reader, load cards into a dispenser, take the card at its gate, jam it, press a key of the
 * tactile keypad, load or jam a vending unit's spiral, make its drop sensor miss an item.
 */
export const SimulatorActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('unplug'), deviceId: z.string() }).strict(),
  z.object({ action: z.literal('replug'), deviceId: z.string() }).strict(),
  z
    .object({
      action: z.literal('scan'),
      deviceId: z.string(),
      text: z.string().min(1).max(2000),
      symbology: z.enum(['qr', 'code128', 'ean13', 'pdf417', 'datamatrix']).default('qr'),
    })
    .strict(),
  z.object({ action: z.literal('paper'), deviceId: z.string(), paper: z.enum(paperLevels) }).strict(),
  z.object({ action: z.literal('cover'), deviceId: z.string(), open: z.boolean() }).strict(),
  z.object({ action: z.literal('door'), deviceId: z.string(), door: z.string(), open: z.boolean() }).strict(),
  /** A door's latch relay stops switching (`jam: true`: no read-back, the door stays shut), or works again. */
  z
    .object({ action: z.literal('door-jam'), deviceId: z.string(), door: z.string(), jam: z.boolean() })
    .strict(),
  z
    .object({
      action: z.literal('document'),
      deviceId: z.string(),
      /** A sample document from the simulator's set, or `null` to take the document away. */
      sample: z.string().max(64).nullable(),
    })
    .strict(),
  /** The resident will take the document away in the middle of the next chip read (an eMRTD reader). */
  z.object({ action: z.literal('pull-mid-read'), deviceId: z.string() }).strict(),
  /** Staff fill a dispenser's stacker with `count` cards. */
  z
    .object({
      action: z.literal('cards'),
      deviceId: z.string(),
      count: z.number().int().min(0).max(MAX_SIMULATED_CARDS),
    })
    .strict(),
  /** The resident takes the card waiting at a dispenser's gate. */
  z.object({ action: z.literal('take-card'), deviceId: z.string() }).strict(),
  /** The next card jams in a dispenser (`jam: true`), or staff clear the jam. */
  z.object({ action: z.literal('jam'), deviceId: z.string(), jam: z.boolean() }).strict(),
  /** A resident presses one key of a tactile keypad. */
  z.object({ action: z.literal('key'), deviceId: z.string(), key: z.enum(keypadKeys) }).strict(),
  /** Staff put `count` items in a vending unit's spiral (what is physically there). */
  z
    .object({
      action: z.literal('slot-stock'),
      deviceId: z.string(),
      slot: z.string().regex(/^[A-F][1-8]$/),
      count: z.number().int().min(0).max(MAX_SIMULATED_SLOT_STOCK),
    })
    .strict(),
  /** A vending slot's items catch on the spiral (`jam: true`), or fall again. */
  z
    .object({
      action: z.literal('slot-jam'),
      deviceId: z.string(),
      slot: z.string().regex(/^[A-F][1-8]$/),
      jam: z.boolean(),
    })
    .strict(),
  /** The vending unit's drop sensor misses the next item that falls. */
  z.object({ action: z.literal('miss-drop'), deviceId: z.string() }).strict(),
]);
export type SimulatorAction = z.infer<typeof SimulatorActionSchema>;

export const SimulatorActionResultSchema = actionOutcomeSchema();
export type SimulatorActionResult = z.infer<typeof SimulatorActionResultSchema>;

/** One simulated device as the dock lists it, with what can be done to it. */
export const SimulatedDeviceSchema = z.object({
  deviceId: z.string(),
  kind: DeviceKindSchema,
  plugged: z.boolean(),
  doors: z.array(z.object({ door: z.string(), open: z.boolean() })).optional(),
  samples: z.array(z.string()).optional(),
  dispenser: z
    .object({
      cards: z.number().int(),
      cardAtGate: z.boolean(),
      rejectBin: z.number().int(),
      jam: z.enum(['none', 'next-card', 'jammed']),
    })
    .optional(),
  /** The keys a simulated tactile keypad has. */
  keys: z.array(z.enum(keypadKeys)).optional(),
  /** A simulated vending unit: each spiral's items and jam, and the drops the sensor will still miss. */
  vending: z
    .object({
      slots: z.array(z.object({ slot: z.string(), stock: z.number().int(), jammed: z.boolean() })),
      missingDrops: z.number().int(),
    })
    .optional(),
});
export type SimulatedDevice = z.infer<typeof SimulatedDeviceSchema>;

export const PrintSampleResultSchema = actionOutcomeSchema({ jobId: z.number().int() });

/** The dev dock (development and test modes only). */
export const devMethods = {
  'dev.setMaintenance': { params: z.object({ on: z.boolean() }).strict(), result: KioskStatusSchema },
  'dev.simulators': { params: noParams, result: z.array(SimulatedDeviceSchema) },
  'dev.simulate': { params: SimulatorActionSchema, result: SimulatorActionResultSchema },
  /**
   * Prints a sample document for the running session (until the resident flows print real ones).
   * `unprintableName` puts a character no font has into the name, to show the no-tofu rule at work.
   */
  'dev.printSample': {
    params: z.object({ template: z.enum(templateIds), unprintableName: z.boolean().default(false) }).strict(),
    result: PrintSampleResultSchema,
  },
} as const satisfies DomainMethods<'dev'>;
