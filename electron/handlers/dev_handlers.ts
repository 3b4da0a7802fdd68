import type { MaintenanceMode } from '../maintenance/maintenance_mode.js';
import type { devMethods } from '../rpc/dev_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { DeviceHub } from '../services/device_hub.js';
import type { KioskPrintService } from '../services/print_service.js';
import { outcomeWith } from './outcome_codes.js';

export interface DevHandlerDeps {
  maintenance: MaintenanceMode;
  devices: DeviceHub;
  printing: KioskPrintService;
}

/** `dev.*`: the dev dock (the router refuses these in production). */
export function devHandlers({
  maintenance,
  devices,
  printing,
}: DevHandlerDeps): MethodHandlers<typeof devMethods> {
  return {
    // The dock's switch follows the same rules as staff: entry waits for a resident's transaction to end.
    'dev.setMaintenance': ({ on }) => {
      if (on) maintenance.enter('dev-dock');
      else maintenance.leave('dev-dock');
      return maintenance.status();
    },
    'dev.simulators': () => devices.simulators(),
    'dev.simulate': (action) => devices.simulate(action),
    'dev.printSample': async ({ template, unprintableName }) =>
      outcomeWith(await printing.printSample(template, unprintableName)),
  };
}
