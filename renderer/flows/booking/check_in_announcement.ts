import type { CheckInFlowView, CheckInRefusal } from '../../../electron/rpc/flows/check_in_contract.js';
import type { Prompt } from '../../../electron/rpc/guidance_contract.js';
import type { BookingFormat } from './booking_format.js';
import {
  dateStepPrompts,
  problemPrompts,
  slotStepPrompts,
  spokenAppointment,
  spokenReference,
  workingPrompts,
} from './booking_spoken.js';

type View<S extends CheckInFlowView['step']> = Extract<CheckInFlowView, { step: S }>;

/** Why check-in did not happen, spoken with the same values the screen shows (booking_step.tsx). */
function refusalPrompt(refusal: CheckInRefusal, view: View<'booking'>, f: BookingFormat): Prompt {
  const key = `check-in:refusal.${refusal.reason}`;
  switch (refusal.reason) {
    case 'too-early':
      return {
        key,
        values: {
          date: f.dateOf(refusal.opensAt),
          time: f.time(refusal.opensAt),
          inTime: f.fromNow(refusal.opensAt),
        },
      };
    case 'too-late':
      return { key, values: { date: f.dateOf(refusal.closedAt), time: f.time(refusal.closedAt) } };
    case 'wrong-centre':
      return {
        key,
        values: {
          centre: { text: view.booking.appointment.centre.name },
          address: { text: view.booking.appointment.centre.address },
        },
      };
    case 'cancelled':
      return { key };
    default: {
      const unreachable: never = refusal;
      return unreachable;
    }
  }
}

/**
 * What audio guidance says on each step of checking in and of seeing, moving or cancelling a booking: the step's
 * title, what the screen says (the queue number and where to go, the booking, a refusal's reason and times), and
 * what the keys do. The scan step says to hold the QR code under the scanner; the typing step says how to type the
 * reference with the keypad on the on-screen keyboard (Enter goes into it, the arrows move over its keys).
 */
export function checkInAnnouncement(view: CheckInFlowView, f: BookingFormat): Prompt[] {
  const p = (key: string, values?: Prompt['values']): Prompt =>
    values ? { key: `check-in:${key}`, values } : { key: `check-in:${key}` };
  switch (view.step) {
    case 'scan':
      return [
        p(`scan.title.${view.purpose}`),
        ...(view.notice ? [p(`notice.${view.notice}`)] : []),
        p('scan.how'),
        { key: `booking.keys.scan.${view.purpose}` },
      ];
    case 'reference':
      return [
        p('reference.title'),
        ...(view.notice ? [p(`notice.${view.notice}`)] : []),
        p('reference.lead'),
        { key: 'booking.keys.reference' },
      ];
    case 'working':
      return workingPrompts(view.task);
    case 'ticket':
      return [
        p(`ticket.title.${view.when}`),
        { key: 'booking.queueNumber', values: { number: view.ticket.queueNumber } },
        p('ticket.goTo', { area: { text: view.ticket.counterArea } }),
        view.when === 'now'
          ? { key: `booking:paper.ticket.${view.slip}` }
          : p('ticket.earlier', { time: f.time(view.ticket.checkedInAt) }),
        { key: 'booking.keys.finish' },
      ];
    case 'booking':
      return [
        view.refusal ? p(`refusal.title.${view.refusal.reason}`) : p(`booking.title.${view.booking.status}`),
        ...(view.refusal ? [refusalPrompt(view.refusal, view, f)] : []),
        spokenAppointment(view.booking.appointment, f),
        spokenReference(view.booking.reference),
        { key: view.canChange ? 'booking.keys.manage' : 'booking.keys.finish' },
      ];
    case 'date':
      return dateStepPrompts(view);
    case 'slot':
      return slotStepPrompts(view, f);
    case 'confirm-reschedule':
      return [
        p('reschedule.title'),
        {
          key: 'booking.move',
          values: {
            fromDate: f.dateOf(view.booking.appointment.start),
            fromTime: f.time(view.booking.appointment.start),
            toDate: f.dateOf(view.to.start),
            toTime: f.time(view.to.start),
          },
        },
        { key: 'booking.keys.confirm' },
      ];
    case 'rescheduled':
      return [
        p('reschedule.done'),
        spokenAppointment(view.booking.appointment, f),
        { key: `booking:paper.slip.${view.slip}` },
        { key: 'booking.keys.finish' },
      ];
    case 'confirm-cancel':
      return [
        p('cancelBooking.title'),
        spokenAppointment(view.booking.appointment, f),
        p('cancelBooking.lead'),
        { key: 'booking.keys.confirmCancel' },
      ];
    case 'cancelled':
      return [p('cancelBooking.done'), p('cancelBooking.after'), { key: 'booking.keys.finish' }];
    case 'problem':
      return problemPrompts(view.problem);
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
