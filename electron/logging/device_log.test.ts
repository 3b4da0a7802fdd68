import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test/support/recording_logger.js';
import { deviceStatusEvent, logDeviceReports } from './device_log.js';

describe('device reports in the log', () => {
  it('names each status change by what it means for the kiosk', () => {
    const cases: [string, string, string][] = [
      ['ready', 'disconnected', 'device-disconnected'],
      ['disconnected', 'ready', 'device-connected'],
      ['ready', 'no-paper', 'device-paper-out'],
      ['no-paper', 'ready', 'device-recovered'],
      ['ready', 'cover-open', 'device-cover-open'],
      ['cover-open', 'paper-low', 'device-recovered'],
      ['ready', 'paper-low', 'device-paper-low'],
      ['ready', 'busy', 'device-state-changed'],
      ['busy', 'ready', 'device-state-changed'],
      ['disconnected', 'card-present', 'device-connected'],
    ];
    for (const [from, to, event] of cases) {
      expect(deviceStatusEvent({ state: from } as never, { state: to } as never), `${from} → ${to}`).toBe(
        event,
      );
    }
    expect(deviceStatusEvent({ state: 'ready' }, { state: 'error', code: 'jam' })).toBe('device-error');
    expect(deviceStatusEvent({ state: 'error', code: 'jam' }, { state: 'ready' })).toBe('device-recovered');
  });

  it('logs an error code and a contained fault with the device and where it happened', () => {
    const logger = recordingLogger();
    const report = logDeviceReports(logger);
    report({
      type: 'status-changed',
      device: { kind: 'ticket-printer', id: 'tp', status: { state: 'error', code: 'cutter-jam' } },
      previous: { state: 'ready' },
    });
    const error = new Error('listener bug');
    report({ type: 'fault-contained', during: 'status-listener', deviceId: 'tp', error });
    expect(logger.lines).toEqual([
      {
        event: 'device-error',
        fields: { deviceId: 'tp', kind: 'ticket-printer', from: 'ready', to: 'error', code: 'cutter-jam' },
      },
      { event: 'device-fault-contained', fields: { during: 'status-listener', deviceId: 'tp', err: error } },
    ]);
  });
});
