import { afterEach, describe, expect, it } from 'vitest';
import { LockerOptionsSchema } from '../../devices/locker/locker_config.js';
import { LockerDriver } from '../../devices/locker/locker_driver.js';
import { RelayBoardSimulator } from '../../devices/locker/simulator/relay_board_simulator.js';
import { DeviceConnection } from '../../devices/transport/device_connection.js';

/** Fault: a resident takes the parcel and walks away without shutting the door. */
describe('locker door that is never closed', () => {
  const board = new RelayBoardSimulator();
  const options = LockerOptionsSchema.parse({
    doors: { A1: { relay: 1, sensor: 1 }, A2: { relay: 2, sensor: 2 } },
    pulseMs: 20,
    sensorPollMs: 10,
  });
  const driver = new LockerDriver(
    new DeviceConnection(() => board.port.openTransport(), { initialMs: 10, maxMs: 40, factor: 2 }),
    options,
  );
  afterEach(async () => driver.stop());

  it('times out waitClosed, leaves the relay off and the locker usable', async () => {
    driver.start();
    expect(await driver.openDoor('A1')).toEqual({ ok: true });
    expect(board.isDoorOpen(1)).toBe(true);
    expect(board.log).toEqual(['on 1', 'off 1']);

    const started = performance.now();
    const result = await driver.waitClosed('A1', 150);
    const waited = performance.now() - started;
    expect(result).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1_000);
    expect(board.isRelayOn(1)).toBe(false);
    expect(driver.status()).toEqual({ state: 'ready' });

    // Another door still works while A1 stands open.
    expect(await driver.openDoor('A2')).toEqual({ ok: true });
    // And once someone shuts A1, waiting again succeeds.
    board.closeDoor(1);
    expect(await driver.waitClosed('A1', 150)).toEqual({ ok: true });
  });
});
