import type { Booking, Slot } from '../../backend/contract/bookings.js';
import type { Centre, Department, Service } from '../../backend/contract/catalogue.js';
import type {
  AppointmentView,
  BookingView,
  CentreView,
  DepartmentView,
  ServiceDetails,
  ServiceItem,
  SlotView,
} from '../../rpc/flows/booking_parts.js';
import type { CatalogueIndex } from './catalogue_cache.js';

/**
 * The catalogue's and the backend's records as the booking screens show them: only what a screen draws, in the
 * four languages. A booking whose service or centre the catalogue no longer lists cannot be shown (`undefined`).
 */

const macauOffsetMs = 8 * 3_600_000;

/** The calendar day in Macau (UTC+8 all year; Hengqin keeps the same time) of an instant. */
export function macauDate(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + macauOffsetMs).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a centre has staffed counters (and so appointment slots): its hours are a time range, not `24h`. */
export function hasCounters(centre: Centre): boolean {
  return /\d{2}:\d{2}\s*-\s*\d{2}:\d{2}/.test(centre.counterHours);
}

export function departmentView(department: Department): DepartmentView {
  return { code: department.code, name: department.name, mainland: department.mainland };
}

const unknownDepartment = (code: string): DepartmentView => ({
  code,
  name: { 'zh-Hant': code, 'zh-Hans': code, pt: code, en: code },
  mainland: false,
});

export function serviceItem(index: CatalogueIndex, service: Service): ServiceItem {
  const department = index.departments.get(service.department);
  return {
    serviceId: service.id,
    name: service.name,
    department: department ? departmentView(department) : unknownDepartment(service.department),
    bookable: service.bookable,
  };
}

export function serviceDetails(index: CatalogueIndex, service: Service): ServiceDetails {
  return {
    ...serviceItem(index, service),
    requirements: service.requirements,
    feeAvos: service.feeAvos,
    appointmentMinutes: service.appointmentMinutes,
  };
}

export function centreView(centre: Centre, hereId: string): CentreView {
  return { centreId: centre.id, name: centre.name, address: centre.address, here: centre.id === hereId };
}

/** The centres where a service can be booked: those with counters, this kiosk's own first. */
export function bookableCentres(index: CatalogueIndex, service: Service, hereId: string): CentreView[] {
  return service.centres
    .map((id) => index.centres.get(id))
    .filter((c): c is Centre => c !== undefined && hasCounters(c))
    .map((c) => centreView(c, hereId))
    .sort((a, b) => Number(b.here) - Number(a.here));
}

export function slotView(slot: Slot): SlotView {
  return { slotId: slot.slotId, start: slot.start, end: slot.end, free: slot.free };
}

export function appointmentView(
  index: CatalogueIndex,
  at: { serviceId: string; centreId: string; start: string; end: string },
  hereId: string,
): AppointmentView | undefined {
  const service = index.services.get(at.serviceId);
  const centre = index.centres.get(at.centreId);
  if (!service || !centre) return undefined;
  return {
    service: serviceItem(index, service),
    centre: centreView(centre, hereId),
    start: at.start,
    end: at.end,
  };
}

export function bookingView(
  index: CatalogueIndex,
  booking: Booking,
  hereId: string,
): BookingView | undefined {
  const appointment = appointmentView(index, booking, hereId);
  return appointment && { reference: booking.reference, status: booking.status, appointment };
}
