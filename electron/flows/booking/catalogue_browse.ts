import { maxSearchResults } from '../../rpc/flows/book_appointment_contract.js';
import type { DepartmentView, ServiceItem, SiteKind } from '../../rpc/flows/booking_parts.js';
import type { Language } from '../../rpc/languages.js';
import { departmentView, serviceItem } from './booking_views.js';
import type { CatalogueIndex } from './catalogue_cache.js';

/**
 * Browsing the catalogue without typing (a site's departments, a department's services) and searching it as the
 * resident types, for the booking flow's screens. Lists keep the catalogue's order (the government's own);
 * search ranks by relevance, with the session's language weighing more.
 */

export type DepartmentEntry = DepartmentView & { services: number };

/** The departments (or Mainland authorities) with at least one service at `site`, with how many. */
export function departmentsOf(index: CatalogueIndex, site: SiteKind): DepartmentEntry[] {
  const counts = new Map<string, number>();
  for (const service of index.catalogue.services) {
    if (service.site === site) counts.set(service.department, (counts.get(service.department) ?? 0) + 1);
  }
  return index.catalogue.departments
    .filter((d) => counts.has(d.code))
    .map((d) => ({ ...departmentView(d), services: counts.get(d.code) ?? 0 }));
}

/** A department's services at `site`, bookable ones first. */
export function servicesOf(index: CatalogueIndex, site: SiteKind, code: string): ServiceItem[] {
  const services = index.catalogue.services.filter((s) => s.department === code && s.site === site);
  return [...services.filter((s) => s.bookable), ...services.filter((s) => !s.bookable)].map((s) =>
    serviceItem(index, s),
  );
}

/** Services matching what was typed, best first. */
export function searchServices(
  index: CatalogueIndex,
  text: string,
  site: SiteKind,
  language: Language,
): ServiceItem[] {
  return index.find(text, { language, site, limit: maxSearchResults }).flatMap((hit) => {
    const service = index.services.get(hit.serviceId);
    return service ? [serviceItem(index, service)] : [];
  });
}
