import { type DeviceStatus, isUsable } from '../../devices/device_status.js';
import type { DeviceManagerReport } from '../../devices/manager/device_manager.js';
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
    case 'ready':
    case 'busy':
    case 'paper-low':
    case 'card-present':
      if (previous.state === 'disconnected') return 'device-connected';
      if (!isUsable(previous)) return 'device-recovered';
      return next.state === 'paper-low' ? 'device-paper-low' : 'device-state-changed';
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
