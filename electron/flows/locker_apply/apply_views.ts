import type { LockerApplication } from '../../backend/contract/lockers.js';
import type { KioskConfig } from '../../config/config_schema.js';
import type { LockerApplicationSlip } from '../../printed/templates/locker_application_slip.js';
import type { LockerPointView, LockerServiceView } from '../../rpc/flows/locker_apply_contract.js';
import type { Language } from '../../rpc/languages.js';
import { departmentView } from '../booking/booking_views.js';
import type { CatalogueIndex } from '../booking/catalogue_cache.js';

/**
 * The services a resident can apply for with Smart Locker pickup at this terminal: the catalogue's services whose
 * item a locker can hold (`lockerPickup`, with the compartment size it needs), of this terminal's site or handled at
 * its centre (the terminal profile's rule), grouped by department in the catalogue's order.
 */
export function lockerServicesOffered(
  index: CatalogueIndex,
  site: Pick<KioskConfig['site'], 'kind' | 'centreId'>,
): LockerServiceView[] {
  const offered: LockerServiceView[] = [];
  for (const s of index.catalogue.services) {
    if (!s.lockerPickup || s.lockerSize === null) continue;
    if (s.site !== site.kind && !s.centres.includes(site.centreId)) continue;
    const department = index.departments.get(s.department);
    if (!department) continue;
    offered.push({
      serviceId: s.id,
      name: s.name,
      department: departmentView(department),
      size: s.lockerSize,
    });
  }
  const order = new Map(index.catalogue.departments.map((d, i) => [d.code, i]));
  // A stable sort: within a department the catalogue's order stays.
  return offered.sort((a, b) => (order.get(a.department.code) ?? 0) - (order.get(b.department.code) ?? 0));
}

/** The application slip's input (electron/printed/templates/locker_application_slip.ts). */
export function applicationSlipInput(made: {
  language: Language;
  application: LockerApplication;
  chosen: LockerServiceView;
  point: LockerPointView;
  terminalId: string;
  issuedAt: string;
}): LockerApplicationSlip {
  return {
    language: made.language,
    applicationId: made.application.applicationId,
    service: made.chosen.name,
    lockerPoint: made.point.name,
    lockerAddress: made.point.address,
    hours: made.point.hours,
    readyFrom: made.application.expectedReadyDate,
    issuedAt: made.issuedAt,
    terminalId: made.terminalId,
  };
}
