import type { KioskConfig } from '../config/config_schema.js';
import type { KioskSnapshot, kioskMethods } from '../rpc/kiosk_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';
import type { SessionService } from '../services/session_service.js';

export interface KioskHandlerDeps {
  config: KioskConfig;
  kioskStatus: KioskStatusService;
  session: SessionService;
  devices: DeviceHub;
}

/** `kiosk.*`: the snapshot the renderer draws from on every (re)connect — the resident's step included. */
export function kioskHandlers({
  config,
  kioskStatus,
  session,
  devices,
}: KioskHandlerDeps): MethodHandlers<typeof kioskMethods> {
  const snapshot = (): KioskSnapshot => ({
    terminalId: config.terminal.id,
    site: { kind: config.site.kind, name: config.site.name },
    languages: config.languages,
    attractSlideSeconds: config.timeLimits.attractSlideSeconds,
    devTools: config.mode !== 'production',
    status: kioskStatus.status,
    session: session.view(),
    services: kioskStatus.services,
    devices: devices.statuses(),
  });
  return { 'kiosk.snapshot': snapshot };
}
