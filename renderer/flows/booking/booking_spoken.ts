import type {
  AppointmentView,
  BackendProblem,
  DateStepView,
  SlotStepView,
  WorkingTask,
} from '../../../electron/rpc/flows/booking_parts.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { LocalisedText } from '../../../electron/rpc/localised_text_schema.js';
import type { BookingFormat } from './booking_format.js';
import type { BookingFlowId } from './booking_frame.js';

/**
 * What audio guidance says about the parts both booking flows share (booking_announcement.ts, check_in_announcement.ts
 * and the steps' `action(...)` prompts): the appointment, a day, a time, the date and slot steps, waiting and a
 * problem. Catalogue names go as `{ text }` in the four languages; dates and times as the screen formats them, in
 * the session's language (short verbatim text, never cached on disk). Nothing about the resident is ever spoken.
 */

/** A catalogue name (a service, a department, a centre) as it is shown. */
export const spokenName = (name: LocalisedText): Prompt => ({
  key: 'booking.name',
  values: { name: { text: name } },
});

/** What, where and when: the appointment card, spoken. */
export function spokenAppointment(appointment: AppointmentView, f: BookingFormat): Prompt {
  return {
    key: 'booking.appointment',
    values: {
      service: { text: appointment.service.name },
      centre: { text: appointment.centre.name },
      date: f.dateOf(appointment.start),
      time: f.time(appointment.start),
    },
  };
}

/** The booking's reference (what the resident quotes at a counter: not personal data). */
export const spokenReference = (reference: string): Prompt => ({
  key: 'booking.reference',
  values: { reference },
});

/** A day of the date step, as its button says it. */
export const spokenDay = (date: string, freeSlots: number, f: BookingFormat): Prompt[] => [
  { key: 'booking.said', values: { what: f.date(date) } },
  { key: 'booking:date.free', values: { count: freeSlots } },
];

/** A time of the slot step, as its button says it (the places left, when it is one of the day's). */
export const spokenTime = (start: string, f: BookingFormat, free?: number): Prompt[] => [
  { key: 'booking.said', values: { what: f.time(start) } },
  ...(free === undefined ? [] : [{ key: 'booking:slot.places', values: { count: free } }]),
];

export function dateStepPrompts<F extends BookingFlowId>(view: DateStepView<F>): Prompt[] {
  return [
    { key: 'booking:date.title' },
    {
      key: 'booking:date.lead',
      values: { service: { text: view.about.name }, centre: { text: view.centre.name } },
    },
    view.dates.length === 0 ? { key: 'booking:date.none' } : { key: 'booking.keys.choose' },
  ];
}

export function slotStepPrompts<F extends BookingFlowId>(view: SlotStepView<F>, f: BookingFormat): Prompt[] {
  const notice: Prompt[] = view.notice
    ? [
        { key: `booking:slot.notice.${view.notice.kind}` },
        ...(view.notice.nextFree.length > 0 ? [{ key: 'booking:slot.nextFree' }] : []),
      ]
    : [];
  return [
    { key: 'booking:slot.title' },
    { key: 'booking:slot.lead', values: { date: f.date(view.date), centre: { text: view.centre.name } } },
    ...notice,
    view.slots.length === 0 ? { key: 'booking:slot.none' } : { key: 'booking.keys.choose' },
  ];
}

export const workingPrompts = (task: WorkingTask): Prompt[] => [
  { key: `booking:working.${task}` },
  { key: 'booking:working.wait' },
];

export const problemPrompts = (problem: BackendProblem): Prompt[] => [
  { key: `booking:problem.${problem}.title` },
  { key: `booking:problem.${problem}.body` },
  { key: 'booking:problem.elsewhere' },
  { key: 'booking.keys.problem' },
];
