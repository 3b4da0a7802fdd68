import { type DeviceStatus, isUsable } from '../../devices/device_status.js';
import type { DeviceManagerReport } from '../../devices/manager/index.js';
import type { KioskLogger } from './kiosk_logger.js';
import type { LogEventId } from './log_events.js';

type DeviceState = DeviceStatus['status'];

/**
 * Which catalogue event a device's status change is: the fault it entered (disconnected, paper out, cover open,
 * error), its return (connected again, recovered), or a routine move between working states (debug level).
 */
export function deviceStatusEvent(previous: DeviceState, next: DeviceState): LogEventId {
  switch (next.state) {
    case 'disconnected':
      return 'device-disconnected';
    case 'error':
      return 'device-error';
    case 'no-paper':
      return 'device-paper-out';
    case 'cover-open':
      return 'device-cover-open';
    case 'jam':
      return 'device-dispenser-jam';
    case 'empty':
      return 'device-dispenser-empty';
    case 'ready':
    case 'busy':
    case 'paper-low':
    case 'low':
    case 'card-present':
    case 'card-at-gate':
      if (previous.state === 'disconnected') return 'device-connected';
      if (!isUsable(previous)) return 'device-recovered';
      if (next.state === 'paper-low') return 'device-paper-low';
      return next.state === 'low' ? 'device-dispenser-low' : 'device-state-changed';
    default: {
      const unreachable: never = next;
      return unreachable;
    }
  }
}

/** The device manager's reporter, connected to the kiosk's log (devices/ cannot import the logger itself). */
export function logDeviceReports(logger: KioskLogger): (report: DeviceManagerReport) => void {
  return (report) => {
    switch (report.type) {
      case 'status-changed': {
        const { device, previous } = report;
        logger.log(deviceStatusEvent(previous, device.status), {
          deviceId: device.id,
          kind: device.kind,
          from: previous.state,
          to: device.status.state,
          ...(device.status.state === 'error' ? { code: device.status.code } : {}),
        });
        return;
      }
      case 'fault-contained':
        logger.log('device-fault-contained', {
          during: report.during,
          deviceId: report.deviceId,
          err: report.error,
        });
        return;
      default: {
        const unreachable: never = report;
        return unreachable;
      }
    }
  };
}
