import type { maintenanceMethods } from '../rpc/maintenance_contract.js';
import type { MethodHandlers } from '../rpc/router.js';
import type { KioskPrintService } from '../services/print_service.js';

/** `maintenance.*`: staff, with the kiosk in maintenance (the router checks), acting on journalled print jobs. */
export function maintenanceHandlers(printing: KioskPrintService): MethodHandlers<typeof maintenanceMethods> {
  return {
    'maintenance.printJobs': () => printing.staffJobs(),
    'maintenance.printerCounters': () => printing.counters(),
    'maintenance.reprint': ({ jobId, staffId, reason }) => printing.reprint(jobId, staffId, reason),
    'maintenance.voidJob': ({ jobId, staffId, reason }) => printing.voidJob(jobId, staffId, reason),
    'maintenance.alerts': () => printing.alerts(),
    'maintenance.acknowledgeAlert': ({ alertId, staffId }) => printing.acknowledgeAlert(alertId, staffId),
  };
}
