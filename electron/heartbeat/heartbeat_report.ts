/**
 * The terminal's state as a heartbeat report (electron/backend/contract/heartbeat.ts): who and where, its mode
 * (in service, maintenance, or out of service with the reasons), every device's state, the paper printed since
 * each refill, the print jobs waiting for staff, the software's version and how long it has run. No personal data:
 * ids, states and counters only.
 */

import { macauIso } from '../../lib/macau_time.js';
import type { HeartbeatReport } from '../backend/contract/heartbeat.js';
import type { KioskConfig } from '../config/config_schema.js';
import type { KioskStatus } from '../rpc/kiosk_contract.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskPrintService } from '../services/print_service.js';
import { appVersion } from '../startup/app_version.js';

export interface HeartbeatSources {
  config: Pick<KioskConfig, 'terminal' | 'site'>;
  status: () => KioskStatus;
  devices: Pick<DeviceHub, 'statuses'>;
  printing: Pick<KioskPrintService, 'counters' | 'staffJobs'>;
  startedAt: number;
  now: () => number;
}

function modeOf(status: KioskStatus): HeartbeatReport['mode'] {
  if (status.mode === 'in-service') return { kind: 'in-service' };
  if (status.reasons.some((r) => r.kind === 'maintenance')) return { kind: 'maintenance' };
  return {
    kind: 'out-of-service',
    reasons: status.reasons.map((r) => (r.kind === 'maintenance' ? r.kind : `${r.kind}:${r.deviceId}`)),
  };
}

export function heartbeatReport(sources: HeartbeatSources): HeartbeatReport {
  const { config, status, devices, printing, startedAt, now } = sources;
  const at = now();
  return {
    terminalId: config.terminal.id,
    site: config.site.kind,
    centreId: config.site.centreId,
    mode: modeOf(status()),
    devices: devices.statuses().map(({ id, kind, status: state }) => ({
      id,
      kind,
      state: state.state,
      ...(state.state === 'error' ? { code: state.code.slice(0, 80) } : {}),
    })),
    paper: printing
      .counters()
      .map((c) => ({ deviceId: c.printerId, printedSinceRefill: c.printedSinceRefill })),
    jobsHeld: printing.staffJobs().filter((j) => j.status === 'needs-attention').length,
    version: appVersion,
    uptimeSeconds: Math.max(0, Math.floor((at - startedAt) / 1000)),
    sentAt: macauIso(at),
  };
}
