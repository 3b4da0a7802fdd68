/**
 * The print service's part of the RPC handler map. The service answers with typed errors; the contract carries
 * an error's code only (the renderer and the staff screens branch on codes, and details such as a printer id stay
 * in the main process), so the mapping happens here, at the edge, and nowhere else.
 */
import type { Result } from '../../lib/result.js';
import type { Handlers } from '../rpc/router.js';
import type { KioskPrintService } from './print_service.js';

type PrintMethods =
  | 'dev.printSample'
  | 'maintenance.printJobs'
  | 'maintenance.printerCounters'
  | 'maintenance.reprint'
  | 'maintenance.voidJob'
  | 'maintenance.alerts'
  | 'maintenance.acknowledgeAlert';

function codeOnly<T, E extends { code: string }>(
  result: Result<T, E>,
): { ok: true } | { ok: false; error: string } {
  return result.ok ? { ok: true } : { ok: false, error: result.error.code };
}

export function printRpcHandlers(printing: KioskPrintService): Pick<Handlers, PrintMethods> {
  return {
    'dev.printSample': async ({ template, unprintableName }) => {
      const printed = await printing.printSample(template, unprintableName);
      return printed.ok ? { ok: true, jobId: printed.value.jobId } : { ok: false, error: printed.error.code };
    },
    'maintenance.printJobs': () => printing.staffJobs(),
    'maintenance.printerCounters': () => printing.counters(),
    'maintenance.reprint': async ({ jobId, staffId, reason }) =>
      codeOnly(await printing.reprint(jobId, staffId, reason)),
    'maintenance.voidJob': ({ jobId, staffId, reason }) => codeOnly(printing.voidJob(jobId, staffId, reason)),
    'maintenance.alerts': () => printing.alerts(),
    'maintenance.acknowledgeAlert': ({ alertId, staffId }) =>
      codeOnly(printing.acknowledgeAlert(alertId, staffId)),
  };
}
