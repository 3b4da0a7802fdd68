import type { BookAppointmentFlowView } from '../../electron/rpc/flows/book_appointment_contract.js';
import type { AppointmentView, BookingView } from '../../electron/rpc/flows/booking_parts.js';
import type { CheckInFlowView } from '../../electron/rpc/flows/check_in_contract.js';

/**
 * One view of every step of booking, checking in and managing a booking (every notice, refusal and outcome), for
 * tests that go through all of them: what each announces, what each action says, what the keypad does there.
 */
const inFour = (en: string, zh: string) => ({ 'zh-Hant': zh, 'zh-Hans': zh, pt: `${en} (pt)`, en });
const department = { code: 'DSAL', name: inFour('Labour Affairs Bureau', '勞工事務局'), mainland: false };
const service = {
  serviceId: 'dsal-work-permit',
  name: inFour('Work permit enquiry', '外地僱員查詢'),
  department,
  bookable: true,
};
const centre = {
  centreId: 'areia-preta',
  name: inFour('Areia Preta', '黑沙環'),
  address: inFour('Rua 1', '一街'),
  here: false,
};
const appointment: AppointmentView = {
  service,
  centre,
  start: '2027-01-05T09:30:00+08:00',
  end: '2027-01-05T09:45:00+08:00',
};
export const sampleBooking: BookingView = { reference: 'K7QX-2MNP', status: 'booked', appointment };
const slot = {
  slotId: 'areia-preta/2027-01-05T09:30',
  start: appointment.start,
  end: appointment.end,
  free: 3,
};
const b = 'book-appointment' as const;
const c = 'check-in' as const;

export const bookAppointmentViews: Exclude<BookAppointmentFlowView, { step: 'identify' }>[] = [
  { service: b, step: 'site', home: 'hengqin' },
  { service: b, step: 'departments', site: 'hengqin', departments: [{ ...department, services: 1 }] },
  { service: b, step: 'search', site: 'macau', query: '', results: [] },
  { service: b, step: 'search', site: 'macau', query: 'ldgz', results: [service] },
  { service: b, step: 'search', site: 'macau', query: 'qqq', results: [] },
  {
    service: b,
    step: 'services',
    site: 'macau',
    department,
    services: [service, { ...service, serviceId: 'dsal-quota', bookable: false }],
  },
  {
    service: b,
    step: 'service',
    details: {
      ...service,
      requirements: ['travel-document', 'photo'],
      feeAvos: 5000,
      appointmentMinutes: 15,
    },
  },
  {
    service: b,
    step: 'service',
    details: { ...service, bookable: false, requirements: [], feeAvos: 0, appointmentMinutes: 1 },
  },
  {
    service: b,
    step: 'centre',
    about: service,
    centres: [centre, { ...centre, centreId: 'rua-nova', here: true }],
  },
  { service: b, step: 'date', about: service, centre, dates: [{ date: '2027-01-05', freeSlots: 2 }] },
  { service: b, step: 'date', about: service, centre, dates: [] },
  { service: b, step: 'slot', about: service, centre, date: '2027-01-05', slots: [slot], notice: null },
  {
    service: b,
    step: 'slot',
    about: service,
    centre,
    date: '2027-01-05',
    slots: [],
    notice: { kind: 'slot-taken', nextFree: [slot] },
  },
  { service: b, step: 'confirm', appointment, resident: { method: 'document', maskedName: 'WONG S** L**' } },
  { service: b, step: 'confirm', appointment, resident: { method: 'macao-one-account', maskedName: null } },
  ...(['catalogue', 'availability', 'booking'] as const).map((task) => ({
    service: b,
    step: 'working' as const,
    task,
  })),
  { service: b, step: 'booked', booking: sampleBooking, slip: 'printed' },
  { service: b, step: 'booked', booking: sampleBooking, slip: 'not-printed' },
  { service: b, step: 'already-booked', booking: sampleBooking },
  { service: b, step: 'problem', problem: 'unavailable' },
];

export const checkInViews: CheckInFlowView[] = [
  { service: c, step: 'scan', purpose: 'check-in', notice: null },
  { service: c, step: 'scan', purpose: 'manage', notice: 'scan-failed' },
  { service: c, step: 'reference', purpose: 'check-in', notice: 'not-found' },
  ...(['finding', 'checking-in', 'rescheduling', 'cancelling'] as const).map((task) => ({
    service: c,
    step: 'working' as const,
    task,
  })),
  {
    service: c,
    step: 'ticket',
    ticket: {
      queueNumber: 'L042',
      counterArea: inFour('Counters 1-4', '1至4號櫃檯'),
      appointment,
      checkedInAt: appointment.start,
    },
    when: 'now',
    slip: 'printing',
  },
  {
    service: c,
    step: 'ticket',
    ticket: {
      queueNumber: 'L042',
      counterArea: inFour('Counters 1-4', '1至4號櫃檯'),
      appointment,
      checkedInAt: appointment.start,
    },
    when: 'earlier',
    slip: 'printed',
  },
  { service: c, step: 'booking', booking: sampleBooking, refusal: null, canChange: true },
  {
    service: c,
    step: 'booking',
    booking: sampleBooking,
    refusal: { reason: 'too-late', closedAt: appointment.end },
    canChange: true,
  },
  {
    service: c,
    step: 'booking',
    booking: sampleBooking,
    refusal: { reason: 'too-early', opensAt: appointment.start },
    canChange: true,
  },
  {
    service: c,
    step: 'booking',
    booking: sampleBooking,
    refusal: { reason: 'wrong-centre' },
    canChange: true,
  },
  {
    service: c,
    step: 'booking',
    booking: { ...sampleBooking, status: 'checked-in' },
    refusal: null,
    canChange: false,
  },
  { service: c, step: 'date', about: service, centre, dates: [{ date: '2027-01-06', freeSlots: 1 }] },
  {
    service: c,
    step: 'slot',
    about: service,
    centre,
    date: '2027-01-06',
    slots: [slot],
    notice: { kind: 'slot-in-past', nextFree: [] },
  },
  {
    service: c,
    step: 'confirm-reschedule',
    booking: sampleBooking,
    to: { start: slot.start, end: slot.end },
  },
  { service: c, step: 'rescheduled', booking: sampleBooking, slip: 'printed' },
  { service: c, step: 'confirm-cancel', booking: sampleBooking },
  { service: c, step: 'cancelled', booking: { ...sampleBooking, status: 'cancelled' } },
  { service: c, step: 'problem', problem: 'outcome-unknown' },
];
