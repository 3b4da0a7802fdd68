import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../transport/device_connection.js';
import { VendingUnitSimulator } from './simulator/vending_unit_simulator.js';
import { VendingOptionsSchema } from './vending_config.js';
import { VendingDriver } from './vending_driver.js';

function rig() {
  const options = VendingOptionsSchema.parse({ turnMs: 20, dropWindowMs: 10, pollMs: 5 });
  const unit = new VendingUnitSimulator(options);
  const driver = new VendingDriver(
    new DeviceConnection(() => unit.port.openTransport(), { initialMs: 5, maxMs: 20, factor: 2 }),
    options,
  );
  driver.start();
  return { unit, driver };
}

describe('vending driver over a simulated relay matrix with a drop sensor', () => {
  let current: ReturnType<typeof rig>;
  afterEach(() => current.driver.stop());

  it('turns the slot’s spiral once and sees the item drop', async () => {
    current = rig();
    const { unit, driver } = current;
    unit.setStock('B3', 2);
    expect(await driver.vend('B3')).toEqual({ ok: true, value: { dropped: true, turns: 1 } });
    expect(unit.turns).toEqual(['B3']);
    expect(unit.delivered).toEqual(['B3']);
    expect(unit.stockOf('B3')).toBe(1);
  });

  it('turns a jammed slot twice, then reports no drop (nothing left the machine)', async () => {
    current = rig();
    const { unit, driver } = current;
    unit.setStock('A1', 3);
    unit.jam('A1');
    expect(await driver.vend('A1')).toEqual({ ok: true, value: { dropped: false, turns: 2 } });
    expect(unit.turns).toEqual(['A1', 'A1']);
    expect(unit.delivered).toEqual([]);
  });

  it('an empty slot is no drop after two turns; a missed sensor reading is no drop though the item fell', async () => {
    current = rig();
    const { unit, driver } = current;
    expect(await driver.vend('C2')).toEqual({ ok: true, value: { dropped: false, turns: 2 } });
    unit.setStock('D1', 1);
    unit.missNextDrop();
    expect(await driver.vend('D1')).toEqual({ ok: true, value: { dropped: false, turns: 2 } });
    expect(unit.delivered).toEqual(['D1']);
  });

  it('refuses a slot the unit does not have, and reports an unplugged board as disconnected', async () => {
    current = rig();
    const { unit, driver } = current;
    expect(await driver.vend('F8')).toEqual({ ok: false, error: { code: 'unknown-slot', slot: 'F8' } });
    unit.setStock('A2', 1);
    unit.unplug();
    expect(await driver.vend('A2')).toEqual({ ok: false, error: { code: 'disconnected' } });
    expect(unit.delivered).toEqual([]);
  });

  it('never leaves another slot’s motor turning: only the asked slot’s row and column are switched', async () => {
    current = rig();
    const { unit, driver } = current;
    unit.setStock('A1', 1);
    unit.setStock('A2', 1);
    unit.setStock('B1', 1);
    await driver.vend('A2');
    expect(unit.turns).toEqual(['A2']);
    expect(unit.stockOf('A1')).toBe(1);
    expect(unit.stockOf('B1')).toBe(1);
  });
});
