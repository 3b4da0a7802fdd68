import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import { ManagerDeviceHub } from './manager_device_hub.js';

const configs = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated' },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated' },
  { id: 'a4', kind: 'document-printer', transport: 'simulated' },
  { id: 'reader', kind: 'document-reader', transport: 'simulated' },
  { id: 'permit-reader', kind: 'id-card-reader', transport: 'simulated' },
  {
    id: 'lockers',
    kind: 'locker-controller',
    transport: 'simulated',
    options: { doors: { A1: { relay: 1, sensor: 1 } } },
  },
].map((config) => DeviceConfigSchema.parse(config));

/**
 * The dev dock's actions through the hub, reaching each simulated device through its kind's typed controls: what a
 * person does at the kiosk shows up as the device's status, and an action a device does not have is refused.
 */
describe('ManagerDeviceHub dev dock', () => {
  let hub: ManagerDeviceHub;
  const state = (id: string) => hub.statuses().find((s: DeviceStatus) => s.id === id)?.status.state;

  beforeEach(async () => {
    hub = new ManagerDeviceHub(configs);
    await hub.start();
    await expect
      .poll(() => hub.statuses().every((s) => s.status.state === 'ready'), { timeout: 5000 })
      .toBe(true);
  });
  afterEach(() => hub.close());

  it('lists every simulated device with what can be done to it', () => {
    expect(hub.simulators()).toEqual([
      { deviceId: 'scanner', kind: 'barcode-scanner', plugged: true },
      { deviceId: 'ticket', kind: 'ticket-printer', plugged: true },
      { deviceId: 'a4', kind: 'document-printer', plugged: true },
      {
        deviceId: 'reader',
        kind: 'document-reader',
        plugged: true,
        samples: ['passport-td3', 'id-card-td1', 'passport-macao', 'passport-forged'],
      },
      { deviceId: 'permit-reader', kind: 'id-card-reader', plugged: true, samples: ['residence-permit'] },
      { deviceId: 'lockers', kind: 'locker-controller', plugged: true, doors: [{ door: 'A1', open: false }] },
    ]);
  });

  it('takes the paper out of either printer and puts it back', async () => {
    expect(await hub.simulate({ action: 'paper', deviceId: 'ticket', paper: 'out' })).toEqual({ ok: true });
    expect(await hub.simulate({ action: 'paper', deviceId: 'a4', paper: 'out' })).toEqual({ ok: true });
    await expect
      .poll(() => [state('ticket'), state('a4')], { timeout: 5000 })
      .toEqual(['no-paper', 'no-paper']);
    await hub.simulate({ action: 'paper', deviceId: 'ticket', paper: 'loaded' });
    await hub.simulate({ action: 'cover', deviceId: 'a4', open: true });
    await hub.simulate({ action: 'paper', deviceId: 'a4', paper: 'loaded' });
    await expect
      .poll(() => [state('ticket'), state('a4')], { timeout: 5000 })
      .toEqual(['ready', 'cover-open']);
  });

  it('places a sample document on either reader and takes it away', async () => {
    expect(await hub.simulate({ action: 'document', deviceId: 'reader', sample: 'passport-td3' })).toEqual({
      ok: true,
    });
    expect(
      await hub.simulate({ action: 'document', deviceId: 'permit-reader', sample: 'residence-permit' }),
    ).toEqual({ ok: true });
    await expect
      .poll(() => [state('reader'), state('permit-reader')], { timeout: 5000 })
      .toEqual(['card-present', 'card-present']);
    await hub.simulate({ action: 'document', deviceId: 'reader', sample: null });
    await hub.simulate({ action: 'document', deviceId: 'permit-reader', sample: null });
    await expect
      .poll(() => [state('reader'), state('permit-reader')], { timeout: 5000 })
      .toEqual(['ready', 'ready']);
  });

  it('refuses, as a value, what a device does not have or a sample it does not know', async () => {
    const refusals = await Promise.all([
      hub.simulate({ action: 'scan', deviceId: 'ticket', text: 'X', symbology: 'qr' }),
      hub.simulate({ action: 'paper', deviceId: 'scanner', paper: 'out' }),
      hub.simulate({ action: 'cover', deviceId: 'reader', open: true }),
      hub.simulate({ action: 'document', deviceId: 'a4', sample: 'passport-td3' }),
      hub.simulate({ action: 'door', deviceId: 'reader', door: 'A1', open: true }),
      hub.simulate({ action: 'document', deviceId: 'reader', sample: 'residence-permit' }),
      hub.simulate({ action: 'document', deviceId: 'permit-reader', sample: '../../etc/passwd' }),
      hub.simulate({ action: 'unplug', deviceId: 'no-such-device' }),
    ]);
    expect(refusals.map((r) => r.ok)).toEqual(Array(refusals.length).fill(false));
    expect(hub.statuses().map((s) => s.status.state)).toEqual(Array(configs.length).fill('ready'));
  });
});
