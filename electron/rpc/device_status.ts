/**
 * The device states the renderer shows, as types only: the schemas stay in `devices/device_status.ts` (the main
 * process validates with them), and the renderer, which may import nothing outside `electron/rpc/`, takes the
 * types from here. Type-only re-exports: nothing of zod reaches the renderer bundle.
 */
export type {
  DeviceKind,
  DeviceStatus,
  DispenserState,
  LockerState,
  PrinterState,
  ReaderState,
  ScannerState,
} from '../../devices/device_status.js';
export type { PrinterKind } from '../../devices/printer/index.js';
