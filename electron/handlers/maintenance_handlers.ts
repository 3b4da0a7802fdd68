import type { maintenanceMethods } from '../rpc/maintenance_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { KioskPrintService } from '../services/print_service.js';
import { outcomeOf } from './outcome_codes.js';

/**
 * `maintenance.*`: staff, with the kiosk in maintenance (the router checks), acting on journalled print jobs and
 * staff alerts. The print service answers with typed errors; staff screens get their codes (outcome_codes.ts).
 */
export function maintenanceHandlers(printing: KioskPrintService): MethodHandlers<typeof maintenanceMethods> {
  return {
    'maintenance.printJobs': () => printing.staffJobs(),
    'maintenance.printerCounters': () => printing.counters(),
    'maintenance.reprint': async ({ jobId, staffId, reason }) =>
      outcomeOf(await printing.reprint(jobId, staffId, reason)),
    'maintenance.voidJob': ({ jobId, staffId, reason }) =>
      outcomeOf(printing.voidJob(jobId, staffId, reason)),
    'maintenance.alerts': () => printing.alerts(),
    'maintenance.acknowledgeAlert': ({ alertId, staffId }) =>
      outcomeOf(printing.acknowledgeAlert(alertId, staffId)),
  };
}
