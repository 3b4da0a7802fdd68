import { afterEach, expect, it } from 'vitest';
import { PtyAdapter, ptyAvailable } from '../../test/fixtures/serial/pty_adapter.js';
import { DeviceConnection } from '../transport/device_connection.js';
import { openSerialTransport } from '../transport/node_serial_transport.js';
import { CardDispenserDriver } from './card_dispenser_driver.js';
import { testTimeouts } from './dispenser_test_rig.js';
import { crt591Profile } from './profiles/crt591.js';
import { CardDispenserSimulator } from './simulator/card_dispenser_simulator.js';

/**
 * The whole kiosk side as it runs on a kiosk — driver, link, and the real `serialport` module on a tty — with the
 * simulated CRT-591 behind a pseudo-terminal instead of a USB–serial adapter.
 */
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

it.skipIf(!ptyAvailable)('dispenses and retracts a card through serialport on a tty', async () => {
  const adapter = await PtyAdapter.open();
  const device = new CardDispenserSimulator({ profile: crt591Profile, cards: 5 });
  const deviceSide = await device.port.openTransport();
  if (!deviceSide.ok) throw new Error('simulator closed');
  adapter.onHostBytes((bytes) => device.port.behaviour.onHostBytes(bytes));
  let relaying = true;
  const relay = (async () => {
    while (relaying) {
      const out = await deviceSide.value.read(50);
      if (out.ok) adapter.sendToHost(out.value);
    }
  })();
  const connection = new DeviceConnection(() => openSerialTransport({ path: adapter.path, baudRate: 9600 }));
  const driver = new CardDispenserDriver(connection, crt591Profile, {
    address: 0,
    retries: 2,
    pollIntervalMs: 1_000,
    takePollMs: 20,
    // A pseudo-terminal and a relay process answer slower than a simulator in memory; keep the profile's ACK time.
    timeouts: {
      ...testTimeouts,
      ackMs: 300,
      statusMs: 1_000,
      initialiseMs: 2_000,
      dispenseMs: 2_000,
      retractMs: 2_000,
      // A write to a pty goes through the relay process: on two loaded cores it has taken longer than the 100 ms of
      // the in-memory rig (a first dispense answered `disconnected`). A real adapter's write time is the profile's.
      writeMs: 2_000,
    },
  });
  stop = async () => {
    relaying = false;
    await driver.stop();
    await relay;
    await adapter.pullOut();
  };

  expect(await driver.dispense()).toEqual({ ok: true, value: { stacker: 1 } });
  expect(device.cardAtGate).toBe(true);
  expect(await driver.waitTaken(100)).toEqual({ ok: false, error: { code: 'not-taken' } });
  expect(await driver.retract()).toEqual({ ok: true, value: 'retracted' });
  expect([device.cards, device.rejectBin]).toEqual([4, 1]);
  expect(driver.status()).toEqual({ state: 'low' });

  await adapter.pullOut();
  expect(await driver.refreshStatus()).toEqual({ ok: false, error: { code: 'disconnected' } });
  // A write blocked on the vanished pty ends with the unplug, not with its deadline: the state says why.
  expect(driver.status()).toEqual({ state: 'disconnected' });
});
