import { create } from 'zustand';
import type { DeviceStatus } from '../../electron/rpc/device_status.js';
import type { KioskSnapshot, KioskStatus, ServiceTile } from '../../electron/rpc/kiosk_contract.js';
import type { ConnectionState } from '../rpc/rpc_client.js';

interface KioskState {
  snapshot: Omit<KioskSnapshot, 'session' | 'status' | 'services' | 'devices'> | null;
  status: KioskStatus;
  services: ServiceTile[];
  devices: DeviceStatus[];
  /** Whether the main process can be reached; `refused` is a browser-mode page the host will not let in. */
  connection: ConnectionState;
  /** `connection === 'connected'`, for the screens that only ask that. */
  connected: boolean;
  applySnapshot(snapshot: KioskSnapshot): void;
  setStatus(status: KioskStatus): void;
  setServices(services: ServiceTile[]): void;
  setDevices(devices: DeviceStatus[]): void;
  setConnection(connection: ConnectionState): void;
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
  connection: 'disconnected',
  connected: false,
  applySnapshot: ({ session: _session, status, services, devices, ...rest }) =>
    set({ snapshot: rest, status, services, devices }),
  setStatus: (status) => set({ status }),
  setServices: (services) => set({ services }),
  setDevices: (devices) => set({ devices }),
  setConnection: (connection) => set({ connection, connected: connection === 'connected' }),
}));
