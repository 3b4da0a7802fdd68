import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../transport/device_connection.js';
import { LockerOptionsSchema } from './locker_config.js';
import { LockerDriver } from './locker_driver.js';
import { RelayBoardSimulator } from './simulator/relay_board_simulator.js';

function rig() {
  const board = new RelayBoardSimulator(undefined, new Map([[7, 3]]));
  const options = LockerOptionsSchema.parse({
    doors: { A1: { relay: 1, sensor: 1 }, B7: { relay: 7, sensor: 3 } },
    pulseMs: 30,
    sensorPollMs: 10,
    healthCheckMs: 100,
  });
  const driver = new LockerDriver(
    new DeviceConnection(() => board.port.openTransport(), { initialMs: 5, maxMs: 20, factor: 2 }),
    options,
  );
  return { board, driver };
}

describe('locker driver over a simulated USBRelay board', () => {
  let current: ReturnType<typeof rig>;
  afterEach(() => current.driver.stop());

  it('pulses the door relay for pulseMs, confirming on and off by read-back', async () => {
    current = rig();
    const { board, driver } = current;
    driver.start();
    const states: string[] = [];
    driver.onStatus((s) => states.push(s.state));
    const started = performance.now();
    const opening = driver.openDoor('B7');
    await new Promise((r) => setTimeout(r, 10));
    expect(board.isRelayOn(7)).toBe(true);
    expect(driver.status()).toEqual({ state: 'busy' });
    expect(await opening).toEqual({ ok: true });
    // The relay stayed on for the configured pulse (30 ms; timers may fire a hair early).
    expect(performance.now() - started).toBeGreaterThanOrEqual(28);
    expect(board.isRelayOn(7)).toBe(false);
    expect(board.isDoorOpen(3)).toBe(true);
    expect(board.log).toEqual(['on 7', 'off 7']);
    expect(states).toContain('busy');
    expect(driver.status()).toEqual({ state: 'ready' });
  });

  it('waits for the sensor: resolves once a person closes the door', async () => {
    current = rig();
    const { board, driver } = current;
    driver.start();
    await driver.openDoor('A1');
    const waiting = driver.waitClosed('A1', 1_000);
    setTimeout(() => board.closeDoor(1), 40);
    expect(await waiting).toEqual({ ok: true });
  });

  it('reports a relay that never switches, and one stuck on, instead of claiming success', async () => {
    current = rig();
    const { board, driver } = current;
    driver.start();
    board.jamRelay(1);
    expect(await driver.openDoor('A1')).toEqual({
      ok: false,
      error: { code: 'relay-not-confirmed', channel: 1 },
    });
    expect(board.isDoorOpen(1)).toBe(false);
    board.weldRelay(7);
    expect(await driver.openDoor('B7')).toEqual({ ok: false, error: { code: 'relay-stuck-on', channel: 7 } });
  });

  it('answers unknown-door for a door not in the map, without touching the board', async () => {
    current = rig();
    expect(await current.driver.openDoor('Z9')).toEqual({
      ok: false,
      error: { code: 'unknown-door', door: 'Z9' },
    });
    expect(current.board.log).toEqual([]);
  });

  it('notices an unplugged idle board through the health read, and returns disconnected for doors', async () => {
    current = rig();
    const { board, driver } = current;
    driver.start();
    await driver.checkNow();
    await new Promise((r) => setTimeout(r, 10));
    expect(driver.status()).toEqual({ state: 'ready' });
    board.unplug();
    await driver.checkNow();
    expect(driver.status()).toEqual({ state: 'disconnected' });
    expect(await driver.openDoor('A1')).toEqual({ ok: false, error: { code: 'disconnected' } });
    board.replug();
    await new Promise((r) => setTimeout(r, 60));
    expect(driver.status()).toEqual({ state: 'ready' });
    expect(await driver.openDoor('A1')).toEqual({ ok: true });
  });
});
