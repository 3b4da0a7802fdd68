/**
 * What a device says of its supplies, for the Devices tool — only what its driver really reads, never a guess:
 *
 * - ticket printer (ESC/POS real-time status): the roll's near-end and end sensors → paper-roll ok / near-end / out;
 * - A4 printer: paper low or out (IPP media-low / media-empty, or the IEEE 1284 paper-empty line) and, on the CUPS
 *   route, toner and ink as the printer passes them on (marker-levels); a printer that passes none is said to;
 * - card dispenser: the stacker's level sensor (ok / low / empty) and the reject bin's (ok / full);
 * - scanners, readers, lockers, keypads: no supplies.
 *
 * A device that reads its supplies but is not answering now (disconnected, a fault, busy mid-job) has no reading
 * now: `unknown-now`, not the last one dressed as current.
 */
import type { DeviceKind, DeviceStatus } from '../../devices/device_status.js';
import type { DispenserCounts } from '../../devices/dispenser/index.js';
import type { MarkerLevel } from '../../devices/printer/index.js';

export type SupplyReading =
  | { supply: 'paper-roll'; level: 'ok' | 'near-end' | 'out' }
  | { supply: 'paper'; level: 'no-warning' | 'low' | 'out' }
  | { supply: 'marker'; name: string; markerType: string; percent: number | null }
  | { supply: 'markers-not-reported' }
  | { supply: 'card-stacker'; level: 'ok' | 'low' | 'empty' }
  | { supply: 'reject-bin'; level: 'ok' | 'full' };

export type DeviceSupplies =
  | { kind: 'reported'; readings: SupplyReading[] }
  | { kind: 'unknown-now' }
  | { kind: 'none' };

export interface SupplySources {
  /** The A4 printer's markers through CUPS; undefined on the USB route or before the spooler answered. */
  markers?: readonly MarkerLevel[] | undefined;
  /** The card dispenser's last sensor reading. */
  dispenser?: Pick<DispenserCounts, 'stacker' | 'rejectBin'>;
}

/** Paper as a printer's state tells it; undefined when the state says nothing of paper (busy, a fault, gone). */
function paperOf(state: DeviceStatus['status']['state']): 'ok' | 'low' | 'out' | undefined {
  switch (state) {
    case 'ready':
      return 'ok';
    case 'paper-low':
      return 'low';
    case 'no-paper':
      return 'out';
    default:
      return undefined;
  }
}

export function suppliesOf(
  kind: DeviceKind,
  status: DeviceStatus['status'],
  sources: SupplySources = {},
): DeviceSupplies {
  switch (kind) {
    case 'ticket-printer': {
      const paper = paperOf(status.state);
      if (paper === undefined) return { kind: 'unknown-now' };
      const level = paper === 'low' ? 'near-end' : paper;
      return { kind: 'reported', readings: [{ supply: 'paper-roll', level }] };
    }
    case 'document-printer': {
      const paper = paperOf(status.state);
      if (paper === undefined) return { kind: 'unknown-now' };
      const markers: SupplyReading[] =
        sources.markers === undefined || sources.markers.length === 0
          ? [{ supply: 'markers-not-reported' }]
          : sources.markers.map((m) => ({
              supply: 'marker',
              name: m.name,
              markerType: m.type,
              percent: m.percent,
            }));
      return {
        kind: 'reported',
        readings: [{ supply: 'paper', level: paper === 'ok' ? 'no-warning' : paper }, ...markers],
      };
    }
    case 'document-dispenser': {
      const { stacker, rejectBin } = sources.dispenser ?? { stacker: 'not-read', rejectBin: 'not-read' };
      const readings: SupplyReading[] = [];
      if (stacker === 'ok' || stacker === 'low' || stacker === 'empty')
        readings.push({ supply: 'card-stacker', level: stacker });
      if (rejectBin === 'ok' || rejectBin === 'full')
        readings.push({ supply: 'reject-bin', level: rejectBin });
      return readings.length === 0 || status.state === 'disconnected'
        ? { kind: 'unknown-now' }
        : { kind: 'reported', readings };
    }
    case 'barcode-scanner':
    case 'document-reader':
    case 'id-card-reader':
    case 'locker-controller':
    case 'tactile-keypad':
    case 'vending-unit':
      return { kind: 'none' };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
