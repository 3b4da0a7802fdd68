import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { searchedText } from '../../../electron/rpc/flows/searched_text.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { BookingFormat } from './booking_format.js';
import {
  dateStepPrompts,
  problemPrompts,
  slotStepPrompts,
  spokenAppointment,
  spokenName,
  spokenReference,
  workingPrompts,
} from './booking_spoken.js';

type Shown = Exclude<BookAppointmentFlowView, { step: 'identify' }>;

/**
 * What audio guidance says on each step of booking an appointment (the identify step speaks for itself:
 * identify_announcement.ts): the step's title, what the screen says (the service's facts, the appointment, the
 * reference), and what the keys do. The choices themselves (departments, services, centres, days, times) are said
 * as the keypad reaches each one (their `action(...)` prompts), so a list of forty is not read out at once. The
 * resident's name, even masked, is never spoken.
 */
export function bookAppointmentAnnouncement(view: Shown, f: BookingFormat): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `book-appointment:${key}`, values } : { key: `book-appointment:${key}` };
  switch (view.step) {
    case 'site':
      return [p('site.title'), { key: 'booking.keys.choose' }];
    case 'departments':
      return [p(`departments.title.${view.site}`), { key: 'booking.keys.departments' }];
    case 'search':
      return [
        p('search.title'),
        ...(searchedText(view.query, view.composing).trim() === ''
          ? []
          : view.results.length === 0
            ? [p('search.none')]
            : [p('services.lead', { count: view.results.length })]),
        { key: 'booking.keys.search' },
      ];
    case 'services':
      return [
        spokenName(view.department.name),
        p('services.lead', { count: view.services.length }),
        { key: 'booking.keys.choose' },
      ];
    case 'service': {
      const d = view.details;
      return [
        spokenName(d.name),
        spokenName(d.department.name),
        p('service.bring'),
        ...d.requirements.map((r) => ({ key: `booking:requirement.${r}` })),
        p('service.fee'),
        d.feeAvos === 0 ? p('service.free') : { key: 'booking.said', values: { what: f.money(d.feeAvos) } },
        p('service.minutes', { count: d.appointmentMinutes }),
        d.bookable ? { key: 'booking.keys.service' } : p('service.notBookable'),
        ...(d.bookable ? [] : [{ key: 'booking.keys.backOnly' }]),
      ];
    }
    case 'centre':
      return [p('centre.title'), spokenName(view.about.name), { key: 'booking.keys.choose' }];
    case 'date':
      return dateStepPrompts(view);
    case 'slot':
      return slotStepPrompts(view, f);
    case 'confirm':
      return [
        p('confirm.title'),
        spokenAppointment(view.appointment, f),
        p(`confirm.by.${view.resident.method}`),
        { key: 'booking.keys.confirm' },
      ];
    case 'working':
      return workingPrompts(view.task);
    case 'booked':
      return [
        p('booked.title'),
        spokenReference(view.booking.reference),
        { key: `booking:paper.slip.${view.slip}` },
        spokenAppointment(view.booking.appointment, f),
        { key: 'booking.keys.finish' },
      ];
    case 'already-booked':
      return [
        p('alreadyBooked.title'),
        spokenAppointment(view.booking.appointment, f),
        spokenReference(view.booking.reference),
        p('alreadyBooked.lead'),
        { key: 'booking.keys.finish' },
      ];
    case 'problem':
      return problemPrompts(view.problem);
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
