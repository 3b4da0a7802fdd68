import type { AuditEvent } from '../../journal/audit_events.js';
import type { SignedInStaff } from '../../staff/staff_sign_in.js';
import type { FlowServices } from '../flow.js';

/** Records a staff action in the audit log as the signed-in member of staff's; a refused record is logged. */
export function auditAs(
  services: Pick<FlowServices, 'journal' | 'logger'>,
  staff: SignedInStaff,
  event: AuditEvent,
): void {
  const recorded = services.journal.audit.append({ staffId: staff.staffId }, event);
  if (!recorded.ok)
    services.logger.log('audit-append-failed', { auditKind: event.kind, code: recorded.error.code });
}
