import type { BackendReport } from '../backend/backend_report.js';
import type { KioskLogger } from './kiosk_logger.js';

/**
 * The backend's reporter, connected to the kiosk's log (electron/backend/ does not import the logger). The
 * fields are facts about the backend — a file path, a method name, an error kind, a network code — never a
 * request or a reply.
 */
export function logBackendReports(logger: KioskLogger): (report: BackendReport) => void {
  return (report) => {
    switch (report.type) {
      case 'embedded-opened':
        if (report.seeded) logger.log('backend-embedded-seeded', { path: report.path });
        else
          logger.log('backend-embedded-opened', {
            path: report.path,
            catalogueReplaced: report.catalogueReplaced,
          });
        return;
      case 'circuit-changed':
        switch (report.state) {
          case 'open':
            return logger.log('backend-circuit-opened');
          case 'half-open':
            return logger.log('backend-circuit-probing');
          case 'closed':
            return logger.log('backend-circuit-closed');
        }
        return;
      case 'call-unanswered': {
        const { method, error, attempts, detail } = report;
        logger.log('backend-unreachable', { method, error, attempts, detail });
        return;
      }
      default: {
        const unreachable: never = report;
        return unreachable;
      }
    }
  };
}
