import { describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../devices/device_config.js';
import type { DeviceStatus } from '../../devices/device_status.js';
import type { EventName } from '../rpc/contract.js';
import { EventBus } from '../rpc/event_bus.js';
import { KioskStatusService } from './kiosk_status_service.js';

const devices: DeviceConfig[] = [
  { id: 'scanner', kind: 'barcode-scanner', transport: 'simulated', required: true, options: {} },
  { id: 'ticket', kind: 'ticket-printer', transport: 'simulated', required: true, options: {} },
  { id: 'lockers', kind: 'locker-controller', transport: 'simulated', required: false, options: {} },
];
const ready: DeviceStatus[] = [
  { kind: 'barcode-scanner', id: 'scanner', status: { state: 'ready' } },
  { kind: 'ticket-printer', id: 'ticket', status: { state: 'ready' } },
  { kind: 'locker-controller', id: 'lockers', status: { state: 'ready' } },
];

function setup() {
  const bus = new EventBus();
  const events: EventName[] = [];
  bus.subscribe((event) => events.push(event));
  const service = new KioskStatusService({ devices, services: ['check-in', 'locker-pickup'] }, bus);
  return { service, events };
}

describe('KioskStatusService', () => {
  it('is out of service until every required device is usable', () => {
    const { service } = setup();
    expect(service.status).toMatchObject({ mode: 'out-of-service' });
    service.setDeviceStatuses(ready);
    expect(service.status).toEqual({ mode: 'in-service' });
  });

  it('names each unusable required device, and ignores optional ones', () => {
    const { service } = setup();
    service.setDeviceStatuses([
      ready[0]!,
      { kind: 'ticket-printer', id: 'ticket', status: { state: 'no-paper' } },
      { kind: 'locker-controller', id: 'lockers', status: { state: 'disconnected' } },
    ]);
    expect(service.status).toEqual({
      mode: 'out-of-service',
      reasons: [{ kind: 'device-unavailable', deviceId: 'ticket', deviceKind: 'ticket-printer' }],
    });
  });

  it('keeps serving while a printer runs low on paper', () => {
    const { service } = setup();
    service.setDeviceStatuses([
      ready[0]!,
      { kind: 'ticket-printer', id: 'ticket', status: { state: 'paper-low' } },
    ]);
    expect(service.status).toEqual({ mode: 'in-service' });
  });

  it('disables exactly the services whose devices are unusable', () => {
    const { service } = setup();
    service.setDeviceStatuses([
      ready[0]!,
      ready[1]!,
      { ...ready[2]!, status: { state: 'disconnected' } },
    ] as DeviceStatus[]);
    expect(service.services.map((s) => [s.id, s.available])).toEqual([
      ['check-in', true],
      ['locker-pickup', false],
    ]);
  });

  it('marks the services that need the government systems while they do not answer, and stays in service', () => {
    const { service, events } = setup();
    service.setDeviceStatuses([ready[0]!, ready[1]!, { ...ready[2]!, status: { state: 'disconnected' } }]);
    events.length = 0;
    service.setBackendReachable(false);
    expect(service.status).toEqual({ mode: 'in-service' });
    // A device fault is named before the backend: repairing the backend alone would not bring that tile back.
    expect(service.services.map((s) => [s.id, s.available, s.unavailableBecause])).toEqual([
      ['check-in', false, 'backend'],
      ['locker-pickup', false, 'devices'],
    ]);
    service.setBackendReachable(false);
    service.setBackendReachable(true);
    expect(service.services.map((s) => [s.id, s.available, s.unavailableBecause])).toEqual([
      ['check-in', true, undefined],
      ['locker-pickup', false, 'devices'],
    ]);
    expect(events).toEqual(['kiosk.servicesChanged', 'kiosk.servicesChanged']);
  });

  it('goes out of service for maintenance and back, publishing each change once', () => {
    const { service, events } = setup();
    service.setDeviceStatuses(ready);
    events.length = 0;
    service.setMaintenance(true);
    service.setMaintenance(true);
    expect(service.status).toEqual({ mode: 'out-of-service', reasons: [{ kind: 'maintenance' }] });
    service.setMaintenance(false);
    expect(events).toEqual(['kiosk.statusChanged', 'kiosk.statusChanged']);
  });
});
