import { create } from 'zustand';
import type { DeviceStatus } from '../../electron/rpc/device_status.js';
import type { KioskSnapshot, KioskStatus, ServiceTile } from '../../electron/rpc/kiosk_contract.js';

interface KioskState {
  snapshot: Omit<KioskSnapshot, 'session' | 'status' | 'services' | 'devices'> | null;
  status: KioskStatus;
  services: ServiceTile[];
  devices: DeviceStatus[];
  /** False while the main process cannot be reached (browser-mode host restarting). */
  connected: boolean;
  applySnapshot(snapshot: KioskSnapshot): void;
  setStatus(status: KioskStatus): void;
  setServices(services: ServiceTile[]): void;
  setDevices(devices: DeviceStatus[]): void;
  setConnected(connected: boolean): void;
}

/**
 * What the terminal is and whether it can serve: pushed by the main process, never polled. Not a resident store:
 * nothing here belongs to a resident, and it outlives every session.
 */
export const useKioskStore = create<KioskState>((set) => ({
  snapshot: null,
  status: { mode: 'in-service' },
  services: [],
  devices: [],
  connected: false,
  applySnapshot: ({ session: _session, status, services, devices, ...rest }) =>
    set({ snapshot: rest, status, services, devices }),
  setStatus: (status) => set({ status }),
  setServices: (services) => set({ services }),
  setDevices: (devices) => set({ devices }),
  setConnected: (connected) => set({ connected }),
}));
