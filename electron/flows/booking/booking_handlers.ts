import type { bookAppointmentFlowMethods } from '../../rpc/flows/book_appointment_contract.js';
import type { checkInFlowMethods } from '../../rpc/flows/check_in_contract.js';
import type { MethodHandlers } from '../../rpc/router.js';
import type { IntentOutcome } from '../flow.js';
import type { FlowOf } from '../flow_registry.js';
import type { FlowRunner } from '../flow_runner.js';

type Intent<Id extends 'book-appointment' | 'check-in'> = (
  flow: FlowOf<Id>,
) => IntentOutcome | Promise<IntentOutcome>;

/** The booking flow's intents, each handed to the running booking flow (refused if the resident is elsewhere). */
export function bookAppointmentFlowHandlers(
  flows: FlowRunner,
): MethodHandlers<typeof bookAppointmentFlowMethods> {
  const to = (intent: Intent<'book-appointment'>) => flows.dispatch('book-appointment', intent);
  return {
    'book-appointment.chooseSite': ({ site }) => to((f) => f.chooseSite(site)),
    'book-appointment.chooseDepartment': ({ code }) => to((f) => f.chooseDepartment(code)),
    'book-appointment.openSearch': () => to((f) => f.openSearch()),
    'book-appointment.search': ({ text, composing }) => to((f) => f.search(text, composing)),
    'book-appointment.chooseService': ({ serviceId }) => to((f) => f.chooseService(serviceId)),
    'book-appointment.startBooking': () => to((f) => f.startBooking()),
    'book-appointment.chooseCentre': ({ centreId }) => to((f) => f.chooseCentre(centreId)),
    'book-appointment.chooseDate': ({ date }) => to((f) => f.chooseDate(date)),
    'book-appointment.chooseSlot': ({ slotId }) => to((f) => f.chooseSlot(slotId)),
    'book-appointment.confirm': () => to((f) => f.confirm()),
    'book-appointment.retry': () => to((f) => f.retry()),
    'book-appointment.back': () => to((f) => f.back()),
    'book-appointment.cancel': () => to((f) => f.cancel()),
    'book-appointment.finish': () => to((f) => f.finish()),
  };
}

/** The check-in flow's intents. */
export function checkInFlowHandlers(flows: FlowRunner): MethodHandlers<typeof checkInFlowMethods> {
  const to = (intent: Intent<'check-in'>) => flows.dispatch('check-in', intent);
  return {
    'check-in.typeReference': () => to((f) => f.typeReference()),
    'check-in.submitReference': ({ reference }) => to((f) => f.submitReference(reference)),
    'check-in.manage': () => to((f) => f.manage()),
    'check-in.reschedule': () => to((f) => f.reschedule()),
    'check-in.chooseDate': ({ date }) => to((f) => f.chooseDate(date)),
    'check-in.chooseSlot': ({ slotId }) => to((f) => f.chooseSlot(slotId)),
    'check-in.cancelBooking': () => to((f) => f.cancelBooking()),
    'check-in.confirm': () => to((f) => f.confirm()),
    'check-in.retry': () => to((f) => f.retry()),
    'check-in.back': () => to((f) => f.back()),
    'check-in.cancel': () => to((f) => f.cancel()),
    'check-in.finish': () => to((f) => f.finish()),
  };
}
