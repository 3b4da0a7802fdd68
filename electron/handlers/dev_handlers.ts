import type { devMethods } from '../rpc/dev_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskStatusService } from '../services/kiosk_status_service.js';
import type { KioskPrintService } from '../services/print_service.js';
import { outcomeWith } from './outcome_codes.js';

export interface DevHandlerDeps {
  kioskStatus: KioskStatusService;
  devices: DeviceHub;
  printing: KioskPrintService;
}

/** `dev.*`: the dev dock (the router refuses these in production). */
export function devHandlers({
  kioskStatus,
  devices,
  printing,
}: DevHandlerDeps): MethodHandlers<typeof devMethods> {
  return {
    'dev.setMaintenance': ({ on }) => kioskStatus.setMaintenance(on),
    'dev.simulators': () => devices.simulators(),
    'dev.simulate': (action) => devices.simulate(action),
    'dev.printSample': async ({ template, unprintableName }) =>
      outcomeWith(await printing.printSample(template, unprintableName)),
  };
}
