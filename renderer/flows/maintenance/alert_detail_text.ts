import type { TFunction } from 'i18next';
import type { MaintenanceFlowView } from '../../../electron/rpc/flows/maintenance_contract.js';
import { readNeedsStaffReason } from '../../../electron/rpc/flows/needs_staff_reasons.js';

/**
 * A staff alert's detail and a transaction's "needs staff" reason in the staff member's language
 * (electron/journal/staff_alert_details.ts, electron/rpc/flows/needs_staff_reasons.ts): the text of its code with its
 * values; a device's or backend's own code stays beside it, for support. A reason no translation knows yet still
 * shows, as unrecognised, never as nothing.
 */
export function needsStaffText(t: TFunction<'maintenance'>, reason: string): string {
  const read = readNeedsStaffReason(reason);
  switch (read.kind) {
    case 'reason':
      return t(`needsStaffReason.${read.reason}`);
    case 'family':
      return t(`needsStaffReason.family.${read.family}`, { code: read.code });
    case 'unrecognised':
      return t('needsStaffReason.unrecognised', { code: read.text });
    default: {
      const unreachable: never = read;
      return unreachable;
    }
  }
}

const known = (t: TFunction<'maintenance'>, key: string, fallback: string) =>
  t(key, { defaultValue: fallback });

/** A staff alert's detail as the maintenance view carries it (electron/journal/staff_alert_details.ts). */
type StaffAlertDetail = Extract<MaintenanceFlowView, { step: 'alerts' }>['alerts'][number]['detail'];

export function alertDetailText(t: TFunction<'maintenance'>, detail: StaffAlertDetail): string {
  switch (detail.code) {
    case 'transaction-stopped':
      return t('alertDetail.transaction-stopped', {
        id: detail.transactionId,
        kind: known(t, `transactionKind.${detail.kind}`, detail.kind),
        state: known(t, `transactionState.${detail.state}`, detail.state),
        reason: needsStaffText(t, detail.reason),
      });
    case 'resident-asked':
      return t('alertDetail.resident-asked', {
        terminal: detail.terminal,
        service: known(t, `common:service.${detail.flow}.title`, detail.flow),
        step: detail.step,
      });
    case 'missing-glyphs':
      return t('alertDetail.missing-glyphs', { template: detail.template, count: detail.characters });
    case 'cannot-render':
      return t(`alertDetail.cannot-render.${detail.reason}`, { template: detail.template });
    case 'print-job-held':
      return t('alertDetail.print-job-held', {
        id: detail.printJobId,
        reason: t(`jobReason.held.${detail.reason}`),
      });
    case 'print-job-expired':
      return t('alertDetail.print-job-expired', { id: detail.printJobId, count: detail.hours });
    case 'release-stopped':
      return t(`alertDetail.release-stopped.${detail.problem}`, { device: detail.deviceId });
    case 'door-not-opened':
      return t('alertDetail.door-not-opened', {
        device: detail.deviceId,
        door: detail.door,
        compartment: detail.compartment,
        code: detail.detail,
      });
    case 'door-left-open':
      return t('alertDetail.door-left-open', {
        device: detail.deviceId,
        door: detail.door,
        compartment: detail.compartment,
      });
    case 'slot-failed':
      return t('alertDetail.slot-failed', { device: detail.deviceId, slot: detail.slot });
    case 'text':
      return t('alertDetail.text', { text: detail.text });
    default: {
      const unreachable: never = detail;
      return unreachable;
    }
  }
}
