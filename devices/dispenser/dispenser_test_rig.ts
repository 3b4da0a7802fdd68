/** A driver over a byte-level simulated dispenser, with short timeouts, for the dispenser's tests. */
import type { DispenserState } from '../device_status.js';
import { DeviceConnection } from '../transport/device_connection.js';
import { CardDispenserDriver, type CardDispenserDriverOptions } from './card_dispenser_driver.js';
import { crt591Profile } from './profiles/crt591.js';
import type { DispenserProfile } from './profiles/dispenser_profile.js';
import {
  CardDispenserSimulator,
  type CardDispenserSimulatorOptions,
} from './simulator/card_dispenser_simulator.js';

export const testTimeouts: CardDispenserDriverOptions['timeouts'] = {
  ackMs: 30,
  statusMs: 150,
  initialiseMs: 300,
  dispenseMs: 400,
  retractMs: 400,
  takeMs: 200,
  writeMs: 100,
};

export function dispenserRig(
  simulator: Partial<CardDispenserSimulatorOptions> = {},
  profile: DispenserProfile = crt591Profile,
) {
  const device = new CardDispenserSimulator({ profile, cards: 20, ...simulator });
  const connection = new DeviceConnection(() => device.port.openTransport(), {
    initialMs: 5,
    maxMs: 20,
    factor: 2,
  });
  const driver = new CardDispenserDriver(connection, profile, {
    address: simulator.address ?? 0,
    retries: 2,
    pollIntervalMs: 40,
    takePollMs: 10,
    timeouts: testTimeouts,
  });
  const states: string[] = [];
  const label = (state: DispenserState) => (state.state === 'error' ? `error:${state.code}` : state.state);
  driver.onStatus((state) => states.push(label(state)));
  return { device, connection, driver, states, state: () => label(driver.status()) };
}
