/**
 * Device-manager factories for document dispensers (kind 'document-dispenser'), simulated and over a serial port:
 *   registry.registerDriverFactory('document-dispenser', 'simulated', simulatedDispenserFactory);
 *   registry.registerDriverFactory('document-dispenser', 'serial', serialDispenserFactory);
 * Options (zod-checked, strict): `dispenser_config.ts`. The driver object is a `CardDispenser`.
 */

import { err, ok, type Result } from '../../lib/result.js';
import type { DriverContext, DriverFactoryResult } from '../manager/driver_registry.js';
import { managedConnectionDevice } from '../manager/managed_connection_device.js';
import type { CardDispenser } from './card_dispenser.js';
import { CardDispenserDriver, type CardDispenserDriverOptions } from './card_dispenser_driver.js';
import { type DispenserOptions, DispenserOptionsSchema, dispenserProfiles } from './dispenser_config.js';
import type { DispenserProfile } from './profiles/dispenser_profile.js';
import { CardDispenserSimulator } from './simulator/card_dispenser_simulator.js';
import { dispenserControls } from './simulator/dispenser_simulator_controls.js';

declare module '../manager/driver_registry.js' {
  interface DriverByKind {
    'document-dispenser': CardDispenser;
  }
}

/** A simulated dispenser starts with this many cards unless `options.simulatedCards` says otherwise. */
const DEFAULT_SIMULATED_CARDS = 50;
/** A simulated card takes this long to move, so a person sees `busy` in the dock. */
const SIMULATED_MOTION_MS = 300;

/** The checked options and their profile, or what is wrong with them. */
type Parsed = Result<{ options: DispenserOptions; profile: DispenserProfile }, string>;

function parse(raw: Record<string, unknown>): Parsed {
  const parsed = DispenserOptionsSchema.safeParse(raw);
  if (!parsed.success)
    return err(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const profile = dispenserProfiles[parsed.data.profile];
  if (profile === undefined) return err(`no profile ${parsed.data.profile}`);
  return ok({ options: parsed.data, profile });
}

function driverOptions(options: DispenserOptions, profile: DispenserProfile): CardDispenserDriverOptions {
  return {
    address: options.address,
    retries: options.retries,
    pollIntervalMs: options.pollIntervalMs,
    takePollMs: Math.min(200, options.pollIntervalMs),
    timeouts: {
      ...options.timeouts,
      ackMs: options.timeouts.ackMs ?? profile.handshake.ackTimeoutMs,
      writeMs: 1_000,
    },
  };
}

export function simulatedDispenserFactory(context: DriverContext): DriverFactoryResult<'document-dispenser'> {
  const parsed = parse(context.config.options);
  if (!parsed.ok) return err({ code: 'bad-options', detail: parsed.error });
  const simulator = new CardDispenserSimulator({
    profile: parsed.value.profile,
    address: parsed.value.options.address,
    cards: parsed.value.options.simulatedCards ?? DEFAULT_SIMULATED_CARDS,
    latency: context.simulatorLatency,
    motionMs: SIMULATED_MOTION_MS,
  });
  const controls = dispenserControls(context.config.id, simulator);
  return ok(
    managedConnectionDevice(
      () => simulator.port.openTransport(),
      context,
      (connection) =>
        new CardDispenserDriver(
          connection,
          parsed.value.profile,
          driverOptions(parsed.value.options, parsed.value.profile),
        ),
      () => controls,
    ),
  );
}

export function serialDispenserFactory(context: DriverContext): DriverFactoryResult<'document-dispenser'> {
  const parsed = parse(context.config.options);
  if (!parsed.ok) return err({ code: 'bad-options', detail: parsed.error });
  const { options, profile } = parsed.value;
  const { vendorId, productId } = context.config;
  if (options.path === undefined && (vendorId === undefined || productId === undefined)) {
    return err({
      code: 'missing-port',
      detail: 'a serial dispenser needs options.path or vendorId and productId',
    });
  }
  const open = () =>
    context.hardware.openSerial({
      path: options.path,
      vendorId,
      productId,
      serialNumber: options.serialNumber,
      baudRate: options.baudRate ?? profile.defaultBaudRate,
    });
  return ok(
    managedConnectionDevice(
      open,
      context,
      (connection) => new CardDispenserDriver(connection, profile, driverOptions(options, profile)),
    ),
  );
}
